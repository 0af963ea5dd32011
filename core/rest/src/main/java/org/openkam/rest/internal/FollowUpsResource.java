package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.openkam.api.ValidationException;
import org.openkam.api.engagement.FollowUp;
import org.openkam.api.engagement.FollowUpDraft;
import org.openkam.api.engagement.FollowUpQuery;
import org.openkam.api.engagement.FollowUpStatus;
import org.openkam.api.engagement.FollowUps;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /accounts/{id}/follow-ups} and {@code /follow-ups}, the systematic follow-up list across accounts.
 * "Today" is the current day in UTC.
 */
@Component
public final class FollowUpsResource implements ApiRoutes {

    private static final Set<String> WRITABLE = Set.of("opportunityId", "planActionId", "title", "notes", "owner",
            "dueDate", "status");
    private static final Set<String> READ_ONLY = Set.of("id", "accountId", "completedAt", "version", "createdAt",
            "updatedAt");
    private final FollowUps followUps;

    @Activate
    public FollowUpsResource(@Reference FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("follow-ups");
    }

    @Override
    public void define(RouteTable router) {
        Operation change = Operation.of().jsonBody().ifMatch();
        router.add("GET", "/follow-ups", this::due)
                .add("GET", "/accounts/{id}/follow-ups", ex -> followUps.list(ex.caller(), ex.path("id")))
                .add("POST", "/accounts/{id}/follow-ups", Operation.of().jsonBody(), this::create)
                .add("GET", "/accounts/{id}/follow-ups/{followUpId}", this::get)
                .add("PUT", "/accounts/{id}/follow-ups/{followUpId}", change, ex -> update(ex, false))
                .add("PATCH", "/accounts/{id}/follow-ups/{followUpId}", change, ex -> update(ex, true))
                .add("DELETE", "/accounts/{id}/follow-ups/{followUpId}", Operation.of().ifMatch(), this::delete);
    }

    /** Open follow-ups unless {@code status} says otherwise ({@code any} for every status). */
    private Object due(Exchange ex) {
        String owner = ex.query("owner");
        if ("me".equals(owner)) {
            owner = ex.caller().userId();
        }
        FollowUpStatus status = "any".equals(ex.query("status")) ? null
                : ex.query("status") == null ? FollowUpStatus.OPEN : ex.enumQuery("status", FollowUpStatus.class);
        boolean overdue = ex.boolQuery("overdue");
        boolean upcoming = ex.boolQuery("upcoming");
        if (overdue && upcoming) {
            throw new ValidationException("upcoming", "cannot be combined with overdue: a follow-up is one or the other");
        }
        return PageBody.of(followUps.due(ex.caller(), new FollowUpQuery(owner, overdue, status,
                ex.query("businessUnit"), LocalDate.now(ZoneOffset.UTC), ex.intQuery("limit", FollowUpQuery.DEFAULT_LIMIT, 1,
                        FollowUpQuery.MAX_LIMIT), ex.query("cursor"), upcoming)));
    }

    private Object create(Exchange ex) throws IOException {
        FollowUp f = followUps.create(ex.caller(), ex.path("id"), draft(ex.body(), null));
        ex.status(201);
        ex.response().setHeader("Location", ex.request().getContextPath() + "/api/v1/accounts/" + f.accountId()
                + "/follow-ups/" + f.id());
        ex.etag(f.version());
        return f;
    }

    private Object get(Exchange ex) {
        FollowUp f = followUps.get(ex.caller(), ex.path("id"), ex.path("followUpId"));
        ex.etag(f.version());
        return f;
    }

    private Object update(Exchange ex, boolean patch) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        FollowUpDraft base = patch ? followUps.get(ex.caller(), ex.path("id"), ex.path("followUpId")).toDraft() : null;
        FollowUp f = followUps.update(ex.caller(), ex.path("id"), ex.path("followUpId"), version, draft(body, base));
        ex.etag(f.version());
        return f;
    }

    private Object delete(Exchange ex) {
        followUps.delete(ex.caller(), ex.path("id"), ex.path("followUpId"), ex.expectedVersion(null));
        ex.status(204);
        return null;
    }

    private static FollowUpDraft draft(Body body, FollowUpDraft base) {
        FollowUpDraft b = base == null ? new FollowUpDraft(null, null, null, null, null, null, null) : base;
        body.allow(WRITABLE, READ_ONLY);
        FollowUpDraft d = new FollowUpDraft(body.text("opportunityId", b.opportunityId()),
                body.text("planActionId", b.planActionId()), body.text("title", b.title()),
                body.text("notes", b.notes()), body.text("owner", b.owner()), body.date("dueDate", b.dueDate()),
                body.choice("status", FollowUpStatus.class, b.status()));
        body.throwIfAny(d.normalized().validate());
        return d;
    }
}
