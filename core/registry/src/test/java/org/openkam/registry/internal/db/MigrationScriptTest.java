package org.openkam.registry.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.api.persistence.Dialect;

class MigrationScriptTest {

    @Test
    void namesCarryVersionAndDescription() {
        MigrationScript s = MigrationScript.of("V12__add_buying_center.sql", "SELECT 1;");
        assertEquals(12, s.version());
        assertEquals("add buying center", s.description());
        assertThrows(IllegalArgumentException.class, () -> MigrationScript.of("add.sql", ""));
        assertThrows(IllegalArgumentException.class, () -> MigrationScript.of("V1_missing.sql", ""));
        assertThrows(IllegalArgumentException.class, () -> MigrationScript.of("V1__x.oracle.sql", ""));
    }

    @Test
    void aSuffixNamesTheOneDatabaseAScriptRunsOn() {
        MigrationScript h2 = MigrationScript.of("V12__audit_sequence_cache.h2.sql", "SELECT 1;");
        assertEquals("audit sequence cache", h2.description());
        assertTrue(h2.runsOn(Dialect.H2));
        assertFalse(h2.runsOn(Dialect.POSTGRESQL));
        assertTrue(MigrationScript.of("V1__x.postgresql.sql", "").runsOn(Dialect.POSTGRESQL));
        assertTrue(MigrationScript.of("V1__x.sql", "").runsOn(Dialect.H2));
        assertTrue(MigrationScript.of("V1__x.sql", "").runsOn(Dialect.POSTGRESQL));
    }

    @Test
    void splitsAtSemicolonsThatEndALineAndDropsComments() {
        MigrationScript s = MigrationScript.of("V1__x.sql", """
                -- a comment; with a semicolon
                CREATE TABLE a (
                  note VARCHAR(20) DEFAULT 'x;y'
                );

                CREATE INDEX a_note ON a(note);
                INSERT INTO a VALUES ('last')""");
        List<String> statements = s.statements();
        assertEquals(3, statements.size());
        assertEquals("CREATE TABLE a (\n  note VARCHAR(20) DEFAULT 'x;y'\n)", statements.get(0).replaceAll("\\n\\s+\\n", "\n"));
        assertEquals("CREATE INDEX a_note ON a(note)", statements.get(1));
        assertEquals("INSERT INTO a VALUES ('last')", statements.get(2));
    }

    @Test
    void checksumChangesWithTheText() {
        assertEquals(MigrationScript.of("V1__x.sql", "A;").checksum(), MigrationScript.of("V1__y.sql", "A;").checksum());
        assertNotEquals(MigrationScript.of("V1__x.sql", "A;").checksum(), MigrationScript.of("V1__x.sql", "B;").checksum());
    }
}
