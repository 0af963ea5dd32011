package org.openkam.api.plan;

import java.time.LocalDate;

import org.openkam.api.Violations;

/**
 * The days a plan covers, both included: fiscal year 2027 is {@code 2027-01-01} to {@code 2027-12-31}.
 * A valid period ends after it starts and spans at most {@value #MAX_YEARS} years (2027-01-01 to
 * 2029-12-31 is the longest starting 2027-01-01). A draft may carry an invalid period so that
 * {@link #validate} can report it; stored plans only hold valid ones.
 */
public record PlanPeriod(LocalDate start, LocalDate end) {

    public static final int MAX_YEARS = 3;

    /** Whether {@code day} lies in the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** Whether the two periods share at least one day. */
    public boolean overlaps(PlanPeriod other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    /** Adds the rules this period breaks, named below {@code field} (e.g. {@code period.end}). */
    public Violations validate(String field, Violations v) {
        v.required(field + ".start", start).required(field + ".end", end);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                v.add(field + ".end", "must be after the start " + start);
            } else if (!end.isBefore(start.plusYears(MAX_YEARS))) {
                v.add(field + ".end", "must be before " + start.plusYears(MAX_YEARS) + ": a plan covers at most "
                        + MAX_YEARS + " years");
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
