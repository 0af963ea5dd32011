package org.openkam.api.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A customer development plan as stored: for one account and period, the relationship stage, a SWOT and
 * measurable objectives, each reached through strategies made of actions. Every id in the tree is set.
 *
 * @param id the plan's id
 * @param accountId the account it plans
 * @param title e.g. {@code Nordwerk 2027}
 * @param period the days it covers
 * @param status draft, active or archived
 * @param relationshipStage where the relationship stands
 * @param swot strengths, weaknesses, opportunities, threats
 * @param objectives what is to be achieved, with strategies and actions
 * @param version optimistic concurrency version, incremented by every change
 * @param createdAt when it was created
 * @param updatedAt when this version was written
 * @param updatedBy the user id of who wrote this version
 */
public record AccountPlan(String id, String accountId, String title, PlanPeriod period, PlanStatus status,
        RelationshipStage relationshipStage, Swot swot, List<Objective> objectives, long version, Instant createdAt,
        Instant updatedAt, String updatedBy) {

    public AccountPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(relationshipStage, "relationshipStage");
        swot = swot == null ? Swot.EMPTY : swot;
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
    }

    /** Every action of every strategy of every objective, in plan order. */
    public List<PlanAction> actions() {
        return actions(objectives);
    }

    /** Percent of the plan's actions done; see {@link #completion(Collection)}. */
    public int completion() {
        return completion(actions().stream().map(PlanAction::status).toList());
    }

    /** Actions still to be done (open or in progress). */
    public int openActions() {
        return (int) actions().stream().filter(a -> a.status().pending()).count();
    }

    /** Pending actions due before {@code today}. */
    public int overdueActions(LocalDate today) {
        return (int) actions().stream().filter(a -> a.overdue(today)).count();
    }

    /** The plan's editable fields, e.g. as the base of a partial update; ids are kept. */
    public AccountPlanDraft toDraft() {
        return new AccountPlanDraft(title, period, status, relationshipStage, swot, objectives);
    }

    /**
     * A plan's completion: the actions done as a share of the actions that count, which are all but the
     * cancelled ones, in percent rounded half up to a whole number. With no action that counts (none at
     * all, or all cancelled) it is 0. Example: 5 actions of which 3 done and 1 cancelled give 3 / 4 = 75.
     */
    public static int completion(Collection<ActionStatus> statuses) {
        long counted = statuses.stream().filter(s -> s != ActionStatus.CANCELLED).count();
        if (counted == 0) {
            return 0;
        }
        long done = statuses.stream().filter(s -> s == ActionStatus.DONE).count();
        return BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(counted), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    static List<PlanAction> actions(List<Objective> objectives) {
        return objectives.stream().flatMap(o -> o.strategies().stream()).flatMap(s -> s.actions().stream()).toList();
    }
}
