package org.openkam.api.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * A task to follow an account up, optionally for one of its opportunities or plan actions.
 *
 * @param opportunityId the opportunity it serves, or {@code null}
 * @param planActionId the account-plan action it serves, or {@code null}
 * @param owner the user id of who has to do it
 * @param dueDate the day it is due
 * @param completedAt when it was marked done; {@code null} unless done
 */
public record FollowUp(String id, String accountId, String opportunityId, String planActionId, String title,
        String notes, String owner, LocalDate dueDate, FollowUpStatus status, Instant completedAt, long version,
        Instant createdAt, Instant updatedAt) {

    /**
     * The order of urgency: open follow-ups before closed ones, each by due date, oldest first; so the
     * overdue come first, the longest overdue on top, then those due soonest.
     */
    public static final Comparator<FollowUp> URGENCY = Comparator
            .comparing((FollowUp f) -> f.status() != FollowUpStatus.OPEN)
            .thenComparing(FollowUp::dueDate)
            .thenComparing(FollowUp::id);

    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
    }

    /** Open and due before {@code today}. */
    public boolean isOverdue(LocalDate today) {
        return status == FollowUpStatus.OPEN && dueDate.isBefore(today);
    }

    /** How many days past its due date an open follow-up is on {@code today}; 0 if it is not overdue. */
    public long daysOverdue(LocalDate today) {
        return isOverdue(today) ? ChronoUnit.DAYS.between(dueDate, today) : 0;
    }

    public FollowUpDraft toDraft() {
        return new FollowUpDraft(opportunityId, planActionId, title, notes, owner, dueDate, status);
    }
}
