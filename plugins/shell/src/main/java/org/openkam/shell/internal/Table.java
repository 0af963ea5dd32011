package org.openkam.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain text table for a terminal: a header row, columns padded to their widest cell, two spaces between
 * columns, no padding after the last one. Cells longer than their column's limit are cut with {@code ...};
 * line breaks and tabs in cells become spaces, so one row stays one line.
 */
final class Table {

    private final List<String> headers;
    private final int[] limits;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column headers; every column holds up to 40 characters. */
    Table(String... headers) {
        this.headers = List.of(headers);
        this.limits = new int[headers.length];
        Arrays.fill(limits, 40);
    }

    /** Sets a column's limit (at least 4 characters). */
    Table limit(int column, int max) {
        limits[column] = Math.max(4, max);
        return this;
    }

    /** Adds a row; {@code null} cells print as {@code -}. */
    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, not " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            row.add(cell(cells[i], limits[i]));
        }
        rows.add(row);
        return this;
    }

    int size() {
        return rows.size();
    }

    /** The table as lines, each ending with a line break. */
    String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    static String cell(Object value, int max) {
        if (value == null) {
            return "-";
        }
        String text = value.toString().replaceAll("[\\r\\n\\t]+", " ").strip();
        if (text.isEmpty()) {
            return "-";
        }
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
