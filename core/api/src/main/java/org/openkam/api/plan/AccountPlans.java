package org.openkam.api.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Customer development plans of an account. Scoped through the account (an account outside the caller's
 * business units does not exist for them), audited ({@code account-plan}, {@code plan-review}) and posted
 * ({@link PlanEvents}). Reading needs a role in the account's unit; changing needs key-account-manager or
 * bu-admin there.
 *
 * <p>At most one plan per account is {@link PlanStatus#ACTIVE active} for any day: making a plan active
 * (on create or update) while another active plan's period overlaps its own is a
 * {@link org.openkam.api.ConflictException} on {@code status}.
 */
@ProviderType
public interface AccountPlans {

    /** The account's plans, latest period first. */
    List<AccountPlan> list(Caller caller, String accountId);

    AccountPlan get(Caller caller, String accountId, String planId);

    /**
     * Creates a plan at version 1. Every objective, strategy and action gets a new id; ids in the draft are
     * ignored, so a plan can be started from a copy of another.
     */
    AccountPlan create(Caller caller, String accountId, AccountPlanDraft draft);

    /**
     * Replaces the plan with {@code draft} if it is still at {@code expectedVersion}, keeping the version it
     * replaces in the plan's history. Elements sent with an id keep it (it must be an id of the same kind in
     * this plan, else the id field is refused); elements without one are new; elements left out are removed.
     * An update that changes nothing writes no version. With {@code closeFollowUps}, the open follow-ups of
     * every action that becomes done in this update are closed as well.
     *
     * @throws org.openkam.api.StaleVersionException if the plan changed meanwhile
     */
    AccountPlan update(Caller caller, String accountId, String planId, long expectedVersion, AccountPlanDraft draft,
            boolean closeFollowUps);

    /**
     * Deletes a draft or archived plan with its reviews and history (the audit trail stays); an active plan
     * must be archived first ({@link org.openkam.api.ConflictException} on {@code status}).
     */
    void delete(Caller caller, String accountId, String planId, long expectedVersion);

    /** Records a review of the plan; reviews are append-only and do not change the plan's version. */
    PlanReview addReview(Caller caller, String accountId, String planId, PlanReviewDraft draft);

    /** The plan's reviews, latest review date first. */
    List<PlanReview> reviews(Caller caller, String accountId, String planId);

    /** Every version of the plan, the current one included, newest first. */
    List<PlanVersion> versions(Caller caller, String accountId, String planId);

    /** One version of the plan (the current one included). */
    PlanVersion version(Caller caller, String accountId, String planId, long version);

    /**
     * The active plan whose period contains {@code on}; else the active plan with the latest period; else
     * none.
     */
    Optional<AccountPlan> active(Caller caller, String accountId, LocalDate on);

    /**
     * The active plans of many accounts on {@code on} (as {@link #active(Caller, String, LocalDate)} chooses), for
     * passes over many accounts: by account id, for the accounts among {@code accountIds} that the caller may read
     * and that have one; the others are left out. The registry answers with a few queries per few hundred ids.
     *
     * @since 1.1
     */
    default Map<String, AccountPlan> active(Caller caller, Collection<String> accountIds, LocalDate on) {
        Map<String, AccountPlan> out = new HashMap<>();
        for (String id : accountIds) {
            try {
                active(caller, id, on).ifPresent(plan -> out.put(id, plan));
            } catch (NotFoundException e) {
                // not readable by the caller, or gone: left out
            }
        }
        return out;
    }

    /** The summary of {@link #active(Caller, String, LocalDate) the active plan} on {@code today}. */
    Optional<PlanSummary> activeSummary(Caller caller, String accountId, LocalDate today);
}
