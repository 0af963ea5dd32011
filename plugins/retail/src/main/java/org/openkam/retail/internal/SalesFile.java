package org.openkam.retail.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openkam.api.Violation;

/**
 * The CSV files of sales: sell-out {@code store,gtin,week,volume[,value]} (scanned consumer sales per store, the
 * store by its code) and sell-in {@code gtin,week,volume} (shipments to the retailer). {@code week} is any day of
 * the week, stored as its Monday; volumes and values must not be negative.
 */
final class SalesFile {

    /** Which file: its required and optional columns. */
    enum Kind {
        SELL_OUT(List.of("store", "gtin", "week", "volume"), List.of("value")),
        SELL_IN(List.of("gtin", "week", "volume"), List.of());

        final List<String> required;
        final List<String> optional;

        Kind(List<String> required, List<String> optional) {
            this.required = required;
            this.optional = optional;
        }
    }

    /** A parsed line; a field that could not be read is {@code null} and named in {@code violations}. */
    record Line(long line, String store, String gtin, LocalDate week, BigDecimal volume, BigDecimal value,
            List<Violation> violations) {
    }

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private SalesFile() {
    }

    /** What is wrong with the header, or {@code null}. */
    static String headerProblem(Kind kind, List<String> header) {
        List<String> missing = kind.required.stream().filter(c -> !header.contains(c)).toList();
        List<String> unknown = header.stream().filter(c -> !kind.required.contains(c) && !kind.optional.contains(c))
                .toList();
        if (missing.isEmpty() && unknown.isEmpty()) {
            return null;
        }
        List<String> columns = new ArrayList<>(kind.required);
        columns.addAll(kind.optional);
        return (missing.isEmpty() ? "" : "missing column(s) " + missing + "; ")
                + (unknown.isEmpty() ? "" : "unknown column(s) " + unknown + "; ") + "the columns are " + columns;
    }

    static Line parse(Kind kind, CSVRecord record, long line) {
        List<Violation> v = new ArrayList<>();
        String store = kind == Kind.SELL_OUT ? text(record, "store", v) : null;
        String gtin = text(record, "gtin", v);
        if (gtin != null && Gtin.problem(gtin) != null) {
            v.add(new Violation("gtin", Gtin.problem(gtin)));
            gtin = null;
        }
        LocalDate week = null;
        String weekText = text(record, "week", v);
        if (weekText != null) {
            try {
                week = SalesLedger.weekOf(LocalDate.parse(weekText));
            } catch (DateTimeParseException e) {
                v.add(new Violation("week", "must be a date such as 2027-03-29"));
            }
        }
        BigDecimal volume = amount(record, "volume", true, v);
        BigDecimal value = record.isMapped("value") ? amount(record, "value", false, v) : null;
        return new Line(line, store, gtin, week, volume, value, v);
    }

    private static String text(CSVRecord record, String column, List<Violation> v) {
        String value = record.isSet(column) ? record.get(column) : "";
        if (value.isEmpty()) {
            v.add(new Violation(column, "is required"));
            return null;
        }
        return value;
    }

    private static BigDecimal amount(CSVRecord record, String column, boolean required, List<Violation> v) {
        String text = record.isSet(column) ? record.get(column) : "";
        if (text.isEmpty()) {
            if (required) {
                v.add(new Violation(column, "is required"));
            }
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0) {
                v.add(new Violation(column, "must not be negative"));
                return null;
            }
            if (amount.scale() > 4 || amount.precision() - amount.scale() > 15) {
                v.add(new Violation(column, "must have at most 4 decimals and 15 digits before the point"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            v.add(new Violation(column, "must be a number such as 12 or 12.5"));
            return null;
        }
    }

    /** The reader without a leading byte order mark, which spreadsheet programs write. */
    static Reader withoutBom(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in, 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
