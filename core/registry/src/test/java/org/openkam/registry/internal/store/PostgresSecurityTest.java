package org.openkam.registry.internal.store;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The security contract on a real PostgreSQL server. */
class PostgresSecurityTest extends SecurityContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
