package org.openkam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.api.job.JobProblem;

class UnitCsvTest {

    @TempDir
    Path dir;

    private UnitCsv.Prepared prepare(String csv, String unit) throws IOException {
        Path source = dir.resolve("in.csv");
        Files.writeString(source, csv, StandardCharsets.UTF_8);
        return UnitCsv.prepare(source, unit, dir.resolve("out.csv"));
    }

    private String copy() throws IOException {
        return Files.readString(dir.resolve("out.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithoutTheColumnGetsItOnEveryLine() throws IOException {
        UnitCsv.Prepared p = prepare("name,country\nAcme,DE\nBeta,FR\n", "industrial");
        assertEquals("name,country,businessUnit\r\nAcme,DE,industrial\r\nBeta,FR,industrial\r\n", copy());
        assertEquals(2, p.lines());
        assertEquals(List.of(), p.problems());
    }

    @Test
    void emptyUnitsAreFilledAndOtherUnitsRefused() throws IOException {
        UnitCsv.Prepared p = prepare("\uFEFFbusinessUnit,name\n,Acme\nindustrial,Beta\nretail,Gamma\n", "industrial");
        assertEquals("businessUnit,name\r\nindustrial,Acme\r\nindustrial,Beta\r\n", copy());
        assertEquals(List.of(new JobProblem(4, "businessUnit",
                "is retail, not the business unit imported into (industrial)")), p.problems());
    }

    @Test
    void linesWithTheWrongNumberOfValuesAreLeftOutAndReported() throws IOException {
        UnitCsv.Prepared p = prepare("name,country\nAcme\nBeta,FR\n", "industrial");
        assertEquals("name,country,businessUnit\r\nBeta,FR,industrial\r\n", copy());
        assertEquals(List.of(new JobProblem(2, "line", "has 1 values but the header has 2 columns")), p.problems());
        // the copy's line 2 is the file's line 3
        assertEquals(3, p.sourceLine(2));
    }

    @Test
    void problemLinesOfTheCopyMapBackToTheFile() throws IOException {
        // an empty line and a value over two lines: the copy has neither the empty line nor the same numbering
        UnitCsv.Prepared p = prepare("name,legalName\nAcme,\"Acme\nHoldings\"\n\nBeta,B\nGamma,G\n", "hc");
        assertEquals("name,legalName,businessUnit\r\n\"Acme\nHoldings\",hc\r\nBeta,B,hc\r\nGamma,G,hc\r\n"
                .replace("\"Acme\nHoldings\",hc", "Acme,\"Acme\nHoldings\",hc"), copy());
        assertEquals(2, p.sourceLine(2));
        // the file's own numbering, empty line included
        assertEquals(5, p.sourceLine(4));
        assertEquals(6, p.sourceLine(5));
        assertEquals(new JobProblem(6, "country", "bad"), p.inSource(new JobProblem(5, "country", "bad")));
        assertEquals(new JobProblem(1, null, "header"), p.inSource(new JobProblem(1, null, "header")));
        assertEquals(new JobProblem(0, null, "file"), p.inSource(new JobProblem(0, null, "file")));
    }

    @Test
    void invalidCsvIsRefusedWithItsReason() throws IOException {
        Path source = dir.resolve("bad.csv");
        Files.writeString(source, "name\n\"Acme\n", StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> UnitCsv.prepare(source, "hc", dir.resolve("o.csv")));
    }

    @Test
    void theLastLineMayEndWithoutALineBreak() throws IOException {
        UnitCsv.Prepared p = prepare("name,country\r\nAcme,DE\r\nBeta,FR", "hc");
        assertEquals(2, p.lines());
        assertEquals(3, p.sourceLine(3));
    }

    @Test
    void lineBreaksCountCrLfOnce() {
        assertEquals(3, UnitCsv.lineBreaks(List.of("a\r\nb", "c\nd\re")));
        assertEquals(0, UnitCsv.lineBreaks(List.of("plain")));
    }
}
