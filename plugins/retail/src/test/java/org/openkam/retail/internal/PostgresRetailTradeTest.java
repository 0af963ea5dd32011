package org.openkam.retail.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** Promotions, terms and figures on a real PostgreSQL server. */
class PostgresRetailTradeTest extends RetailTradeContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres(RetailResource.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
