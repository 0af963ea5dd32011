package org.openkam.retail.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;

/** Distribution KPIs, store audits, promotions, trade terms, the price waterfall and trade spend under {@code /retail}. */
final class TradeRoutes {

    private static final Set<String> PROMOTION_FIELDS = Set.of("bannerId", "name", "mechanic", "discountPercent",
            "startsOn", "endsOn", "shipFrom", "shipTo", "productIds", "baselineVolume", "plannedVolume",
            "actualVolume", "fixedSpend", "spendPerUnit");
    private static final Set<String> READ_ONLY = Set.of("id", "retailerId", "businessUnit", "version");

    private final RetailScope scope;
    private final TradeFigures figures;
    private final StoreAudits audits;
    private final PromotionCalendar promotions;
    private final TradeAgreements agreements;

    TradeRoutes(RetailScope scope, TradeFigures figures, StoreAudits audits, PromotionCalendar promotions,
            TradeAgreements agreements) {
        this.scope = scope;
        this.figures = figures;
        this.audits = audits;
        this.promotions = promotions;
        this.agreements = agreements;
    }

    void define(RouteTable routes) {
        Operation change = Operation.of().jsonBody().ifMatch();
        routes.get("/retail/retailers/{id}/distribution", ex -> figures.distribution(retailer(ex),
                        ex.requiredQuery("productId"), date(ex, "date", LocalDate.now()), ex.query("bannerId"),
                        ex.query("region")))
                .post("/retail/retailers/{id}/store-audits", Operation.of().jsonBody(), this::recordAudit)
                .get("/retail/retailers/{id}/promotions", ex -> {
                    RetailScope.Retailer retailer = retailer(ex);
                    return StructureRoutes.items(promotions.between(retailer.id(), date(ex, "from", null),
                            date(ex, "to", null)).stream().map(p -> figures.view(retailer, p)).toList());
                })
                .post("/retail/retailers/{id}/promotions", Operation.of().jsonBody(), this::createPromotion)
                .get("/retail/retailers/{id}/promotions/{promotionId}", ex -> {
                    RetailScope.Retailer retailer = retailer(ex);
                    Promotion p = promotions.get(retailer.id(), ex.path("promotionId"));
                    ex.etag(p.version());
                    return figures.view(retailer, p);
                })
                .patch("/retail/retailers/{id}/promotions/{promotionId}", change, this::updatePromotion)
                .get("/retail/retailers/{id}/terms/{year}", ex -> {
                    RetailScope.Retailer retailer = retailer(ex);
                    TradeTerms terms = agreements.of(retailer.id(), year(ex)).orElseThrow(
                            () -> new NotFoundException("trade terms", ex.path("year")));
                    ex.etag(terms.version());
                    return terms;
                })
                .put("/retail/retailers/{id}/terms/{year}", change, this::putTerms)
                .get("/retail/retailers/{id}/waterfall", ex -> figures.waterfall(retailer(ex),
                        ex.requiredQuery("productId"), yearQuery(ex), volume(ex)))
                .get("/retail/retailers/{id}/trade-spend", ex -> figures.tradeSpend(retailer(ex), yearQuery(ex)));
    }

    private RetailScope.Retailer retailer(Exchange ex) {
        return scope.retailer(ex.caller(), ex.path("id"));
    }

    private Object recordAudit(Exchange ex) throws IOException {
        RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
        Body body = ex.body().allow(Set.of("storeId", "productId", "auditedOn", "available"), Set.of());
        String storeId = body.text("storeId", null);
        String productId = body.text("productId", null);
        LocalDate day = body.date("auditedOn", null);
        Boolean available = body.bool("available", null);
        body.throwIfAny(new Violations().required("storeId", storeId, 36).required("productId", productId, 36)
                .required("auditedOn", day).required("available", available));
        audits.record(ex.caller(), retailer.id(), retailer.unit(), storeId, productId, day, available);
        ex.status(204);
        return null;
    }

