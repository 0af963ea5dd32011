package org.openkam.registry.internal.store;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract on a real PostgreSQL server, started from the binaries on the test class path. */
class PostgresRegistryTest extends RegistryContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
