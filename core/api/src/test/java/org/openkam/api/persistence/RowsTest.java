package org.openkam.api.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RowsTest {

    @Test
    void newIdsAreVersion7UuidsThatSortByTheirTime() throws InterruptedException {
        String first = Rows.newId();
        Thread.sleep(2);
        String second = Rows.newId();
        UUID id = UUID.fromString(second);
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the RFC variant");
        assertTrue(first.compareTo(second) < 0, first + " sorts before " + second);
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, "carries the time of its creation");
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(Rows.newId());
        }
        assertEquals(100_000, many.size(), "ids of the same millisecond differ by their random bits");
    }

    @Test
    void nowKeepsMicroseconds() {
        var now = Rows.now();
        assertEquals(now, now.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void likeContainsEscapesWildcardsAndTheEscape() {
        assertEquals("%100\\% a\\_b \\\\ c%", Rows.likeContains("100% a_b \\ c"));
    }

    @Test
    void placeholdersListOnePerValue() {
        assertEquals("?", Rows.placeholders(1));
        assertEquals("?, ?, ?", Rows.placeholders(3));
    }

    @Test
    void cutKeepsShortTextAndMarksACut() {
        assertEquals("abc", Rows.cut("abc", 3));
        assertEquals("ab…", Rows.cut("abcd", 3));
        assertNull(Rows.cut(null, 3));
    }
}
