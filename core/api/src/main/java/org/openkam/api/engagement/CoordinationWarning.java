package org.openkam.api.engagement;

import java.time.Instant;
import java.util.Objects;

/**
 * Another team member contacted, or plans to contact, the same person close to the time of an activity
 * being logged or planned: talk to them before the customer hears from the company twice.
 *
 * @param contactId the contact both activities are with
 * @param contactName the contact's name
 * @param memberId the user id of the other team member
 * @param memberUsername the other member's login name
 * @param memberDisplayName the other member's display name, or {@code null}
 * @param activityId the other member's activity
 * @param activityType what kind of activity it is
 * @param activityStatus whether it took place or is planned
 * @param occurredAt when it took place or is planned
 * @param message the warning as a sentence for a person to read
 */
public record CoordinationWarning(String contactId, String contactName, String memberId, String memberUsername,
        String memberDisplayName, String activityId, ActivityType activityType, ActivityStatus activityStatus,
        Instant occurredAt, String message) {

    public CoordinationWarning {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(message, "message");
    }
}
