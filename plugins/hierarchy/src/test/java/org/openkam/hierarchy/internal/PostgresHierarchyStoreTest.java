package org.openkam.hierarchy.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** The hierarchy store on a real PostgreSQL server. */
class PostgresHierarchyStoreTest extends HierarchyStoreContract {

    @RegisterExtension
    final TestDatabase db = TestDatabase.postgres(HierarchyStore.class);

    @Override
    TestDatabase db() {
        return db;
    }
}
