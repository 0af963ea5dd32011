package org.openkam.api.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a plan as it was written. Every update keeps the version it replaces, so a plan's history
 * is complete from version 1.
 *
 * @param planId the plan's id
 * @param version the version number
 * @param changedBy the user id of who wrote this version
 * @param changedAt when this version was written
 * @param plan the whole plan at that version
 */
public record PlanVersion(String planId, long version, String changedBy, Instant changedAt, AccountPlan plan) {

    public PlanVersion {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(plan, "plan");
    }
}
