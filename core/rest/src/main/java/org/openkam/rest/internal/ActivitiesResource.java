package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.ActivityQuery;
import org.openkam.api.engagement.ActivityRecorded;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /accounts/{id}/activities}: calls, meetings, visits and e-mails with the customer's people. Writes
 * answer with the activity and the coordination warnings about other team members' contacts.
 */
@Component
public final class ActivitiesResource implements ApiRoutes {

    private static final Set<String> WRITABLE = Set.of("type", "status", "subject", "notes", "occurredAt",
            "contactIds", "participants");
    private static final Set<String> READ_ONLY = Set.of("id", "accountId", "createdBy", "version", "createdAt",
            "updatedAt");
    private final Activities activities;

    @Activate
    public ActivitiesResource(@Reference Activities activities) {
        this.activities = activities;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("activities");
    }

    @Override
    public void define(RouteTable router) {
        Operation change = Operation.of().jsonBody().ifMatch();
        router.add("GET", "/accounts/{id}/activities", this::list)
                .add("POST", "/accounts/{id}/activities", Operation.of().jsonBody(), this::create)
                .add("GET", "/accounts/{id}/activities/{activityId}", this::get)
                .add("PUT", "/accounts/{id}/activities/{activityId}", change, ex -> update(ex, false))
                .add("PATCH", "/accounts/{id}/activities/{activityId}", change, ex -> update(ex, true))
                .add("DELETE", "/accounts/{id}/activities/{activityId}", Operation.of().ifMatch(), this::delete)
                .add("POST", "/accounts/{id}/activities/coordination", Operation.of().jsonBody(),
                        ex -> coordination(ex, null))
                .add("POST", "/accounts/{id}/activities/{activityId}/coordination", Operation.of().jsonBody(),
                        ex -> coordination(ex, ex.path("activityId")));
    }

    /** The warnings a save of the body would answer with, saving nothing: shown before the user saves. */
    private Object coordination(Exchange ex, String activityId) throws IOException {
        ActivityDraft base = activityId == null ? null
                : activities.get(ex.caller(), ex.path("id"), activityId).toDraft();
        return Map.of("coordinationWarnings",
                activities.coordination(ex.caller(), ex.path("id"), activityId, draft(ex.body(), base)));
    }

    private Object list(Exchange ex) {
        ActivityQuery query = new ActivityQuery(ex.query("contactId"), ex.enumQuery("type", ActivityType.class),
                ex.enumQuery("status", ActivityStatus.class),
                ex.intQuery("limit", ActivityQuery.DEFAULT_LIMIT, 1, ActivityQuery.MAX_LIMIT), ex.query("cursor"));
        return PageBody.of(activities.list(ex.caller(), ex.path("id"), query));
    }

    private Object create(Exchange ex) throws IOException {
        ActivityRecorded r = activities.create(ex.caller(), ex.path("id"), draft(ex.body(), null));
        ex.status(201);
        ex.response().setHeader("Location", ex.request().getContextPath() + "/api/v1/accounts/"
                + r.activity().accountId() + "/activities/" + r.activity().id());
        ex.etag(r.activity().version());
        return r;
    }

    private Object get(Exchange ex) {
        Activity a = activities.get(ex.caller(), ex.path("id"), ex.path("activityId"));
        ex.etag(a.version());
        return a;
    }

    private Object update(Exchange ex, boolean patch) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        ActivityDraft base = patch ? activities.get(ex.caller(), ex.path("id"), ex.path("activityId")).toDraft() : null;
        ActivityRecorded r = activities.update(ex.caller(), ex.path("id"), ex.path("activityId"), version,
                draft(body, base));
        ex.etag(r.activity().version());
        return r;
    }

    private Object delete(Exchange ex) {
        activities.delete(ex.caller(), ex.path("id"), ex.path("activityId"), ex.expectedVersion(null));
        ex.status(204);
        return null;
    }

    /** A draft from the body; absent fields keep {@code base}'s value (a patch) or stay empty. */
    private static ActivityDraft draft(Body body, ActivityDraft base) {
        ActivityDraft b = base == null ? new ActivityDraft(null, null, null, null, null, List.of(), List.of()) : base;
        body.allow(WRITABLE, READ_ONLY);
        ActivityDraft d = new ActivityDraft(body.choice("type", ActivityType.class, b.type()),
                body.choice("status", ActivityStatus.class, b.status()), body.text("subject", b.subject()),
                body.text("notes", b.notes()), body.instant("occurredAt", b.occurredAt()),
                body.textList("contactIds", b.contactIds()), body.textList("participants", b.participants()));
        body.throwIfAny(d.normalized().validate());
        return d;
    }
}
