package org.openkam.api.pipeline;

/**
 * The EventAdmin topic the registry posts after an opportunity changes. Events carry the properties of
 * {@link org.openkam.api.event.AccountEvents} ({@code accountId}, {@code businessUnit}, {@code entityId} = the
 * opportunity's id, {@code action}, {@code actor}) plus the ones below.
 */
public final class PipelineEvents {

    public static final String OPPORTUNITY_CHANGED = "org/openkam/opportunity/CHANGED";

    /** {@code action} values. */
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String CLOSED = "closed";
    public static final String DELETED = "deleted";

    /** The opportunity's status after the change: {@code open}, {@code won} or {@code lost}. */
    public static final String STATUS = "status";
    /** On {@code closed}: how many open follow-ups were closed with it (an Integer; 0 unless asked). */
    public static final String CLOSED_FOLLOW_UPS = "closedFollowUps";

    private PipelineEvents() {
    }
}
