package org.openkam.api.account;

import org.openkam.api.Violations;

/** The editable fields of a team membership. */
public record TeamMemberDraft(String userId, TeamFunction function, boolean responsible) {

    public Violations validate() {
        return new Violations().required("userId", userId, 64).required("function", function);
    }
}
