package com.example.kam.reviews;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** The review store on a real PostgreSQL server. */
class PostgresReviewStoreTest extends ReviewStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres(ReviewStore.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
