package org.openkam.scoring.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.ModelDescription;

class FirstRunsTest {

    private static final long MS = 1_000_000L;

    @Test
    void aUnitIsReadyOnceItsAccountsDidNotChangeForTheQuietTime() {
        AtomicLong now = new AtomicLong(1_000 * MS);
        FirstRuns runs = new FirstRuns(2000, now::get);
        assertEquals(0, runs.waitNanos("industrial"), "no change seen: ready at once");
        runs.changed("industrial");
        now.addAndGet(500 * MS);
        assertEquals(1500 * MS, runs.waitNanos("industrial"));
        runs.changed("industrial"); // another change starts the quiet time again
        now.addAndGet(1999 * MS);
        assertEquals(MS, runs.waitNanos("industrial"));
        now.addAndGet(MS);
        assertEquals(0, runs.waitNanos("industrial"));
        assertEquals(0, runs.waitNanos("healthcare"), "units are quiet on their own");
    }

    @Test
    void theStoredDataKeepsAUnitChangingWhenItsEventsComeLate() {
        AtomicLong now = new AtomicLong(1_000 * MS);
        FirstRuns runs = new FirstRuns(2000, now::get);
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        assertEquals(1500 * MS, runs.waitNanos("industrial", at.minusMillis(500), at), "no event seen, a change stored");
        assertEquals(0, runs.waitNanos("industrial", at.minusMillis(2000), at));
        assertEquals(2000 * MS, runs.waitNanos("industrial", at.plusMillis(1000), at),
                "stamped a little ahead by another node's clock: the whole quiet time");
        assertEquals(0, runs.waitNanos("industrial", at.plusMillis(2000), at), "that far ahead is a wrong clock");
        runs.changed("industrial");
        now.addAndGet(200 * MS);
        assertEquals(1800 * MS, runs.waitNanos("industrial", at.minusMillis(500), at), "an event seen later counts");
    }

    @Test
    void aModelIsRememberedPerUnitAndVersion() {
        FirstRuns runs = new FirstRuns(0, System::nanoTime);
        InstalledModel v1 = model("1.0.0");
        runs.remember("industrial", v1);
        assertTrue(runs.known("industrial", v1));
        assertTrue(runs.known("industrial", model("1.0.0")), "another service of the same version");
        assertFalse(runs.known("healthcare", v1));
        assertFalse(runs.known("industrial", model("1.1.0")), "a new version has not scored the unit yet");
    }

    private static InstalledModel model(String version) {
        return new InstalledModel(1, null, "abc-analysis", version, new ModelDescription("ABC", "", List.of(),
                Map.of()), Set.of("*"), true, null);
    }
}
