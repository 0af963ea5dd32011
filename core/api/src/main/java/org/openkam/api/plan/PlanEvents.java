package org.openkam.api.plan;

/**
 * The EventAdmin topic the registry posts after a plan change commits. Its properties are those of
 * {@link org.openkam.api.event.AccountEvents}: {@code accountId}, {@code businessUnit}, {@code actor},
 * {@code entityId} (the plan's id) and {@code action}, one of the actions below.
 */
public final class PlanEvents {

    public static final String PLAN_CHANGED = "org/openkam/plan/CHANGED";

    /** A plan was created. */
    public static final String CREATED = "created";
    /** A plan was changed (a new version written). */
    public static final String UPDATED = "updated";
    /** A plan was deleted with its reviews and versions. */
    public static final String DELETED = "deleted";
    /** A review was added to a plan; the event also carries {@link #REVIEW_ID}. */
    public static final String REVIEWED = "reviewed";

    /** The id of the review added, on {@link #REVIEWED} events. */
    public static final String REVIEW_ID = "reviewId";

    private PlanEvents() {
    }
}
