package org.openkam.registry.internal.money;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.money.ExchangeRate;

/**
 * The ECB's euro reference rates file ({@code eurofxref-hist.csv}, also the one-day {@code eurofxref.csv}): a header
 * {@code Date,USD,JPY,...} (the published file ends each line with a comma, an empty column), one line per day, a
 * rate per currency or {@code N/A} where there was none. Every bad cell is named {@code line <n>.<column>}.
 */
record EcbRatesFile(Set<LocalDate> days, List<ExchangeRate> rates, int missing) {

    static EcbRatesFile read(Reader in) throws IOException {
        List<Violation> bad = new ArrayList<>();
        Set<LocalDate> days = new LinkedHashSet<>();
        List<ExchangeRate> rates = new ArrayList<>();
        int missing = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = null;
            for (CSVRecord row : parser) {
                if (header == null) {
                    header = header(row, bad);
                    if (!bad.isEmpty()) {
                        break;
                    }
                    continue;
                }
                String line = "line " + parser.getCurrentLineNumber();
                LocalDate day = day(row.get(0), line, bad);
                if (day != null && !days.add(day)) {
                    bad.add(new Violation(line + ".Date", "the day " + day + " came before"));
                }
                for (int i = 1; i < header.size(); i++) {
                    String currency = header.get(i);
                    String cell = i < row.size() ? row.get(i) : "";
                    if (currency.isEmpty() || cell.isEmpty() || cell.equals("N/A")) {
                        missing += currency.isEmpty() ? 0 : 1;
                        continue;
                    }
                    try {
                        BigDecimal rate = new BigDecimal(cell);
                        if (rate.signum() <= 0) {
                            bad.add(new Violation(line + "." + currency, "must be a positive rate"));
                        } else if (day != null) {
                            rates.add(new ExchangeRate(currency, day, rate));
                        }
                    } catch (NumberFormatException e) {
                        bad.add(new Violation(line + "." + currency, "must be a rate such as 1.0823 or N/A"));
                    }
                }
            }
            if (header == null) {
                bad.add(new Violation("line 1", "is missing: send a header Date,USD,JPY,..."));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            bad.add(new Violation("body", "is not CSV: " + e.getMessage()));
        }
        ValidationException.throwIfAny(bad);
        return new EcbRatesFile(days, rates, missing);
    }

    /** The header's columns, the trailing empty one kept empty; every currency must be ISO 4217 and not EUR. */
    private static List<String> header(CSVRecord row, List<Violation> bad) {
        List<String> columns = row.toList();
        if (columns.isEmpty() || !columns.get(0).equalsIgnoreCase("Date")) {
            bad.add(new Violation("line 1.Date", "the first column must be Date, as in Date,USD,JPY,..."));
            return columns;
        }
        for (int i = 1; i < columns.size(); i++) {
            String code = columns.get(i);
            if (!code.isEmpty() && (code.equals("EUR") || !isCurrency(code))) {
                bad.add(new Violation("line 1." + code, "must be an ISO 4217 currency code other than EUR"));
            }
        }
        return columns;
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalDate day(String text, String line, List<Violation> bad) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            bad.add(new Violation(line + ".Date", "must be a date such as 2027-03-31"));
            return null;
        }
    }
}
