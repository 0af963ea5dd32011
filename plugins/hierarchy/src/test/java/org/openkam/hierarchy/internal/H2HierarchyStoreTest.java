package org.openkam.hierarchy.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** The hierarchy store on embedded H2, as the product runs by default. */
class H2HierarchyStoreTest extends HierarchyStoreContract {

    @RegisterExtension
    final TestDatabase db = TestDatabase.h2(HierarchyStore.class);

    @Override
    TestDatabase db() {
        return db;
    }
}
