package org.openkam.retail.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** Retail structure on a real PostgreSQL server. */
class PostgresRetailStructureTest extends RetailStructureContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres(RetailResource.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
