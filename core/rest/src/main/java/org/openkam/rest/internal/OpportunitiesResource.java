package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.openkam.api.pipeline.Competitor;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OpportunityClosing;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.OpportunityStatus;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Json;
import org.openkam.http.api.Operation;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /accounts/{id}/opportunities}: projects against the customer's other suppliers, closing them as won
 * or lost; {@code /accounts/{id}/pipeline} the account's open pipeline; {@code /pipeline/stages} the stages;
 * {@code /pipeline} the open pipeline by stage across the caller's accounts.
 */
@Component
public final class OpportunitiesResource implements ApiRoutes {


    /** The open pipeline by stage; {@code owner=me} for the caller's own opportunities. */
    private Object pipeline(Exchange ex) {
        String unit = ex.query("businessUnit");
        if (unit != null && !ex.caller().canRead(unit)) {
            throw ProblemException.badRequest("businessUnit", "is not one of your business units");
        }
        String owner = ex.query("owner");
        return opportunities.pipelineByStage(ex.caller(), unit, "me".equals(owner) ? ex.caller().userId() : owner);
    }

    private static final Set<String> WRITABLE = Set.of("name", "description", "value", "currency", "stage",
            "probability", "expectedCloseDate", "nextStep", "nextStepDue", "ourPosition", "competitors", "owner");
    private static final Set<String> READ_ONLY = Set.of("id", "accountId", "weightedValue", "status", "closeReason",
            "closedAt", "version", "createdAt", "updatedAt");
    private static final Set<String> COMPETITOR = Set.of("name", "strengths", "weaknesses", "position");
    private static final Set<String> CLOSING = Set.of("status", "closeReason", "closeFollowUps");
    private static final String CLOSE_TO_CHANGE = "changes only by closing: POST .../opportunities/{opportunityId}/close";
    private final Opportunities opportunities;

    @Activate
    public OpportunitiesResource(@Reference Opportunities opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("opportunities");
    }

    @Override
    public void define(RouteTable router) {
        String one = "/accounts/{id}/opportunities/{opportunityId}";
        Operation change = Operation.of().jsonBody().ifMatch();
        router.add("GET", "/accounts/{id}/opportunities", this::list)
                .add("POST", "/accounts/{id}/opportunities", Operation.of().jsonBody(), this::create)
                .add("GET", one, this::get)
                .add("PUT", one, change, ex -> update(ex, false))
                .add("PATCH", one, change, ex -> update(ex, true))
                .add("DELETE", one, Operation.of().ifMatch(), this::delete)
                .add("POST", one + "/close", change, this::close)
                .add("GET", "/accounts/{id}/pipeline", ex -> opportunities.summary(ex.caller(), ex.path("id")))
                .add("GET", "/pipeline/stages", ex -> opportunities.stages())
                .add("GET", "/pipeline", this::pipeline);
    }

    private Object list(Exchange ex) {
        OpportunityStatus status = ex.enumQuery("status", OpportunityStatus.class);
        if (status == OpportunityStatus.OPEN) {
            return opportunities.open(ex.caller(), ex.path("id"));
        }
        List<Opportunity> all = opportunities.list(ex.caller(), ex.path("id"));
        return status == null ? all : all.stream().filter(o -> o.status() == status).toList();
    }

    private Object create(Exchange ex) throws IOException {
        Opportunity o = opportunities.create(ex.caller(), ex.path("id"), draft(ex.body(), null, false));
        ex.status(201);
        ex.response().setHeader("Location", ex.request().getContextPath() + "/api/v1/accounts/" + o.accountId()
                + "/opportunities/" + o.id());
        ex.etag(o.version());
        return o;
    }

    private Object get(Exchange ex) {
        Opportunity o = opportunities.get(ex.caller(), ex.path("id"), ex.path("opportunityId"));
        ex.etag(o.version());
        return o;
    }

    private Object update(Exchange ex, boolean patch) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        Opportunity current = opportunities.get(ex.caller(), ex.path("id"), ex.path("opportunityId"));
        Opportunity o = opportunities.update(ex.caller(), current.accountId(), current.id(), version,
                draft(body, current, patch));
        ex.etag(o.version());
        return o;
    }

    private Object delete(Exchange ex) {
        opportunities.delete(ex.caller(), ex.path("id"), ex.path("opportunityId"), ex.expectedVersion(null));
        ex.status(204);
        return null;
    }

    private Object close(Exchange ex) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        body.allow(CLOSING, Set.of("version"));
        OpportunityClosing closing = new OpportunityClosing(body.choice("status", OpportunityStatus.class, null),
                body.text("closeReason", null), Boolean.TRUE.equals(body.bool("closeFollowUps", false)));
        body.throwIfAny(closing.normalized().validate());
        Opportunity o = opportunities.close(ex.caller(), ex.path("id"), ex.path("opportunityId"), version, closing);
        ex.etag(o.version());
        return o;
    }

    /**
     * A draft from the body of a creation ({@code current} null), a replace or a patch (absent fields keep
     * {@code current}'s value). A patch that moves the stage without naming a probability gives the new
     * stage's default, as a replace without a probability does; a patch that leaves the stage alone keeps
     * the probability.
     */
    private OpportunityDraft draft(Body body, Opportunity current, boolean patch) {
        OpportunityDraft b = patch ? current.toDraft() : new OpportunityDraft(null, null, null, null, null, null,
                null, null, null, null, List.of(), null);
        body.allow(WRITABLE, READ_ONLY);
        body.unchanged("status", current == null ? "open" : Json.wire(current.status()), CLOSE_TO_CHANGE)
                .unchanged("closeReason", current == null ? null : current.closeReason(), CLOSE_TO_CHANGE);
        String stage = body.text("stage", b.stage());
        boolean moved = patch && stage != null && !stage.strip().equalsIgnoreCase(current.stage());
        Integer probability = body.has("probability") ? percent(body.whole("probability"))
                : moved ? null : b.probability();
        OpportunityDraft d = new OpportunityDraft(body.text("name", b.name()),
                body.text("description", b.description()), body.decimal("value", b.value()),
                body.text("currency", b.currency()), stage, probability, body.date("expectedCloseDate",
                        b.expectedCloseDate()), body.text("nextStep", b.nextStep()),
                body.date("nextStepDue", b.nextStepDue()), body.choice("ourPosition", OurPosition.class,
                        b.ourPosition()), body.objects("competitors", b.competitors(), OpportunitiesResource::competitor),
                body.text("owner", b.owner()));
        body.throwIfAny(d.normalized().validate(opportunities.stages()));
        return d;
    }

    private static Competitor competitor(Body body) {
        body.allow(COMPETITOR, Set.of());
        return new Competitor(body.text("name", null), body.text("strengths", null), body.text("weaknesses", null),
                body.choice("position", OurPosition.class, null));
    }

    /** A whole number as a percentage; far out of range stays out of range, for the draft to report. */
    private static Integer percent(Long value) {
        return value == null ? null : (int) Math.max(-1, Math.min(101, value));
    }
}
