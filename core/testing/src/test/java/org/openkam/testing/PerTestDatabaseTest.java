package org.openkam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On an instance field, every test starts from an empty, migrated database and no recorded events. */
class PerTestDatabaseTest {

    @RegisterExtension
    final TestDatabase db = TestDatabase.h2(PerTestDatabaseTest.class);

    @Test
    void oneTestWritesTheNote() {
        writeTheSameNoteAsTheOtherTest();
    }

    @Test
    void anotherTestWritesTheSameNote() {
        writeTheSameNoteAsTheOtherTest();
    }

    private void writeTheSameNoteAsTheOtherTest() {
        assertEquals(List.of(), db.events(DatabaseKitContract.TOPIC));
        db.database().write(tx -> {
            DatabaseKitContract.insert(tx, "note-1", "the same id in both tests");
            tx.post(DatabaseKitContract.TOPIC, Map.of("id", "note-1"));
            return null;
        });
        assertEquals(1, db.events(DatabaseKitContract.TOPIC).size());
        assertEquals(1, (int) db.database().read(tx -> {
            try (var rs = tx.connection().createStatement().executeQuery("SELECT COUNT(*) FROM testing_note")) {
                rs.next();
                return rs.getInt(1);
            }
        }), "the table holds only this test's note");
    }
}
