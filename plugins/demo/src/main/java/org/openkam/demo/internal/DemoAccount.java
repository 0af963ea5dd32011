package org.openkam.demo.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.ContactDraft;

/**
 * A demo account with its contacts and team. The draft's {@code owner} is a username, replaced by the
 * user's id when the account is created ({@link #draftFor(Map)}).
 */
public record DemoAccount(AccountDraft draft, List<ContactDraft> contacts, List<DemoTeamMember> team) {

    public DemoAccount {
        Objects.requireNonNull(draft, "draft");
        contacts = List.copyOf(contacts);
        team = List.copyOf(team);
    }

    /** The username of the key account manager who owns the account. */
    public String ownerUsername() {
        return draft.owner();
    }

    /**
     * The draft as the registry takes it: the owner's username replaced by the user id.
     *
     * @param userIds user id by username
     * @throws IllegalStateException if the owner has no id
     */
    public AccountDraft draftFor(Map<String, String> userIds) {
        String ownerId = userIds.get(draft.owner());
        if (ownerId == null) {
            throw new IllegalStateException("no user " + draft.owner() + " for demo account " + draft.name());
        }
        AccountDraft d = draft;
        return new AccountDraft(d.businessUnit(), d.name(), d.legalName(), d.industry(), d.country(), d.region(),
                d.status(), d.tier(), ownerId, d.annualSales(), d.contributionMargin(), d.potential(), d.currency(),
                d.attributes());
    }
}
