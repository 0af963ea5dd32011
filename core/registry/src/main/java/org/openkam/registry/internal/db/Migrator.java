package org.openkam.registry.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies migration scripts once each, in order, recorded per owner in {@code schema_migration}.
 * Nodes sharing a database serialize on a row lock, so two nodes starting together apply a script once.
 */
final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private final DataSource dataSource;
    private final Dialect dialect;

    Migrator(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    int apply(String owner, List<MigrationScript> scripts) {
        try (Connection c = dataSource.getConnection()) {
            prepare(c);
            int applied = 0;
            for (MigrationScript script : scripts) {
                if (applyOne(c, owner, script, dialect)) {
                    applied++;
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new StoreException("migrating " + owner + " failed: " + e.getMessage(), e);
        }
    }

    private static void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migration (owner VARCHAR(200) NOT NULL, version INT NOT NULL, "
                    + "description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (owner, version))");
            s.execute("CREATE TABLE IF NOT EXISTS schema_lock (id INT PRIMARY KEY)");
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_lock (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM schema_lock WHERE id = 1)");
        } catch (SQLException e) {
            if (!StoreException.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private static boolean applyOne(Connection c, String owner, MigrationScript script, Dialect dialect)
            throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT id FROM schema_lock WHERE id = 1 FOR UPDATE").close();
            }
            String recorded = recordedChecksum(c, owner, script.version());
            if (recorded != null) {
                c.rollback();
                if (!recorded.equals(script.checksum())) {
                    throw new IllegalStateException("migration V" + script.version() + " of " + owner
                            + " was changed after it was applied; add a new script instead");
                }
                return false;
            }
            if (script.runsOn(dialect)) {
                try (Statement s = c.createStatement()) {
                    for (String statement : script.statements()) {
                        s.execute(statement);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_migration "
                    + "(owner, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, owner);
                ps.setInt(2, script.version());
                ps.setString(3, script.description());
                ps.setString(4, script.checksum());
                Rows.setInstant(ps, 5, Rows.now());
                ps.executeUpdate();
            }
            c.commit();
            LOG.info("Applied migration V{} ({}) of {}", script.version(), script.description(), owner);
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String recordedChecksum(Connection c, String owner, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT checksum FROM schema_migration WHERE owner = ? AND version = ?")) {
            ps.setString(1, owner);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
