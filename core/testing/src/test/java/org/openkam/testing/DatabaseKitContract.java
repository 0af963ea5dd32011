package org.openkam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.audit.AuditEntry;
import org.openkam.api.audit.FieldChange;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;
import org.openkam.api.persistence.Tx;

/** What the persistence kit promises plugins, on every database: the subclasses supply the database. */
abstract class DatabaseKitContract {

    static final String TOPIC = "org/openkam/testing/NOTE";
    final Caller caller = new Caller(UUID.randomUUID().toString(), "kam", false, Map.of());
    final String id = UUID.randomUUID().toString();

    abstract TestDatabase db();

    Database database() {
        return db().database();
    }

    static void insert(Tx tx, String id, String body) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO testing_note (id, body, written_at) VALUES (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, body);
            Rows.setInstant(ps, 3, Rows.now());
            ps.executeUpdate();
        }
    }

    List<String> bodies(String likePattern) {
        return database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT body FROM testing_note WHERE body LIKE ? ESCAPE '\\' ORDER BY body")) {
                ps.setString(1, likePattern);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Test
    void thePluginsMigrationsAreAppliedOnce() {
        assertEquals(0, database().migrate(DatabaseKitContract.class));
        assertEquals(List.of(), bodies(Rows.likeContains(id)));
    }

    @Test
    void aCommittedWriteIsReadBackAndItsEventsArePostedAfterTheCommit() {
        String result = database().write(caller, tx -> {
            insert(tx, id, "note " + id);
            tx.post(TOPIC, Map.of("id", id));
            assertTrue(posted().isEmpty(), "nothing is posted before the commit");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(List.of("note " + id), bodies(Rows.likeContains(id)));
        assertEquals(1, posted().size());
    }

    @Test
    void aFailedWriteLeavesNoRowNoEventAndNoAuditEntry() {
        IllegalArgumentException refused = new IllegalArgumentException("refused");
        assertSame(refused, assertThrows(IllegalArgumentException.class, () -> database().write(caller, tx -> {
            insert(tx, id, "note " + id);
            tx.post(TOPIC, Map.of("id", id));
            tx.audit("testing-note", id, null, "unit-a", null, Map.of("body", "note"));
            throw refused;
        })));
        StoreException failed = assertThrows(StoreException.class, () -> database().write(caller, tx -> {
            insert(tx, id, "note " + id);
            tx.connection().createStatement().execute("NOT SQL AT ALL");
            return null;
        }));
        assertTrue(failed.getCause() instanceof SQLException);
        assertEquals(List.of(), bodies(Rows.likeContains(id)));
        assertEquals(List.of(), posted());
        assertEquals(List.of(), db().audit("testing-note", id));
    }

    @Test
    void auditEntriesRecordCreationChangesAndDeletionButNoUpdateThatChangesNothing() {
        database().write(caller, tx -> {
            tx.audit("testing-note", id, "account-1", "unit-a", null, Map.of("body", "draft"));
            return null;
        });
        database().write(caller, tx -> {
            tx.audit("testing-note", id, "account-1", "unit-a", Map.of("body", "draft"), Map.of("body", "draft"));
            tx.audit("testing-note", id, "account-1", "unit-a", Map.of("body", "draft"), Map.of("body", "final"));
            return null;
        });
        database().write(caller, tx -> {
            tx.audit("testing-note", id, "account-1", "unit-a", Map.of("body", "final"), null);
            return null;
        });
        List<AuditEntry> trail = db().audit("testing-note", id);
        assertEquals(List.of("created", "updated", "deleted"), trail.stream().map(AuditEntry::action).toList());
        assertEquals(List.of(new FieldChange("body", "draft", "final")), trail.get(1).changes());
        AuditEntry created = trail.get(0);
        assertEquals(caller.userId(), created.actor());
        assertEquals("kam", created.actorName());
        assertEquals("account-1", created.accountId());
        assertEquals("unit-a", created.businessUnit());
    }

    @Test
    void onlyAWriteWithACallerAudits() {
        assertThrows(IllegalStateException.class, () -> database().write(tx -> {
            insert(tx, id, "note " + id);
            tx.audit("testing-note", id, null, null, null, Map.of("body", "x"));
            return null;
        }));
        assertEquals(List.of(), bodies(Rows.likeContains(id)), "the refused audit rolled the write back");
        database().write(tx -> {
            insert(tx, id, "note " + id);
            return null;
        });
        assertEquals(1, bodies(Rows.likeContains(id)).size());
        assertThrows(IllegalStateException.class, () -> database().read(tx -> {
            tx.post(TOPIC, Map.of());
            return null;
        }));
        assertThrows(IllegalStateException.class, () -> database().read(tx -> {
            tx.audit("testing-note", id, null, null, null, Map.of("body", "x"));
            return null;
        }));
    }

    @Test
    void aDuplicateKeyIsToldApart() {
        database().write(tx -> {
            insert(tx, id, "first " + id);
            return null;
        });
        StoreException duplicate = assertThrows(StoreException.class, () -> database().write(tx -> {
            insert(tx, id, "second " + id);
            return null;
        }));
        assertTrue(duplicate.duplicateKey());
        StoreException other = assertThrows(StoreException.class, () -> database().write(tx -> {
            insert(tx, UUID.randomUUID().toString(), null);
            return null;
        }));
        assertFalse(other.duplicateKey(), "a NOT NULL violation is no duplicate");
    }

    @Test
    void rowHelpersRoundTripTimesAndMatchTextLiterally() {
        Instant now = Rows.now();
        database().write(tx -> {
            insert(tx, id, "100% a_b " + id);
            insert(tx, UUID.randomUUID().toString(), "100x aXb " + id);
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE testing_note SET written_at = ? WHERE id = ?")) {
                Rows.setInstant(ps, 1, now);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return null;
        });
        assertEquals(List.of("100% a_b " + id), bodies(Rows.likeContains("% a_b " + id)));
        Instant read = database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT written_at FROM testing_note WHERE id IN (" + Rows.placeholders(2) + ")")) {
                ps.setString(1, id);
                ps.setString(2, "none");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Rows.instant(rs, "written_at");
                }
            }
        });
        assertEquals(now, read);
    }

    private List<?> posted() {
        return db().events(TOPIC).stream().filter(e -> id.equals(e.getProperty("id"))).toList();
    }
}
