package org.openkam.api.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A user serving an account in one function. At most one member per function is {@code responsible}.
 */
public record AccountTeamMember(String id, String accountId, String userId, TeamFunction function,
        boolean responsible, long version, Instant createdAt, Instant updatedAt) {

    public AccountTeamMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(function, "function");
    }

    public TeamMemberDraft toDraft() {
        return new TeamMemberDraft(userId, function, responsible);
    }
}
