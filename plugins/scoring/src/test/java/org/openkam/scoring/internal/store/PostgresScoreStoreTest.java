package org.openkam.scoring.internal.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** The score store on a real PostgreSQL server. */
class PostgresScoreStoreTest extends ScoreStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres(ScoreStore.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
