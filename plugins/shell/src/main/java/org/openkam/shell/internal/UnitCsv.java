package org.openkam.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.openkam.api.job.JobProblem;

/**
 * Prepares an account CSV file for an import into one business unit: a copy (the import deletes the file it is
 * given) whose {@code businessUnit} column names the unit on every line, added if the file has none, filled where
 * a line leaves it empty. A line naming another unit, or whose number of values differs from the header, is left
 * out of the copy and reported. The copy has no empty lines, so its line numbers can differ from the file's:
 * {@link Prepared#sourceLine} turns the line numbers of the import's problems back into the file's.
 */
final class UnitCsv {

    static final String COLUMN = "businessUnit";
    /** How the import reads CSV: RFC 4180 with a header row, empty lines skipped, values trimmed. */
    static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private UnitCsv() {
    }

    /**
     * The copy of a file for one unit.
     *
     * @param file the copy, to hand to the import
     * @param lines the data lines in the copy
     * @param problems the lines left out, by their line in the file
     * @param sourceLines the file's line of each line of the copy that starts a record
     */
    record Prepared(Path file, long lines, List<JobProblem> problems, Map<Long, Long> sourceLines) {

        /** The file's line for a line of the copy; the header (1) and "no line" (0) stay as they are. */
        long sourceLine(long line) {
            return sourceLines.getOrDefault(line, line);
        }

        /** An import problem with its line number in the file. */
        JobProblem inSource(JobProblem problem) {
            return new JobProblem(sourceLine(problem.line()), problem.field(), problem.message());
        }
    }

    /**
     * Writes the copy of {@code source} for {@code unit} to {@code target}.
     *
     * @throws IllegalArgumentException if the file is not valid CSV (the message says why)
     * @throws UncheckedIOException if a file cannot be read or written
     */
    static Prepared prepare(Path source, String unit, Path target) {
        List<JobProblem> problems = new ArrayList<>();
        Map<Long, Long> sourceLines = new HashMap<>();
        long written = 0;
        try (Reader in = withoutBom(Files.newBufferedReader(source, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get();
                Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            List<String> header = new ArrayList<>(parser.getHeaderNames());
            int column = header.indexOf(COLUMN);
            int columns = header.size();
            if (column < 0) {
                header.add(COLUMN);
            }
            printer.printRecord(header);
            long copyLine = 2;
            long lastEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                // where the record starts: after the line breaks read so far, less those inside its values; at
                // least the line after the previous record (the last record may end without a line break)
                long end = parser.getCurrentLineNumber();
                long line = Math.max(lastEnd + 1, end - lineBreaks(values));
                lastEnd = end;
                if (values.size() != columns) {
                    problems.add(new JobProblem(line, "line", "has " + values.size()
                            + " values but the header has " + columns + " columns"));
                    continue;
                }
                if (column < 0) {
                    values.add(unit);
                } else if (values.get(column).isEmpty()) {
                    values.set(column, unit);
                } else if (!values.get(column).equals(unit)) {
                    problems.add(new JobProblem(line, COLUMN, "is " + values.get(column)
                            + ", not the business unit imported into (" + unit + ")"));
                    continue;
                }
                printer.printRecord(values);
                sourceLines.put(copyLine, line);
                copyLine += 1 + lineBreaks(values);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            // commons-csv reports malformed input (e.g. an unclosed quote) this way while iterating
            throw new IllegalArgumentException(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e);
        }
        return new Prepared(target, written, List.copyOf(problems), Map.copyOf(sourceLines));
    }

    /** The line breaks inside the values: each {@code \r\n}, lone {@code \r} and lone {@code \n} is one. */
    static int lineBreaks(List<String> values) {
        int count = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A reader past a UTF-8 byte order mark, which spreadsheet programs like to write. */
    private static Reader withoutBom(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in, 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
