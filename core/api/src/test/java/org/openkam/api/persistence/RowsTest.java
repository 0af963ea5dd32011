package org.openkam.api.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class RowsTest {

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
