package org.openkam.api.engagement;

import java.time.LocalDate;
import java.util.List;

import org.openkam.api.Caller;
import org.openkam.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Follow-ups of accounts. Scoped through their account, audited (entity type {@code follow-up}) and posted
 * as {@link EngagementEvents#FOLLOW_UP_CHANGED}. The owner must be an enabled user with a role in the
 * account's business unit (or an administrator) when a follow-up gets them.
 */
@ProviderType
public interface FollowUps {

    /** The account's follow-ups in the order of {@link FollowUp#URGENCY}. */
    List<FollowUp> list(Caller caller, String accountId);

    FollowUp get(Caller caller, String accountId, String followUpId);

    FollowUp create(Caller caller, String accountId, FollowUpDraft draft);

    /** Replaces the fields; marking it done stamps {@code completedAt}, reopening clears it. */
    FollowUp update(Caller caller, String accountId, String followUpId, long expectedVersion, FollowUpDraft draft);

    void delete(Caller caller, String accountId, String followUpId, long expectedVersion);

    /** Follow-ups across every account the caller may read, in the order of {@link FollowUp#URGENCY}. */
    Page<FollowUpItem> due(Caller caller, FollowUpQuery query);

    /** The account's open follow-ups due before {@code today}, longest overdue first. */
    List<FollowUpItem> overdue(Caller caller, String accountId, LocalDate today);
}
