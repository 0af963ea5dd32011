package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import org.openkam.api.NotFoundException;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.AccountPlans;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /accounts/{id}/plans}: customer development plans with their reviews and version history.
 * {@code PUT} and {@code PATCH} take {@code ?closeFollowUps=true} to close the open follow-ups of every action
 * the update marks done; without it follow-ups stay as they are.
 */
@Component
public final class PlansResource implements ApiRoutes {

    private static final String PLAN = "/accounts/{id}/plans/{planId}";
    private final AccountPlans plans;

    @Activate
    public PlansResource(@Reference AccountPlans plans) {
        this.plans = plans;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("plans");
    }

    @Override
    public void define(RouteTable router) {
        Operation change = Operation.of().jsonBody().ifMatch();
        router.add("GET", "/accounts/{id}/plans", ex -> plans.list(ex.caller(), ex.path("id")).stream()
                        .map(PlanBody::of).toList())
                .add("POST", "/accounts/{id}/plans", Operation.of().jsonBody(), this::create)
                .add("GET", PLAN, this::get)
                .add("PUT", PLAN, change, ex -> update(ex, false))
                .add("PATCH", PLAN, change, ex -> update(ex, true))
                .add("DELETE", PLAN, Operation.of().ifMatch(), this::delete)
                .add("GET", PLAN + "/reviews", ex -> plans.reviews(ex.caller(), ex.path("id"), ex.path("planId")))
                .add("POST", PLAN + "/reviews", Operation.of().jsonBody(), this::review)
                .add("GET", PLAN + "/versions", ex -> plans.versions(ex.caller(), ex.path("id"), ex.path("planId"))
                        .stream().map(PlanBody.Version::of).toList())
                .add("GET", PLAN + "/versions/{version}", this::version);
    }

    private Object create(Exchange ex) throws IOException {
        AccountPlan p = plans.create(ex.caller(), ex.path("id"), PlanInput.plan(ex.body(), null));
        ex.status(201);
        ex.response().setHeader("Location", ex.request().getContextPath() + "/api/v1/accounts/" + p.accountId()
                + "/plans/" + p.id());
        ex.etag(p.version());
        return PlanBody.of(p);
    }

    private Object get(Exchange ex) {
        AccountPlan p = plans.get(ex.caller(), ex.path("id"), ex.path("planId"));
        ex.etag(p.version());
        return PlanBody.of(p);
    }

    private Object update(Exchange ex, boolean patch) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        boolean closeFollowUps = ex.boolQuery("closeFollowUps");
        AccountPlanDraft base = patch ? plans.get(ex.caller(), ex.path("id"), ex.path("planId")).toDraft() : null;
        AccountPlan p = plans.update(ex.caller(), ex.path("id"), ex.path("planId"), version,
                PlanInput.plan(body, base), closeFollowUps);
        ex.etag(p.version());
        return PlanBody.of(p);
    }

    private Object delete(Exchange ex) {
        plans.delete(ex.caller(), ex.path("id"), ex.path("planId"), ex.expectedVersion(null));
        ex.status(204);
        return null;
    }

    private Object review(Exchange ex) throws IOException {
        Object review = plans.addReview(ex.caller(), ex.path("id"), ex.path("planId"), PlanInput.review(ex.body()));
        ex.status(201);
        return review;
    }

    private Object version(Exchange ex) {
        long version;
        try {
            version = Long.parseLong(ex.path("version"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("version", ex.path("version") + " of plan " + ex.path("planId"));
        }
        return PlanBody.Version.of(plans.version(ex.caller(), ex.path("id"), ex.path("planId"), version));
    }
}
