package org.openkam.registry.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.StoreException;

class MigratorTest {

    private final JdbcDataSource h2 = new JdbcDataSource();
    {
        h2.setURL("jdbc:h2:mem:migrator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
    }

    @Test
    void appliesEachScriptOncePerOwnerInOrder() throws SQLException {
        Migrator migrator = new Migrator(h2, Dialect.H2);
        MigrationScript v1 = MigrationScript.of("V1__create.sql", "CREATE TABLE plugin_note (id INT PRIMARY KEY);");
        MigrationScript v2 = MigrationScript.of("V2__fill.sql", "INSERT INTO plugin_note VALUES (1);");
        assertEquals(2, migrator.apply("com.example.plugin", List.of(v1, v2)));
        assertEquals(0, migrator.apply("com.example.plugin", List.of(v1, v2)));
        assertEquals(1, count("SELECT COUNT(*) FROM plugin_note"));
        assertEquals(2, count("SELECT COUNT(*) FROM schema_migration WHERE owner = 'com.example.plugin'"));
    }

    @Test
    void aChangedAppliedScriptIsRefused() {
        Migrator migrator = new Migrator(h2, Dialect.H2);
        migrator.apply("p", List.of(MigrationScript.of("V1__a.sql", "CREATE TABLE p_a (id INT);")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrator.apply("p",
                List.of(MigrationScript.of("V1__a.sql", "CREATE TABLE p_a (id BIGINT);"))));
        assertTrue(e.getMessage().contains("changed after it was applied"));
    }

    @Test
    void aFailingScriptIsNotRecorded() throws SQLException {
        Migrator migrator = new Migrator(h2, Dialect.H2);
        assertThrows(StoreException.class, () -> migrator.apply("q",
                List.of(MigrationScript.of("V1__bad.sql", "CREATE TABLE q_a (id INT);\nNOT SQL AT ALL;"))));
        assertEquals(0, count("SELECT COUNT(*) FROM schema_migration WHERE owner = 'q'"));
    }

    @Test
    void aScriptForOneDatabaseRunsThereOnlyAndIsRecordedEverywhere() throws SQLException {
        Migrator migrator = new Migrator(h2, Dialect.H2);
        assertEquals(3, migrator.apply("d", List.of(MigrationScript.of("V1__table.sql", "CREATE TABLE d_a (id INT);"),
                MigrationScript.of("V2__here.h2.sql", "INSERT INTO d_a VALUES (2);"),
                MigrationScript.of("V3__elsewhere.postgresql.sql", "NOT SQL FOR H2;"))));
        assertEquals(2, count("SELECT SUM(id) FROM d_a"));
        assertEquals(3, count("SELECT COUNT(*) FROM schema_migration WHERE owner = 'd'"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = h2.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
