package org.openkam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.api.persistence.Dialect;

/** The persistence kit on a real PostgreSQL server. */
class PostgresDatabaseKitTest extends DatabaseKitContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres(PostgresDatabaseKitTest.class);

    @Override
    TestDatabase db() {
        return DB;
    }

    @Test
    void runsOnPostgres() {
        assertEquals(Dialect.POSTGRESQL, DB.database().dialect());
    }
}