    private Object createPromotion(Exchange ex) throws IOException {
        RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
        Body body = ex.body().allow(PROMOTION_FIELDS, READ_ONLY);
        PromotionDraft draft = draft(body, null);
        body.throwIfAny(draft.violations());
        Promotion created = promotions.create(ex.caller(), retailer.id(), retailer.unit(), draft);
        ex.status(201);
        ex.etag(created.version());
        ex.header("Location", ex.apiUrl("/retail/retailers/" + retailer.id() + "/promotions/" + created.id()));
        return figures.view(retailer, created);
    }

    /** Changes the fields sent (e.g. the actual volume once the promotion ran); the others keep their values. */
    private Object updatePromotion(Exchange ex) throws IOException {
        RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
        Promotion stored = promotions.get(retailer.id(), ex.path("promotionId"));
        Body body = ex.body().allow(PROMOTION_FIELDS, READ_ONLY);
        PromotionDraft draft = draft(body, stored);
        body.throwIfAny(draft.violations());
        Promotion changed = promotions.update(ex.caller(), retailer.id(), stored.id(), ex.expectedVersion(body), draft);
        ex.etag(changed.version());
        return figures.view(retailer, changed);
    }

    /** A draft from the body, absent fields taken from {@code stored} (or empty for a new promotion). */
    private static PromotionDraft draft(Body body, Promotion stored) {
        boolean s = stored != null;
        return new PromotionDraft(body.text("bannerId", s ? stored.bannerId() : null),
                body.text("name", s ? stored.name() : null),
                body.choice("mechanic", Mechanic.class, s ? stored.mechanic() : null),
                body.decimal("discountPercent", s ? stored.discountPercent() : null),
                body.date("startsOn", s ? stored.startsOn() : null), body.date("endsOn", s ? stored.endsOn() : null),
                body.date("shipFrom", s ? stored.shipFrom() : null), body.date("shipTo", s ? stored.shipTo() : null),
                body.textList("productIds", s ? stored.productIds() : List.of()),
                body.decimal("baselineVolume", s ? stored.baselineVolume() : null),
                body.decimal("plannedVolume", s ? stored.plannedVolume() : null),
                body.decimal("actualVolume", s ? stored.actualVolume() : null),
                body.decimal("fixedSpend", s ? stored.fixedSpend() : null),
                body.decimal("spendPerUnit", s ? stored.spendPerUnit() : null));
    }

    private Object putTerms(Exchange ex) throws IOException {
        RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
        int year = year(ex);
        Body body = ex.body().allow(Set.of("conditions", "volumeTiers"), Set.of("id", "retailerId", "businessUnit",
                "year", "version"));
        List<TradeTerms.Condition> conditions = body.objects("conditions", List.of(), b -> new TradeTerms.Condition(
                b.choice("kind", ConditionKind.class, null), b.text("name", null), b.decimal("percent", null),
                b.decimal("amount", null)));
        List<VolumeBonus.Tier> tiers = body.objects("volumeTiers", List.of(), b -> new VolumeBonus.Tier(
                b.decimal("minVolume", null), b.decimal("percent", null)));
        body.throwIfAny(TermsRules.violations(conditions, tiers));
        boolean exists = agreements.of(retailer.id(), year).isPresent();
        TradeTerms terms = agreements.put(ex.caller(), retailer.id(), retailer.unit(), year, conditions, tiers,
                exists ? ex.expectedVersion(body) : null);
        ex.status(exists ? 200 : 201);
        ex.etag(terms.version());
        return terms;
    }

    private static int year(Exchange ex) {
        return parseYear("year", ex.path("year"));
    }

    private static int yearQuery(Exchange ex) {
        String text = ex.query("year");
        return text == null ? LocalDate.now().getYear() : parseYear("year", text);
    }

    private static int parseYear(String field, String text) {
        try {
            int year = Integer.parseInt(text);
            if (year >= 1900 && year <= 9999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(field, "must be a year such as 2027");
    }

    private static BigDecimal volume(Exchange ex) {
        String text = ex.query("volume");
        if (text == null) {
            return null;
        }
        try {
            BigDecimal volume = new BigDecimal(text);
            if (volume.signum() >= 0) {
                return volume;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("volume", "must be a number of units, not negative");
    }

    private static LocalDate date(Exchange ex, String name, LocalDate absent) {
        String text = ex.query(name);
        if (text == null) {
            return absent;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be a date such as 2027-03-31");
        }
    }
}
