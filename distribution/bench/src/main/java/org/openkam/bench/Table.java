package org.openkam.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table the benchmark prints: each figure beside its baseline from the same run, the ratio, the target and
 * the tool that measured it. A figure that could not be measured keeps its row, saying why.
 */
final class Table {

    record Row(String figure, String value, String baseline, String ratio, String target, String tool) {
    }

    private static final String[] HEADER = {"figure", "value", "baseline (same run)", "ratio", "target", "tool"};
    private final List<Row> rows = new ArrayList<>();

    synchronized void add(String figure, String value, String baseline, String ratio, String target, String tool) {
        rows.add(new Row(figure, value, baseline, ratio, target, tool));
        System.err.println("[bench] " + figure + ": " + value + (baseline.isEmpty() ? "" : " (baseline " + baseline
                + ")"));
    }

    /** A row for a figure this run could not measure, with the reason in place of the value. */
    void notMeasured(String figure, String why, String target) {
        add(figure, "not measured: " + why, "", "", target, "");
    }

    /** A Markdown table: readable in a terminal and pasted as it is into docs/benchmarks.md. */
    synchronized void print(PrintStream out) {
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        for (Row r : rows) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        line(out, HEADER, width);
        String[] rule = new String[HEADER.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width);
        for (Row r : rows) {
            line(out, cells(r), width);
        }
    }

    private static String[] cells(Row r) {
        return new String[] {r.figure(), r.value(), r.baseline(), r.ratio(), r.target(), r.tool()};
    }

    private static void line(PrintStream out, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            b.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        out.println(b);
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%,.0f ms", ms);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    static String megabytes(long kilobytes) {
        return String.format(Locale.ROOT, "%,d MB", kilobytes / 1024);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String perSecond(double n) {
        return String.format(Locale.ROOT, "%,.0f /s", n);
    }

    /** value / baseline, as "2.5x". */
    static String ratio(double value, double baseline) {
        return baseline > 0 ? String.format(Locale.ROOT, "%.2fx", value / baseline) : "";
    }
}
