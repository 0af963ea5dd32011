package org.openkam.retail.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** Sales imports on a real PostgreSQL server. */
class PostgresSalesImportTest extends SalesImportContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres(RetailResource.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
