package org.openkam.retail.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** Sales imports on embedded H2, as the product runs by default. */
class H2SalesImportTest extends SalesImportContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2(RetailResource.class);

    @Override
    TestDatabase db() {
        return DB;
    }
}
