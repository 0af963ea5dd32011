package org.openkam.api.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The opportunities of an account. Scoped, audited and posted like accounts ({@link PipelineEvents}):
 * an account outside the caller's units is not found; changes need the key-account-manager or bu-admin
 * role. Closed opportunities are final: changing one is a conflict.
 */
@ProviderType
public interface Opportunities {

    /** The configured stages, in pipeline order. */
    List<PipelineStage> stages();

    /** Every opportunity of the account: open ones first by expected close date, then closed ones, latest first. */
    List<Opportunity> list(Caller caller, String accountId);

    /** The open opportunities of the account, by expected close date. */
    List<Opportunity> open(Caller caller, String accountId);

    /**
     * The open opportunities of many accounts at once, for passes over many accounts: by account id, for the
     * accounts among {@code accountIds} that the caller may read and that have open opportunities; the others are
     * left out. Each list in the order of {@link #open(Caller, String)}.
     *
     * @since 1.2
     */
    default Map<String, List<Opportunity>> open(Caller caller, Collection<String> accountIds) {
        Map<String, List<Opportunity>> out = new HashMap<>();
        for (String id : accountIds) {
            try {
                List<Opportunity> open = open(caller, id);
                if (!open.isEmpty()) {
                    out.put(id, open);
                }
            } catch (NotFoundException e) {
                // not readable by the caller, or gone: left out
            }
        }
        return out;
    }

    /** The account's open pipeline: count, value and weighted value per currency. */
    PipelineSummary summary(Caller caller, String accountId);

    /**
     * The open pipelines of many accounts at once, for rollups over many accounts: a summary per account among
     * {@code accountIds} that the caller may read and that has open opportunities; the others are left out.
     *
     * @since 1.2
     */
    default Map<String, PipelineSummary> summaries(Caller caller, Collection<String> accountIds) {
        Map<String, PipelineSummary> out = new HashMap<>();
        for (String id : accountIds) {
            try {
                PipelineSummary summary = summary(caller, id);
                if (summary.openCount() > 0) {
                    out.put(id, summary);
                }
            } catch (NotFoundException e) {
                // not readable by the caller, or gone: left out
            }
        }
        return out;
    }

    /**
     * The open pipeline by stage across every account the caller may read: one entry per configured stage in
     * pipeline order (empty stages included), then stages no longer configured that still hold open
     * opportunities, by id.
     *
     * @param businessUnit only accounts of this unit, or {@code null} for all the caller's units
     * @param owner only opportunities this user id owns, or {@code null} for every owner
     */
    List<StagePipeline> pipelineByStage(Caller caller, String businessUnit, String owner);

    Opportunity get(Caller caller, String accountId, String opportunityId);

    /**
     * Creates an open opportunity. Without a probability it takes the stage's default; without an owner the
     * caller owns it.
     */
    Opportunity create(Caller caller, String accountId, OpportunityDraft draft);

    /**
     * Replaces the editable fields of an open opportunity. Without a probability it takes the stage's default;
     * without an owner it keeps its owner.
     */
    Opportunity update(Caller caller, String accountId, String opportunityId, long expectedVersion,
            OpportunityDraft draft);

    /**
     * Closes an open opportunity as won (probability 100) or lost (probability 0), and its open follow-ups
     * with it if {@link OpportunityClosing#closeFollowUps()} asks for that.
     */
    Opportunity close(Caller caller, String accountId, String opportunityId, long expectedVersion,
            OpportunityClosing closing);

    /** Deletes the opportunity; follow-ups linked to it stay with the account, no longer linked. */
    void delete(Caller caller, String accountId, String opportunityId, long expectedVersion);
}
