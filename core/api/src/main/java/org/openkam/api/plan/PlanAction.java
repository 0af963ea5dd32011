package org.openkam.api.plan;

import java.time.LocalDate;

import org.openkam.api.Violations;

/**
 * One step of a strategy: what is done, by whom, by when. Follow-ups link to an action by its id, which
 * stays the same across plan versions as long as clients send it back.
 *
 * @param id assigned by the registry; {@code null} in a draft for a new action
 * @param description what is to be done
 * @param owner the user id of the team member who does it, if assigned
 * @param dueDate when it is due, if set
 * @param status open, in progress, done or cancelled
 */
public record PlanAction(String id, String description, String owner, LocalDate dueDate, ActionStatus status) {

    public static final int MAX_DESCRIPTION = 500;

    /** Trimmed texts, status open when absent. */
    public PlanAction normalized() {
        return new PlanAction(Texts.clean(id), Texts.clean(description), Texts.clean(owner), dueDate,
                status == null ? ActionStatus.OPEN : status);
    }

    /** Still pending (open or in progress) after its due date, i.e. due before {@code today}. */
    public boolean overdue(LocalDate today) {
        return status.pending() && dueDate != null && dueDate.isBefore(today);
    }

    Violations validate(String field, Violations v) {
        return v.required(field + ".description", description, MAX_DESCRIPTION)
                .maxLength(field + ".owner", owner, 64)
                .required(field + ".status", status);
    }
}
