package org.openkam.scoring.internal.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time as the databases keep it. */
final class Times {

    private Times() {
    }

    /** Now, in microseconds, the precision of both databases. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
