package org.openkam.registry.internal.store;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The job tracker contract on a real PostgreSQL server. */
class PostgresJobTrackerTest extends JobTrackerContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
