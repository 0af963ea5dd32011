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
import java.util.HashSet;
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
    void aStreamedReadKeepsTheSnapshotItStartedWithWhileOthersCommit() throws SQLException {
        try (Connection reader = h2.getConnection(); Connection writer = h2.getConnection()) {
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE entry (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)");
                s.execute("CREATE INDEX entry_name ON entry(name, id)");
                s.execute("INSERT INTO entry SELECT \"X\", 'n' || LPAD(CAST(\"X\" AS VARCHAR), 6, '0') "
                        + "FROM SYSTEM_RANGE(1, 20000)");
            }
            reader.setAutoCommit(false); // as AccountService.forEach reads
            List<Integer> read = new ArrayList<>();
            try (RowStream stream = RowStream.open(reader, Dialect.H2);
                    PreparedStatement ps = reader.prepareStatement("SELECT id FROM entry ORDER BY name, id")) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read.add(rs.getInt(1));
                        if (read.size() == 1_000) {
                            // an unread row moves before the read ones, a read one after the unread, one comes, one goes
                            try (Statement s = writer.createStatement()) {
                                s.execute("UPDATE entry SET name = 'a-moved' WHERE id = 15000");
                                s.execute("UPDATE entry SET name = 'z-moved' WHERE id = 10");
                                s.execute("INSERT INTO entry VALUES (30000, 'zz-new')");
                                s.execute("DELETE FROM entry WHERE id = 19000");
                            }
                        }
                    }
                }
            }
            reader.commit();
            assertEquals(20_000, read.size(), "every row of the snapshot once");
            assertEquals(20_000, new HashSet<>(read).size(), "no row twice");
            assertTrue(read.contains(15000) && read.contains(19000) && !read.contains(30000), "the snapshot's rows");
        }
    }

    @Test
    void anotherDatabaseIsLeftAlone() throws SQLException {
        try (Connection c = h2.getConnection(); RowStream stream = RowStream.open(c, Dialect.POSTGRESQL)) {
            assertFalse(lazy(c), "no H2 statement is sent where the dialect is PostgreSQL's");
        }
    }
}
