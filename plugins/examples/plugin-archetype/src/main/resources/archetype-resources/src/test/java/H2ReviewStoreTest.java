package ${package};

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** The review store on embedded H2, as the product runs by default. */
class H2ReviewStoreTest extends ReviewStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2(ReviewStore.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
