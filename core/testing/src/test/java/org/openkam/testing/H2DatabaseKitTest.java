package org.openkam.testing;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence kit on embedded H2, as the product runs by default. */
class H2DatabaseKitTest extends DatabaseKitContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2(H2DatabaseKitTest.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
