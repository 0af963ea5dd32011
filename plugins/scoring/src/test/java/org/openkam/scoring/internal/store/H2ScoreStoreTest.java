package org.openkam.scoring.internal.store;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;

/** The score store on embedded H2, as the product runs by default. */
class H2ScoreStoreTest extends ScoreStoreContract {

    private static Database database;

    @BeforeAll
    static void start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:scores-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + ScriptDatabase.H2_OPTIONS);
        database = new ScriptDatabase(h2, Dialect.H2);
    }

    @Override
    Database database() {
        return database;
    }
}
