package org.openkam.api.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A call, meeting, visit or e-mail of team members with people at the customer.
 *
 * @param occurredAt when it took place, or for a planned activity when it is planned
 * @param contactIds the contacts of the account it was with, sorted
 * @param participants the user ids of the team members who took part, sorted
 * @param createdBy the user who logged it
 */
public record Activity(String id, String accountId, ActivityType type, ActivityStatus status, String subject,
        String notes, Instant occurredAt, List<String> contactIds, List<String> participants, String createdBy,
        long version, Instant createdAt, Instant updatedAt) {

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        contactIds = ActivityDraft.sortedDistinct(contactIds);
        participants = ActivityDraft.sortedDistinct(participants);
    }

    public ActivityDraft toDraft() {
        return new ActivityDraft(type, status, subject, notes, occurredAt, contactIds, participants);
    }
}
