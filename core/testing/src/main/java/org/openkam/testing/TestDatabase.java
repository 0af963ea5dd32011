package org.openkam.testing;

import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openkam.api.audit.AuditEntry;
import org.openkam.api.audit.FieldChange;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.Rows;
import org.openkam.registry.internal.db.SqlDatabase;
import org.osgi.service.event.Event;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/**
 * A fresh database with the registry's core schema (for the audit trail) and the plugin's own migrations
 * applied, as the product's {@link Database} service would apply them. Registered on a static field it serves
 * every test of the class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestDatabase DB = TestDatabase.postgres(MyStore.class);
 * </pre>
 *
 * Registered on an instance field, each test gets a fresh one. On H2 it is an in-memory database; on PostgreSQL a
 * database of its own in the one embedded server that all tests of the JVM share. Events the writes post are
 * recorded, not delivered.
 */
public final class TestDatabase
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Type CHANGES = new TypeToken<List<FieldChange>>() { }.getType();
    private final Dialect dialect;
    private final Class<?> owner;
    private final RecordedEvents events = new RecordedEvents();
    private DataSource dataSource;
    private Database database;
    private AutoCloseable drop;
    private boolean perTest;

    private TestDatabase(Dialect dialect, Class<?> owner) {
        this.dialect = dialect;
        this.owner = owner;
    }

    /** An in-memory H2 database in PostgreSQL mode, as the product runs it by default. */
    public static TestDatabase h2(Class<?> owner) {
        return new TestDatabase(Dialect.H2, owner);
    }

    /** A database on a real PostgreSQL server, started once per test JVM from the binaries on the class path. */
    public static TestDatabase postgres(Class<?> owner) {
        return new TestDatabase(Dialect.POSTGRESQL, owner);
    }

    /** What a program outside JUnit does with a database. */
    @FunctionalInterface
    public interface Use<T> {
        T apply(Database database) throws Exception;
    }

    /**
     * Runs {@code use} on a fresh in-memory H2 database of {@code owner}, dropped afterwards: for programs outside
     * JUnit, such as the plugins' benchmarks.
     */
    public static <T> T onH2(Class<?> owner, Use<T> use) throws Exception {
        TestDatabase db = h2(owner);
        db.create(null);
        try {
            return use.apply(db.database());
        } finally {
            db.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        create(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        if (database == null) {
            perTest = true;
            create(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private void create(ExtensionContext context) throws SQLException {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        if (dialect == Dialect.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
            dataSource = h2;
            drop = () -> execute(h2, "SHUTDOWN");
        } else {
            SharedPostgres server = SharedPostgres.of(context);
            dataSource = server.create(name);
            drop = () -> server.drop(name);
        }
        database = new SqlDatabase(dataSource, events);
        database.migrate(SqlDatabase.class);
        database.migrate(owner);
    }

    private void close() throws Exception {
        if (drop != null) {
            drop.close();
        }
        drop = null;
        database = null;
        events.clear();
    }

    /** The database service, migrated. */
    public Database database() {
        if (database == null) {
            throw new IllegalStateException("register the TestDatabase on a field with @RegisterExtension");
        }
        return database;
    }

    /**
     * The same database reached through another data source, e.g. one that lets a second node act between two
     * statements; its events are recorded too.
     */
    public Database database(UnaryOperator<DataSource> wrap) {
        database();
        return new SqlDatabase(wrap.apply(dataSource), events);
    }

    /** The events committed writes posted on a topic so far, in order. */
    public List<Event> events(String topic) {
        return events.on(topic);
    }

    /** The audit trail of one entity, oldest first, as {@link org.openkam.api.persistence.Tx#audit} wrote it. */
    public List<AuditEntry> audit(String entityType, String entityId) {
        try (Connection c = database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM audit_entry WHERE entity_type = ? AND entity_id = ? ORDER BY seq")) {
            ps.setString(1, entityType);
            ps.setString(2, entityId);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getString("id"), rs.getString("entity_type"), rs.getString("entity_id"),
                            rs.getString("account_id"), rs.getString("business_unit"), rs.getString("action"),
                            rs.getString("actor"), rs.getString("actor_name"), Rows.instant(rs, "occurred_at"),
                            new Gson().fromJson(rs.getString("changes"), CHANGES)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail failed", e);
        }
    }

    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
