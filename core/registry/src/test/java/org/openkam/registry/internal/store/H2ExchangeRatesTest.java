package org.openkam.registry.internal.store;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.openkam.registry.internal.db.SqlDatabase;

/** The exchange rates contract on embedded H2, as the product runs by default. */
class H2ExchangeRatesTest extends ExchangeRatesContract {

    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:rates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        dataSource = h2;
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
