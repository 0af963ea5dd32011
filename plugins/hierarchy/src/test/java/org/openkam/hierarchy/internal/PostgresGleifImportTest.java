package org.openkam.hierarchy.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.testing.TestDatabase;

/** The GLEIF import's store path on a real PostgreSQL server. */
class PostgresGleifImportTest extends GleifImportContract {

    @RegisterExtension
    final TestDatabase db = TestDatabase.postgres(HierarchyStore.class);

    @Override
    TestDatabase db() {
        return db;
    }
}
