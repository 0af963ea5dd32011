package org.openkam.api.account;

import java.util.List;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who serves an account: the key account manager, sales, field service, specialists and the executive
 * sponsor. A user holds a function once per account; a second responsible for a function is a conflict.
 */
@ProviderType
public interface AccountTeams {

    List<AccountTeamMember> list(Caller caller, String accountId);

    /**
     * Where a user serves: every team place the user holds on an account the caller may read, by account name
     * then function.
     *
     * @param businessUnit only accounts of this unit, or {@code null} for all the caller may read
     */
    List<TeamMembership> memberships(Caller caller, String userId, String businessUnit);

    AccountTeamMember add(Caller caller, String accountId, TeamMemberDraft draft);

    AccountTeamMember update(Caller caller, String accountId, String memberId, long expectedVersion,
            TeamMemberDraft draft);

    void remove(Caller caller, String accountId, String memberId, long expectedVersion);
}
