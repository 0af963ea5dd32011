package org.openkam.api.engagement;

import java.time.LocalDate;

import org.openkam.api.Violations;

/**
 * The editable fields of a follow-up. Without a status it is open; without an owner the service makes the
 * caller the owner. Opportunity and plan-action ids are references only: any id up to 36 characters.
 */
public record FollowUpDraft(String opportunityId, String planActionId, String title, String notes, String owner,
        LocalDate dueDate, FollowUpStatus status) {

    public FollowUpDraft normalized() {
        return new FollowUpDraft(clean(opportunityId), clean(planActionId), clean(title), clean(notes), clean(owner),
                dueDate, status == null ? FollowUpStatus.OPEN : status);
    }

    public Violations validate() {
        return new Violations()
                .maxLength("opportunityId", opportunityId, 36)
                .maxLength("planActionId", planActionId, 36)
                .required("title", title, 200)
                .maxLength("notes", notes, 2000)
                .maxLength("owner", owner, 36)
                .required("dueDate", dueDate)
                .required("status", status);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
