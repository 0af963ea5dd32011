package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.openkam.api.account.AccountTeamMember;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.account.TeamFunction;
import org.openkam.api.account.TeamMemberDraft;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /accounts/{id}/team}: who serves the account, in which function; {@code /team-memberships}: where a
 * user serves.
 */
@Component
public final class TeamResource implements ApiRoutes {

    private static final Set<String> WRITABLE = Set.of("userId", "function", "responsible");
    private static final Set<String> READ_ONLY = Set.of("id", "accountId", "version", "createdAt", "updatedAt");
    private final AccountTeams teams;

    @Activate
    public TeamResource(@Reference AccountTeams teams) {
        this.teams = teams;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("team");
    }

    @Override
    public void define(RouteTable router) {
        router.add("GET", "/accounts/{id}/team", ex -> teams.list(ex.caller(), ex.path("id")))
                .add("POST", "/accounts/{id}/team", Operation.of().jsonBody(), this::add)
                .add("PUT", "/accounts/{id}/team/{memberId}", Operation.of().jsonBody().ifMatch(), this::update)
                .add("DELETE", "/accounts/{id}/team/{memberId}", Operation.of().ifMatch(), this::remove)
                .add("GET", "/team-memberships", this::memberships);
    }

    /** Where a user ({@code me} for the caller) serves, on the accounts the caller may read. */
    private Object memberships(Exchange ex) {
        String user = ex.query("user");
        if (user == null || user.isBlank()) {
            throw ProblemException.badRequest("user", "is required: a user id, or me for the caller");
        }
        String unit = ex.query("businessUnit");
        if (unit != null && !ex.caller().canRead(unit)) {
            throw ProblemException.badRequest("businessUnit", "is not one of your business units");
        }
        return teams.memberships(ex.caller(), "me".equals(user) ? ex.caller().userId() : user, unit);
    }

    private Object add(Exchange ex) throws IOException {
        AccountTeamMember m = teams.add(ex.caller(), ex.path("id"), draft(ex.body()));
        ex.status(201);
        ex.etag(m.version());
        return m;
    }

    private Object update(Exchange ex) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        AccountTeamMember m = teams.update(ex.caller(), ex.path("id"), ex.path("memberId"), version, draft(body));
        ex.etag(m.version());
        return m;
    }

    private Object remove(Exchange ex) {
        teams.remove(ex.caller(), ex.path("id"), ex.path("memberId"), ex.expectedVersion(null));
        ex.status(204);
        return null;
    }

    private static TeamMemberDraft draft(Body body) {
        body.allow(WRITABLE, READ_ONLY);
        TeamMemberDraft d = new TeamMemberDraft(body.text("userId", null),
                body.choice("function", TeamFunction.class, null), Boolean.TRUE.equals(body.bool("responsible", false)));
        body.throwIfAny(d.validate());
        return d;
    }
}
