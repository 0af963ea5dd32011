package org.openkam.scoring.internal.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** The score store on embedded H2, as the product runs by default. */
class H2ScoreStoreTest extends ScoreStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2(ScoreStore.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
