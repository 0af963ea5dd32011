package org.openkam.api.plan;

/** Where a plan is in its life. At most one plan of an account is active for any day. */
public enum PlanStatus {
    /** Being written; may be deleted. */
    DRAFT,
    /** The plan the account team works from in its period. */
    ACTIVE,
    /** Kept for the record; may be deleted. */
    ARCHIVED
}
