package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openkam.api.job.JobProblem;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any GLEIF relationship or entity file is read into what it holds, with problems naming their line, or refused
 * with the failures the import job reports as "the import stopped"; nothing else escapes. Seed inputs run in every
 * build; {@code mvn verify} fuzzes for a short while (see the module's pom).
 */
class GleifFilesFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyGoldenCopyFileIsReadOrRefused(FuzzedDataProvider data) {
        boolean relationships = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        List<JobProblem> problems = new ArrayList<>();
        try {
            if (relationships) {
                GleifFiles.relationships(new StringReader(text), "rr.csv", problems).forEach(r -> {
                    assertNotNull(r.start());
                    assertNotNull(r.end());
                });
            } else {
                GleifFiles.entities(new StringReader(text), "lei.csv", Set.of("529900T8BM49AURSDO55"), problems);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // the job reports it as "the import stopped"
        }
        problems.forEach(p -> assertNotNull(p.message()));
    }
}
