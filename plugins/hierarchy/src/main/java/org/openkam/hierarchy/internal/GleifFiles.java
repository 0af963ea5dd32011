package org.openkam.hierarchy.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openkam.api.job.JobProblem;

/**
 * Reads GLEIF's golden-copy CSV files record by record (a full copy holds millions): LEI-CDF (Level 1 entities;
 * columns {@code LEI}, {@code Entity.LegalName}, {@code Entity.LegalAddress.Country},
 * {@code Entity.HeadquartersAddress.Country}, {@code Entity.EntityStatus}) and RR-CDF (Level 2 relationships;
 * {@code Relationship.StartNode.NodeID}, {@code Relationship.EndNode.NodeID}, {@code Relationship.RelationshipType},
 * {@code Relationship.RelationshipStatus} and up to five {@code Relationship.Period.<n>.startDate/endDate/periodType}).
 * Columns are found by name, so GLEIF's many others are read past. Every bad record is a problem with its line; a file
 * that is no CSV as GLEIF publishes it (a header without the columns, a broken quote) is {@link Malformed}.
 */
final class GleifFiles {

    static final Pattern LEI = Pattern.compile("[A-Z0-9]{18}[0-9]{2}");
    /** Where Commons CSV's messages name the line: "(startline 3)", "at line: 3" (with grouping commas). */
    private static final Pattern CSV_LINE = Pattern.compile("(?:startline |line: )([0-9,]+)");
    static final String RR_START = "Relationship.StartNode.NodeID";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private GleifFiles() {
    }

    /** The entities among {@code wanted} (all when {@code null}); problems are added with {@code file}'s name. */
    static Map<String, GleifEntity> entities(Reader in, String file, Set<String> wanted, List<JobProblem> problems)
            throws IOException {
        Map<String, GleifEntity> out = new HashMap<>();
        CSVParser csv = null;
        try (CSVParser parser = FORMAT.parse(in)) {
            csv = parser;
            require(csv, file, List.of("LEI", "Entity.LegalName", "Entity.EntityStatus"));
            for (CSVRecord r : csv) {
                String lei = r.get("LEI");
                if (!LEI.matcher(lei).matches()) {
                    problems.add(new JobProblem(line(csv), file + ".LEI", "is not a LEI (20 letters and digits)"));
                    continue;
                }
                if (wanted != null && !wanted.contains(lei)) {
                    continue;
                }
                String name = r.get("Entity.LegalName");
                if (name.isBlank()) {
                    problems.add(new JobProblem(line(csv), file + ".Entity.LegalName", "is empty for " + lei));
                    continue;
                }
                out.put(lei, new GleifEntity(lei, name, country(r, "Entity.LegalAddress.Country"),
                        country(r, "Entity.HeadquartersAddress.Country"), "ACTIVE".equals(r.get("Entity.EntityStatus"))));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw Malformed.of(file, csv, e);
        }
        return out;
    }

    /** Every relationship of the file with the LEIs of its nodes; other node types and bad records are problems. */
    static List<GleifRelationship> relationships(Reader in, String file, List<JobProblem> problems)
            throws IOException {
        List<GleifRelationship> out = new ArrayList<>();
        CSVParser csv = null;
        try (CSVParser parser = FORMAT.parse(in)) {
            csv = parser;
            require(csv, file, List.of(RR_START, "Relationship.EndNode.NodeID", "Relationship.RelationshipType",
                    "Relationship.RelationshipStatus"));
            for (CSVRecord r : csv) {
                long line = line(csv);
                String start = r.get(RR_START);
                String end = r.get("Relationship.EndNode.NodeID");
                if (!LEI.matcher(start).matches() || !LEI.matcher(end).matches()) {
                    problems.add(new JobProblem(line, file + "." + (LEI.matcher(start).matches()
                            ? "Relationship.EndNode.NodeID" : RR_START), "is not a LEI"));
                    continue;
                }
                LocalDate[] period = period(r, line, file, problems);
                out.add(new GleifRelationship(line, start, end, r.get("Relationship.RelationshipType"),
                        "ACTIVE".equals(r.get("Relationship.RelationshipStatus")), period[0], period[1]));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw Malformed.of(file, csv, e);
        }
        return out;
    }

    /** The RELATIONSHIP_PERIOD's start and end, each {@code null} when not given. */
    private static LocalDate[] period(CSVRecord r, long line, String file, List<JobProblem> problems) {
        for (int n = 1; n <= 5; n++) {
            String type = "Relationship.Period." + n + ".periodType";
            if (r.isMapped(type) && "RELATIONSHIP_PERIOD".equals(r.get(type))) {
                return new LocalDate[] {day(r, "Relationship.Period." + n + ".startDate", line, file, problems),
                    day(r, "Relationship.Period." + n + ".endDate", line, file, problems)};
            }
        }
        return new LocalDate[2];
    }

    /** GLEIF writes ISO 8601 date-times ({@code 2018-01-01T00:00:00Z}); the day is what a link needs. */
    private static LocalDate day(CSVRecord r, String column, long line, String file, List<JobProblem> problems) {
        String text = r.isMapped(column) ? r.get(column) : "";
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add(new JobProblem(line, file + "." + column, "must be an ISO 8601 date such as 2018-01-01"));
            return null;
        }
    }

    private static String country(CSVRecord r, String column) {
        return r.isMapped(column) && !r.get(column).isEmpty() ? r.get(column) : null;
    }

    private static void require(CSVParser csv, String file, List<String> columns) {
        List<String> missing = columns.stream().filter(c -> !csv.getHeaderMap().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the header lacks " + missing);
        }
    }

    /** A file that cannot be read as a golden copy, with the line where reading stopped (the header is line 1). */
    static final class Malformed extends IOException {

        private static final long serialVersionUID = 1L;
        final String file;
        final long line;

        Malformed(String file, long line, String message) {
            super(message);
            this.file = file;
            this.line = line;
        }

        /** The line Commons CSV names (a broken quote's record starts there), or where the parser stood. */
        static Malformed of(String file, CSVParser csv, RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            java.util.regex.Matcher named = CSV_LINE.matcher(message);
            long line = named.find() ? Long.parseLong(named.group(1).replace(",", ""))
                    : csv == null ? 1 : Math.max(1, csv.getCurrentLineNumber());
            return new Malformed(file, line, "is not CSV as GLEIF publishes it: " + message);
        }
    }

    /** The line of the record just read; the header is line 1. */
    private static long line(CSVParser csv) {
        return csv.getCurrentLineNumber();
    }
}
