package org.openkam.registry.internal.store;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.openkam.registry.internal.db.SqlDatabase;

/** The account plan contract on embedded H2, as the product runs by default. */
class H2PlanTest extends PlanContract {

    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:plans-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        dataSource = h2;
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
