package org.openkam.registry.internal.engagement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.api.engagement.CoordinationWarning;

/**
 * Coordinated contact: the customer should not hear from the company twice in a week by people who do not
 * know of each other. Another activity calls for a warning when it shares a contact with this one, lies
 * within the window before or after it (both ends included; planned and done alike), and none of its
 * participants takes part in this one (who took part in both already knows).
 */
final class Coordination {

    private Coordination() {
    }

    /**
     * One warning per other activity, shared contact and other participant, by the other activity's time.
     *
     * @param contactNames names of the contacts by id
     * @param members the participants of {@code others} by user id
     */
    static List<CoordinationWarning> warnings(Activity activity, Collection<Activity> others, Duration window,
            Map<String, String> contactNames, Map<String, Member> members) {
        List<Activity> sorted = new ArrayList<>(others);
        sorted.sort(Comparator.comparing(Activity::occurredAt).thenComparing(Activity::id));
        List<CoordinationWarning> out = new ArrayList<>();
        for (Activity other : sorted) {
            if (other.id().equals(activity.id()) || !Collections.disjoint(other.participants(), activity.participants())
                    || Duration.between(activity.occurredAt(), other.occurredAt()).abs().compareTo(window) > 0) {
                continue;
            }
            for (String contactId : other.contactIds()) {
                if (!activity.contactIds().contains(contactId)) {
                    continue;
                }
                String contactName = contactNames.getOrDefault(contactId, contactId);
                for (String memberId : other.participants()) {
                    Member m = members.getOrDefault(memberId, new Member(memberId, memberId, null));
                    out.add(new CoordinationWarning(contactId, contactName, memberId, m.username(), m.displayName(),
                            other.id(), other.type(), other.status(), other.occurredAt(),
                            message(contactName, m, other)));
                }
            }
        }
        return out;
    }

    /** E.g. {@code Ann Lee: Karl Berg (kam.b) plans a visit with them on 2027-03-04; coordinate first.} */
    static String message(String contactName, Member member, Activity other) {
        LocalDate day = LocalDate.ofInstant(other.occurredAt(), ZoneOffset.UTC);
        String verb = other.status() == ActivityStatus.PLANNED ? "plans " : "had ";
        return contactName + ": " + member.label() + " " + verb + article(other.type()) + " with them on " + day
                + "; coordinate first.";
    }

    private static String article(ActivityType type) {
        return switch (type) {
            case CALL -> "a call";
            case MEETING -> "a meeting";
            case VISIT -> "a visit";
            case EMAIL -> "an e-mail";
        };
    }
}
