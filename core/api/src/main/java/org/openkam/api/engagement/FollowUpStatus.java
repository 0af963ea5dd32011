package org.openkam.api.engagement;

/** Where a follow-up stands. */
public enum FollowUpStatus {
    OPEN, DONE, CANCELLED
}
