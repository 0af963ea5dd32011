package org.openkam.api.engagement;

/** How the team met the customer's people. */
public enum ActivityType {
    CALL, MEETING, VISIT, EMAIL
}
