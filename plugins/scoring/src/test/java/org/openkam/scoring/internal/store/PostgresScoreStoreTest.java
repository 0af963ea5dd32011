package org.openkam.scoring.internal.store;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The score store on a real PostgreSQL server. */
class PostgresScoreStoreTest extends ScoreStoreContract {

    private static EmbeddedPostgres postgres;
    private static Database database;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = new ScriptDatabase(postgres.getPostgresDatabase(), Dialect.POSTGRESQL);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Override
    Database database() {
        return database;
    }
}
