package org.openkam.scoring.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the engine knows about first runs: when each unit's accounts last changed, and which models are known to
 * have scored a unit in a full run (or had one started here). A unit gets its first full run only once its
 * accounts stopped changing for the quiet time, by the events seen and by the data stored, so that a bulk load
 * (the demo data, an import) is scored as a whole and not half loaded; and a model is never started
 * automatically twice for the same unit, so a run that stores nothing cannot loop.
 */
final class FirstRuns {

    private final long quietNanos;
    private final LongSupplier clock;
    private final Map<String, Long> lastChange = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    FirstRuns(long quietMillis, LongSupplier nanoClock) {
        this.quietNanos = quietMillis * 1_000_000L;
        this.clock = nanoClock;
    }

    /** An account of the unit (or its plans, opportunities, activities) changed now. */
    void changed(String unit) {
        lastChange.put(unit, clock.getAsLong());
    }

    /** How long to wait until the unit has been quiet for the quiet time, in nanoseconds; 0 if it is. */
    long waitNanos(String unit) {
        Long last = lastChange.get(unit);
        return last == null ? 0 : Math.max(0, last + quietNanos - clock.getAsLong());
    }

    /**
     * How long to wait, as {@link #waitNanos(String)}, and also until the quiet time has passed since the unit's
     * latest stored change: the events of a load can be delivered later than the quiet time, the data cannot lie.
     * A change stamped further ahead than the quiet time is another node's clock, not a load still running.
     */
    long waitNanos(String unit, Instant latestStored, Instant now) {
        long sinceStored = Duration.between(latestStored, now).toNanos();
        long storedWait = sinceStored > -quietNanos ? Math.min(quietNanos, quietNanos - sinceStored) : 0;
        return Math.max(waitNanos(unit), storedWait);
    }

    /** Whether the model is known to have scored the unit in a full run, or to have had one started. */
    boolean known(String unit, InstalledModel model) {
        return known.contains(key(unit, model));
    }

    void remember(String unit, InstalledModel model) {
        known.add(key(unit, model));
    }

    private static String key(String unit, InstalledModel model) {
        return unit + '\n' + model.id() + '\n' + model.version();
    }
}
