package org.openkam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void printsOneAlignedMarkdownTableKeepingRowsNotMeasured() {
        Table table = new Table();
        table.add("cold start", Table.millis(1234.4), Table.millis(400), Table.ratio(1234.4, 400), "<= 1,000 ms",
                "bench");
        table.notMeasured("Karaf", "run with --karaf", "<= 0.2x Karaf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("| figure "), lines.get(0));
        assertTrue(lines.get(1).matches("\\|[-| ]+\\|"), lines.get(1));
        assertTrue(lines.get(2).contains("| 1,234 ms ") && lines.get(2).contains("| 3.09x "), lines.get(2));
        assertTrue(lines.get(3).contains("not measured: run with --karaf"), lines.get(3));
        assertEquals(1, lines.stream().map(String::length).distinct().count(), "columns line up");
    }

    @Test
    void formatsUnits() {
        assertEquals("4.25 ms", Table.millis(4.25));
        assertEquals("12.3 s", Table.seconds(12.34));
        assertEquals("300 MB", Table.megabytes(300 * 1024));
        assertEquals("5,000,000 /s", Table.perSecond(5e6));
        assertEquals("", Table.ratio(1, 0));
    }
}
