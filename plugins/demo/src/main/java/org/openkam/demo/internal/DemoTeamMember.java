package org.openkam.demo.internal;

import java.util.Objects;

import org.openkam.api.account.TeamFunction;
import org.openkam.api.account.TeamMemberDraft;

/**
 * A demo account's team member, named by username because user ids only exist once the users are created.
 */
public record DemoTeamMember(String username, TeamFunction function, boolean responsible) {

    public DemoTeamMember {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(function, "function");
    }

    /** The membership as the registry takes it, for the user created under {@link #username()}. */
    public TeamMemberDraft draftFor(String userId) {
        return new TeamMemberDraft(userId, function, responsible);
    }
}
