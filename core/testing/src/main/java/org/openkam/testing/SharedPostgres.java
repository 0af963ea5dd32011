package org.openkam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ExtensionContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one embedded PostgreSQL server of a test JVM, kept in JUnit's root store: started by the first test class
 * that asks, stopped when the test run ends. Each test class gets a database of its own in it.
 */
final class SharedPostgres implements AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);
    private final EmbeddedPostgres server;

    private SharedPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static SharedPostgres of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedPostgres.class, key -> start(),
                SharedPostgres.class);
    }

    private static SharedPostgres start() {
        try {
            return new SharedPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
        }
    }

    DataSource create(String database) throws SQLException {
        TestDatabase.execute(server.getPostgresDatabase(), "CREATE DATABASE " + database);
        return server.getDatabase("postgres", database);
    }

    void drop(String database) throws SQLException {
        TestDatabase.execute(server.getPostgresDatabase(), "DROP DATABASE " + database + " WITH (FORCE)");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
