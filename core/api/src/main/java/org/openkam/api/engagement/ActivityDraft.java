package org.openkam.api.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.openkam.api.Violations;

/**
 * The editable fields of an activity. Without a status it is {@code done}: logging what happened is the
 * common case. Without participants the service records the caller as the one who took part.
 */
public record ActivityDraft(ActivityType type, ActivityStatus status, String subject, String notes,
        Instant occurredAt, List<String> contactIds, List<String> participants) {

    public static final int MAX_CONTACTS = 50;
    public static final int MAX_PARTICIPANTS = 20;

    /** Ids are kept trimmed, sorted and without duplicates: their order carries no meaning. */
    public ActivityDraft {
        contactIds = sortedDistinct(contactIds);
        participants = sortedDistinct(participants);
    }

    /** Trimmed texts, status done when absent. */
    public ActivityDraft normalized() {
        return new ActivityDraft(type, status == null ? ActivityStatus.DONE : status, clean(subject), clean(notes),
                occurredAt, contactIds, participants);
    }

    /** Every rule this draft breaks by itself; which contacts and users exist is the service's to check. */
    public Violations validate() {
        Violations v = new Violations()
                .required("type", type)
                .required("status", status)
                .required("subject", subject, 200)
                .maxLength("notes", notes, 4000)
                .required("occurredAt", occurredAt);
        if (status == ActivityStatus.DONE && contactIds.isEmpty()) {
            v.add("contactIds", "must name at least one contact of the account for a done activity");
        }
        if (contactIds.size() > MAX_CONTACTS) {
            v.add("contactIds", "must name at most " + MAX_CONTACTS + " contacts");
        }
        if (participants.size() > MAX_PARTICIPANTS) {
            v.add("participants", "must name at most " + MAX_PARTICIPANTS + " users");
        }
        return v;
    }

    static List<String> sortedDistinct(List<String> ids) {
        return ids == null ? List.of()
                : ids.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                        .sorted().toList();
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
