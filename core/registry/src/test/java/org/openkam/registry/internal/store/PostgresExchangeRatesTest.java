package org.openkam.registry.internal.store;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The exchange rates contract on a real PostgreSQL server, started from the binaries on the test class path. */
class PostgresExchangeRatesTest extends ExchangeRatesContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
