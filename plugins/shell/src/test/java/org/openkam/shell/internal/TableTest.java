package org.openkam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsArePaddedToTheWidestCellAndTheLastIsNot() {
        String text = new Table("ID", "NAME", "TIER")
                .row("industrial", "Industrial Solutions", "key")
                .row("hc", null, "")
                .render();
        assertEquals("""
                ID          NAME                  TIER
                industrial  Industrial Solutions  key
                hc          -                     -
                """, text);
    }

    @Test
    void longCellsAreCutAndLineBreaksFlattened() {
        String text = new Table("A", "B").limit(0, 8).row("abcdefghijkl", "two\nlines\r\nhere").render();
        assertEquals("""
                A         B
                abcde...  two lines here
                """, text);
    }

    @Test
    void aRowNeedsOneCellPerColumn() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("only one"));
    }
}
