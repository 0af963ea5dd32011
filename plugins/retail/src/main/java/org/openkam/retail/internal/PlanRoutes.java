package org.openkam.retail.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.plan.AccountPlans;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;

/** Joint business plans against actuals under {@code /retail/retailers/{id}/plans/{year}}. */
final class PlanRoutes {

    private static final Set<String> FIELDS = Set.of("accountPlanId", "sellInTarget", "sellOutTarget",
            "distributionProductId", "distributionTarget", "shareTarget", "shareActual", "initiatives", "promotionIds");
    private static final Set<String> READ_ONLY = Set.of("id", "retailerId", "businessUnit", "year", "version");

    private final RetailScope scope;
    private final JointBusinessPlans plans;
    private final TradeFigures figures;
    private final AccountPlans accountPlans;

    PlanRoutes(RetailScope scope, JointBusinessPlans plans, TradeFigures figures, AccountPlans accountPlans) {
        this.scope = scope;
        this.plans = plans;
        this.figures = figures;
        this.accountPlans = accountPlans;
    }

    void define(RouteTable routes) {
        routes.get("/retail/retailers/{id}/plans/{year}", ex -> {
            RetailScope.Retailer retailer = scope.retailer(ex.caller(), ex.path("id"));
            int year = year(ex);
            JointBusinessPlan plan = plans.of(retailer.id(), year)
                    .orElseThrow(() -> new NotFoundException("joint business plan", ex.path("year")));
            ex.etag(plan.version());
            return figures.plan(retailer, plan, asOf(ex, year));
        }).put("/retail/retailers/{id}/plans/{year}", Operation.of().jsonBody().ifMatch(), this::put);
    }

    private Object put(Exchange ex) throws IOException {
        RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
        int year = year(ex);
        Body body = ex.body().allow(FIELDS, READ_ONLY);
        PlanDraft draft = new PlanDraft(body.text("accountPlanId", null), body.decimal("sellInTarget", null),
                body.decimal("sellOutTarget", null), body.text("distributionProductId", null),
                body.decimal("distributionTarget", null), body.decimal("shareTarget", null),
                body.decimal("shareActual", null),
                body.objects("initiatives", List.of(), b -> new JointBusinessPlan.Initiative(b.text("title", null),
                        b.text("owner", null), b.date("dueOn", null),
                        b.choice("status", JointBusinessPlan.InitiativeStatus.class,
                                JointBusinessPlan.InitiativeStatus.PLANNED))),
                body.textList("promotionIds", List.of()));
        body.throwIfAny(draft.violations());
        if (draft.accountPlanId() != null) {
            // The link must name one of this retailer's account plans, read through the core API as the caller.
            try {
                accountPlans.get(ex.caller(), retailer.id(), draft.accountPlanId());
            } catch (NotFoundException e) {
                throw new ValidationException("accountPlanId", "is not a plan of the account: " + draft.accountPlanId());
            }
        }
        boolean exists = plans.of(retailer.id(), year).isPresent();
        JointBusinessPlan plan = plans.put(ex.caller(), retailer.id(), retailer.unit(), year, draft,
                exists ? ex.expectedVersion(body) : null);
        ex.status(exists ? 200 : 201);
        ex.etag(plan.version());
        return figures.plan(retailer, plan, asOf(ex, year));
    }

    private static int year(Exchange ex) {
        try {
            int year = Integer.parseInt(ex.path("year"));
            if (year >= 1900 && year <= 9999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("year", "must be a year such as 2027");
    }

    /** The day actuals are taken on: {@code asOf}, else today, within the plan's year. */
    private static LocalDate asOf(Exchange ex, int year) {
        String text = ex.query("asOf");
        LocalDate day;
        try {
            day = text == null ? LocalDate.now() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("asOf", "must be a date such as 2027-03-31");
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return day.isBefore(first) ? first : day.isAfter(last) ? last : day;
    }
}
