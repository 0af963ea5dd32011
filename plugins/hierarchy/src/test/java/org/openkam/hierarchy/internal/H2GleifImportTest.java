package org.openkam.hierarchy.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** The GLEIF import's store path on embedded H2, as the product runs by default. */
class H2GleifImportTest extends GleifImportContract {

    @RegisterExtension
    final TestDatabase db = TestDatabase.h2(HierarchyStore.class);

    @Override
    TestDatabase db() {
        return db;
    }
}
