package org.openkam.api.plan;

/** Progress of one plan action. Cancelled actions do not count towards a plan's completion. */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    /** Still to be done: open or in progress. */
    public boolean pending() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
