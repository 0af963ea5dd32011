package org.openkam.registry.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh PostgreSQL database for one test class, in the one embedded server of the test JVM: starting a server
 * takes seconds, so the store contracts share it instead of starting one per class. The same idea as
 * openkam-testing's {@code SharedPostgres}, which the registry cannot use (that module depends on this one).
 * Registered on a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PostgresDatabase POSTGRES = new PostgresDatabase();
 * </pre>
 */
final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresDatabase.class);
    private String name;
    private DataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        Server server = server(context);
        name = "registry_" + UUID.randomUUID().toString().replace("-", "");
        execute(server.postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
        dataSource = server.postgres.getDatabase("postgres", name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        dataSource = null;
        execute(server(context).postgres.getPostgresDatabase(), "DROP DATABASE " + name + " WITH (FORCE)");
    }

    DataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("register PostgresDatabase on a static field with @RegisterExtension");
        }
        return dataSource;
    }

    /** Started by the first class that asks; JUnit closes it when the whole run ends (root store). */
    private static Server server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, key -> Server.start(),
                Server.class);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private record Server(EmbeddedPostgres postgres) implements AutoCloseable {

        static Server start() {
            try {
                return new Server(EmbeddedPostgres.builder().start());
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
