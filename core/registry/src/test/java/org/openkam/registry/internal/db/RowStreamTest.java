package org.openkam.registry.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.openkam.api.persistence.Dialect;

class RowStreamTest {

    private final JdbcDataSource h2 = new JdbcDataSource();
    {
        h2.setURL("jdbc:h2:mem:rowstream-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
    }

    /** What H2 itself says of the session: no SQL reads the setting back. */
    private static boolean lazy(Connection c) throws SQLException {
        return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).isLazyQueryExecution();
    }

    @Test
    void onH2TheRowsStreamForTheReadOnlyAndTheSessionIsLeftAsFound() throws SQLException {
        try (Connection c = h2.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE item (n INT PRIMARY KEY)");
                s.execute("INSERT INTO item SELECT * FROM SYSTEM_RANGE(1, 50000)");
            }
            assertFalse(lazy(c));
            List<Integer> read = new ArrayList<>();
            try (RowStream stream = RowStream.open(c, Dialect.H2);
                    PreparedStatement ps = c.prepareStatement("SELECT n FROM item ORDER BY n")) {
                assertTrue(lazy(c), "the read runs lazily");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read.add(rs.getInt(1));
                    }
                }
            }
            assertFalse(lazy(c), "the pooled connection's next user gets H2's default back");
            assertEquals(50_000, read.size());
            assertEquals(1, read.get(0));
            assertEquals(50_000, read.get(read.size() - 1));
        }
    }

    @Test
    void itNeitherCommitsNorEndsTheTransactionItRunsIn() throws SQLException {
        try (Connection c = h2.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (id INT PRIMARY KEY)");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO note VALUES (1)");
            }
            try (RowStream stream = RowStream.open(c, Dialect.H2)) {
                assertTrue(lazy(c));
            }
            c.rollback();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM note")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the insert before the read was rolled back with its transaction");
            }
        }
    }

    @Test
    void anotherDatabaseIsLeftAlone() throws SQLException {
        try (Connection c = h2.getConnection(); RowStream stream = RowStream.open(c, Dialect.POSTGRESQL)) {
            assertFalse(lazy(c), "no H2 statement is sent where the dialect is PostgreSQL's");
        }
    }
}
