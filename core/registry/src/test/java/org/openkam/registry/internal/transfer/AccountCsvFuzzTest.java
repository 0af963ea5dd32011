package org.openkam.registry.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any import file is read line by line into drafts whose problems name their column, or refused as a whole with
 * the failures the import reports as "not valid CSV"; nothing else escapes (the job would end as an internal
 * error). Seed inputs run in every build; {@code mvn verify} fuzzes for a short while (see the module's pom).
 */
class AccountCsvFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyFileIsReadLineByLineOrRefusedAsAWhole(byte[] file) {
        try (Reader in = AccountCsv.open(new ByteArrayInputStream(file));
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(AccountCsv.FORMAT).get()) {
            AccountCsv.unknownColumns(parser.getHeaderNames());
            long line = 1;
            for (CSVRecord record : parser) {
                AccountCsv.Row row = AccountCsv.parse(record, ++line, "fuzzed-unit");
                assertNotNull(row.draft());
                row.violations().forEach(v -> assertNotNull(v.field(), v.toString()));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // what AccountTransferService#check reports as "the file is not valid CSV"
        }
    }
}
