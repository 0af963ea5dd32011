package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.testing.TestDatabase;

/** Promotions, trade terms, store audits and the figures derived from them, on every supported database. */
abstract class RetailTradeContract {

    static final Caller MANAGER = new Caller("user-kam", "kam", true, Map.of());
    static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    ProductCatalog catalog;
    RetailerStructure structure;
    Listings listings;
    StoreAudits audits;
    PromotionCalendar promotions;
    TradeAgreements agreements;
    TradeFigures figures;
    RetailScope.Retailer retailer;
    Product product;
    Banner banner;
    List<Store> stores;

    abstract TestDatabase db();

    @BeforeEach
    void fixture() {
        var database = db().database();
        catalog = new ProductCatalog(database);
        structure = new RetailerStructure(database);
        listings = new Listings(database);
        audits = new StoreAudits(database);
        promotions = new PromotionCalendar(database);
        agreements = new TradeAgreements(database);
        figures = new TradeFigures(catalog, structure, listings, audits, promotions, agreements, new SalesLedger(database));
        String unit = "cg-" + UUID.randomUUID().toString().substring(0, 8);
        Account account = new Account(UUID.randomUUID().toString(), unit, "MegaMart", null, null, null, null,
                AccountStatus.ACTIVE, KeyAccountTier.KEY, null, null, null, null, "EUR", Map.of(), 1, null, null);
        retailer = new RetailScope.Retailer(account, new RetailSettings(TestSettings.of(true, 4)));
        product = catalog.create(MANAGER, unit, new ProductDraft("4006381333931", "Cola", "Fizz", null, null,
                new BigDecimal("10"), new BigDecimal("6")));
        banner = structure.createBanner(MANAGER, retailer.id(), unit, "MegaMart", "hypermarket");
        Banner small = structure.createBanner(MANAGER, retailer.id(), unit, "MegaMini", "convenience");
        stores = List.of(store(banner, "S1", "north", "500"), store(banner, "S2", "north", "300"),
                store(small, "S3", "south", "100"), store(small, "S4", "south", "100"));
    }

    Store store(Banner b, String code, String region, String acv) {
        return structure.createStore(MANAGER, retailer.id(), retailer.unit(), new StoreDraft(b.id(),
                code + "-" + retailer.unit(), code, region, null, new BigDecimal(acv), new BigDecimal(acv)));
    }

    PromotionDraft promotion(LocalDate start, LocalDate end, String baseline, String actual) {
        return new PromotionDraft(null, "Spring TPR", Mechanic.TEMPORARY_PRICE_REDUCTION, new BigDecimal("20"), start,
                end, start.minusWeeks(2), start, List.of(product.id()), baseline == null ? null : new BigDecimal(baseline),
                new BigDecimal("1000"), actual == null ? null : new BigDecimal(actual), new BigDecimal("1000"),
                BigDecimal.ZERO);
    }

    void sellOut(Store store, LocalDate week, String volume) {
        db().database().write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO retail_sell_out (store_id, "
                    + "product_id, week_start, retailer_id, business_unit, volume) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, store.id());
                ps.setString(2, product.id());
                ps.setObject(3, week);
                ps.setString(4, retailer.id());
                ps.setString(5, retailer.unit());
                ps.setBigDecimal(6, new BigDecimal(volume));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void distributionOfABannerListingAndStoreAudits() {
        listings.create(MANAGER, retailer.id(), retailer.unit(), new ListingDraft(product.id(), banner.id(), null,
                MONDAY, null, null));
        listings.create(MANAGER, retailer.id(), retailer.unit(), new ListingDraft(product.id(), null,
                stores.get(2).id(), MONDAY.plusDays(10), null, null));
        audits.record(MANAGER, retailer.id(), retailer.unit(), stores.get(1).id(), product.id(), MONDAY, false);
        audits.record(MANAGER, retailer.id(), retailer.unit(), stores.get(0).id(), product.id(), MONDAY, true);

        Distribution onMonday = figures.distribution(retailer, product.id(), MONDAY, null, null).figures();
        assertEquals(new BigDecimal("50"), onMonday.numeric(), "2 of 4 stores");
        assertEquals(new BigDecimal("80"), onMonday.acvWeighted(), "ACV 800 of 1,000");
        assertEquals(new BigDecimal("50"), onMonday.outOfStockNumeric(), "1 of 2 audited");
        assertEquals(new BigDecimal("37.5"), onMonday.outOfStockAcvWeighted(), "ACV 300 of 800");
        assertEquals(new BigDecimal("75"), figures.distribution(retailer, product.id(), MONDAY.plusDays(10), null, null)
                .figures().numeric(), "the store listing starts later");
        assertEquals(new BigDecimal("0"), figures.distribution(retailer, product.id(), MONDAY, null, "south")
                .figures().numeric(), "the south has no listing yet");
        assertEquals(new BigDecimal("100"), figures.distribution(retailer, product.id(), MONDAY, banner.id(), null)
                .figures().numeric());
    }

    @Test
    void aPromotionWithoutBaselineTakesTheAverageSellOutOfTheWeeksBefore() {
        LocalDate start = MONDAY.plusWeeks(4);
        for (int week = 0; week < 4; week++) {
            sellOut(stores.get(0), MONDAY.plusWeeks(week), "150");
            sellOut(stores.get(2), MONDAY.plusWeeks(week), "50");
        }
        sellOut(stores.get(0), start, "9999");                        // the promotion's own week is not baseline
        Promotion p = promotions.create(MANAGER, retailer.id(), retailer.unit(),
                promotion(start, start.plusDays(13), null, "1100"));
        TradeFigures.PromotionView view = figures.view(retailer, p);
        assertEquals("sell-out", view.baselineSource());
        assertEquals(new BigDecimal("400"), view.baseline(), "200 a week over 2 weeks");
        assertEquals(new BigDecimal("700"), view.evaluation().incrementalVolume());
        assertEquals(new BigDecimal("175"), view.evaluation().liftPercent());
        assertEquals(new BigDecimal("2800"), view.evaluation().incrementalGrossProfit(), "700 x (10 - 6), no terms");
        assertEquals(new BigDecimal("2.8"), view.evaluation().roi());
    }

    @Test
    void aPromotionEndingBeforeItStartsOrWithAnUnknownProductIsRefusedAndNothingStored() {
        ValidationException ends = assertThrows(ValidationException.class, () -> promotions.create(MANAGER,
                retailer.id(), retailer.unit(), promotion(MONDAY, MONDAY.minusDays(1), "10", null)));
        assertEquals(List.of("endsOn"), ends.violations().stream().map(Violation::field).toList());
        PromotionDraft unknown = new PromotionDraft(null, "X", Mechanic.DISPLAY, null, MONDAY, MONDAY, null, null,
                List.of(product.id(), "nope"), null, BigDecimal.ONE, new BigDecimal("-1"), null, null);
        ValidationException bad = assertThrows(ValidationException.class, () -> promotions.create(MANAGER,
                retailer.id(), retailer.unit(), unknown));
        assertEquals(List.of("actualVolume"), bad.violations().stream().map(Violation::field).toList());
        ValidationException refs = assertThrows(ValidationException.class, () -> promotions.create(MANAGER,
                retailer.id(), retailer.unit(), new PromotionDraft(null, "X", Mechanic.DISPLAY, null, MONDAY, MONDAY,
                        null, null, List.of(product.id(), "nope"), null, BigDecimal.ONE, null, null, null)));
        assertEquals(List.of("productIds[1]"), refs.violations().stream().map(Violation::field).toList());
        assertEquals(List.of(), promotions.between(retailer.id(), null, null));
    }

    @Test
    void actualsAreEnteredWithTheCurrentVersionAndALossShowsANegativeLift() {
        Promotion p = promotions.create(MANAGER, retailer.id(), retailer.unit(),
                promotion(MONDAY, MONDAY.plusDays(6), "1000", null));
        assertNull(figures.view(retailer, p).evaluation(), "no evaluation before the actuals");
        Promotion done = promotions.update(MANAGER, retailer.id(), p.id(), 1,
                promotion(MONDAY, MONDAY.plusDays(6), "1000", "900"));
        assertEquals(2, done.version());
        assertThrows(StaleVersionException.class, () -> promotions.update(MANAGER, retailer.id(), p.id(), 1,
                promotion(MONDAY, MONDAY.plusDays(6), "1000", "5")));
        PromotionEvaluation e = figures.view(retailer, promotions.get(retailer.id(), p.id())).evaluation();
        assertEquals(new BigDecimal("-10"), e.liftPercent());
        assertEquals(List.of(done), promotions.between(retailer.id(), MONDAY.plusDays(3), MONDAY.plusDays(3)));
        assertEquals(List.of(), promotions.between(retailer.id(), MONDAY.plusDays(7), null));
        assertEquals(2, db().audit(PromotionCalendar.ENTITY, p.id()).size());
    }

    @Test
    void theWaterfallFollowsTheYearsTermsAndTradeSpendIsAShareOfGrossSales() {
        List<TradeTerms.Condition> conditions = List.of(
                new TradeTerms.Condition(ConditionKind.ON_INVOICE, "base discount", new BigDecimal("10"), null),
                new TradeTerms.Condition(ConditionKind.PAYMENT_DISCOUNT, "2 % 10 days", new BigDecimal("2"), null),
                new TradeTerms.Condition(ConditionKind.CO_OP_ADVERTISING, "leaflets", null, new BigDecimal("2000")));
        List<VolumeBonus.Tier> tiers = List.of(new VolumeBonus.Tier(new BigDecimal("5000"), new BigDecimal("5")));
        TradeTerms terms = agreements.put(MANAGER, retailer.id(), retailer.unit(), 2027, conditions, tiers, null);
        assertEquals(terms, agreements.of(retailer.id(), 2027).orElseThrow());
        assertThrows(StaleVersionException.class, () -> agreements.put(MANAGER, retailer.id(), retailer.unit(), 2027,
                conditions, tiers, null), "replacing needs the version");

        PriceWaterfall w = figures.waterfall(retailer, product.id(), 2027, new BigDecimal("10000")).waterfall();
        assertEquals(new BigDecimal("9"), w.invoicePrice());
        assertEquals(new BigDecimal("8.379"), w.netPrice(), "9 - 5 % volume bonus = 8.55, - 2 % = 8.379");
        assertEquals(new BigDecimal("8.179"), w.pocketPrice(), "co-op 2,000 over 10,000 units");
        assertEquals(new BigDecimal("8.82"), figures.waterfall(retailer, product.id(), 2027, new BigDecimal("4999"))
                .waterfall().netPrice(), "below the tier: the payment discount only, 9 - 2 %");

        sellIn(MONDAY, "5000");
        sellIn(MONDAY.plusWeeks(1), "5000");
        assertEquals(new BigDecimal("10000"), figures.waterfall(retailer, product.id(), 2027, null).annualVolume(),
                "the year's sell-in by default");
        TradeFigures.TradeSpend spend = figures.tradeSpend(retailer, 2027);
        assertEquals(new BigDecimal("100000"), spend.grossSales(), "10,000 units at 10");
        assertEquals(new BigDecimal("16210"), spend.discounts(), "(10 - 8.379) x 10,000");
        assertEquals(new BigDecimal("2000"), spend.fixedAmounts());
        assertEquals(new BigDecimal("0"), spend.promotionSpend());
        assertEquals(new BigDecimal("18.21"), spend.percentOfGrossSales());

        // a listing fee of the year joins the yearly amounts; promotions of the year add their spend, at the actual
        // volume once entered, else the planned one; neither a fee nor a promotion of another year counts
        listings.create(MANAGER, retailer.id(), retailer.unit(), new ListingDraft(product.id(), banner.id(), null,
                MONDAY, null, new BigDecimal("2500")));
        listings.create(MANAGER, retailer.id(), retailer.unit(), new ListingDraft(product.id(), null, stores.get(3).id(),
                LocalDate.of(2026, 6, 1), null, new BigDecimal("700")));
        promotions.create(MANAGER, retailer.id(), retailer.unit(), spending(MONDAY.plusWeeks(4), null));
        promotions.create(MANAGER, retailer.id(), retailer.unit(), spending(MONDAY.plusWeeks(8), "900"));
        promotions.create(MANAGER, retailer.id(), retailer.unit(), spending(LocalDate.of(2026, 5, 4), "900"));
        spend = figures.tradeSpend(retailer, 2027);
        assertEquals(new BigDecimal("4500"), spend.fixedAmounts(), "co-op 2,000 and the listing fee 2,500");
        assertEquals(new BigDecimal("2950"), spend.promotionSpend(),
                "1,000 + 0.5 x 1,000 planned, and 1,000 + 0.5 x 900 actual");
        assertEquals(new BigDecimal("23660"), spend.total(), "16,210 + 4,500 + 2,950");
        assertEquals(new BigDecimal("23.66"), spend.percentOfGrossSales());
        assertTrue(figures.tradeSpend(retailer, 2026).percentOfGrossSales() == null, "no sales in 2026");
    }

    /** A promotion of 1,000 planned units costing 1,000 fixed and 0.5 a unit. */
    PromotionDraft spending(LocalDate start, String actual) {
        return new PromotionDraft(null, "Display", Mechanic.DISPLAY, null, start, start.plusWeeks(1), null, null,
                List.of(product.id()), new BigDecimal("1000"), new BigDecimal("1000"),
                actual == null ? null : new BigDecimal(actual), new BigDecimal("1000"), new BigDecimal("0.5"));
    }

    void sellIn(LocalDate week, String volume) {
        db().database().write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO retail_sell_in (retailer_id, "
                    + "product_id, week_start, business_unit, volume) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, retailer.id());
                ps.setString(2, product.id());
                ps.setObject(3, week);
                ps.setString(4, retailer.unit());
                ps.setBigDecimal(5, new BigDecimal(volume));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void aJointBusinessPlanTracksItsTargetsAgainstActuals() {
        listings.create(MANAGER, retailer.id(), retailer.unit(), new ListingDraft(product.id(), banner.id(), null,
                MONDAY, null, null));
        sellOut(stores.get(0), MONDAY, "600");
        sellIn(MONDAY, "2000");
        // later in the year: not in the actuals of a day before
        sellOut(stores.get(0), MONDAY.plusWeeks(3), "400");
        sellIn(MONDAY.plusWeeks(3), "3000");
        Promotion promo = promotions.create(MANAGER, retailer.id(), retailer.unit(),
                promotion(MONDAY.plusWeeks(6), MONDAY.plusWeeks(7), "1000", "900"));
        JointBusinessPlans plans = new JointBusinessPlans(db().database());
        PlanDraft draft = new PlanDraft("plan-1", new BigDecimal("10000"), new BigDecimal("1200"), product.id(),
                new BigDecimal("90"), new BigDecimal("12"), new BigDecimal("9"), List.of(new JointBusinessPlan.Initiative(
                        "Second placement in hypermarkets", "kam", MONDAY.plusMonths(2),
                        JointBusinessPlan.InitiativeStatus.IN_PROGRESS)), List.of(promo.id()));
        JointBusinessPlan plan = plans.put(MANAGER, retailer.id(), retailer.unit(), 2027, draft, null);
        assertEquals(plan, plans.of(retailer.id(), 2027).orElseThrow());

        TradeFigures.PlanView view = figures.plan(retailer, plan, MONDAY.plusDays(1));
        assertEquals(new BigDecimal("600"), view.actuals().sellOut(), "the year so far, not the later week");
        assertEquals(new BigDecimal("50"), view.attainmentPercent().sellOut(), "600 of 1,200");
        assertEquals(new BigDecimal("2000"), view.actuals().sellIn(), "the year so far, not the later week");
        assertEquals(new BigDecimal("20"), view.attainmentPercent().sellIn(), "2,000 of 10,000");
        TradeFigures.PlanView yearEnd = figures.plan(retailer, plan, LocalDate.of(2027, 12, 31));
        assertEquals(new BigDecimal("1000"), yearEnd.actuals().sellOut());
        assertEquals(new BigDecimal("5000"), yearEnd.actuals().sellIn());
        TradeFigures.PlanView weekStart = figures.plan(retailer, plan, MONDAY.plusWeeks(3));
        assertEquals(new BigDecimal("1000"), weekStart.actuals().sellOut(), "a week counts from its first day");
        assertEquals(new BigDecimal("0"), figures.plan(retailer, plan, MONDAY.minusDays(1)).actuals().sellOut());
        assertEquals(new BigDecimal("80"), view.actuals().distribution(), "ACV 800 of 1,000");
        assertEquals(new BigDecimal("88.89"), view.attainmentPercent().distribution(), "80 of 90");
        assertEquals(new BigDecimal("75"), view.attainmentPercent().share(), "9 of 12");
        assertEquals(new BigDecimal("-10"), view.promotions().get(0).evaluation().liftPercent());

        ValidationException bad = assertThrows(ValidationException.class, () -> plans.put(MANAGER, retailer.id(),
                retailer.unit(), 2027, new PlanDraft(null, null, null, null, null, new BigDecimal("120"), null,
                        List.of(new JointBusinessPlan.Initiative(" ", null, null, null)), List.of("nope")), 1L));
        assertEquals(List.of("shareTarget", "initiatives[0].title", "initiatives[0].status"),
                bad.violations().stream().map(Violation::field).toList());
        assertEquals("promotionIds[0]", assertThrows(ValidationException.class, () -> plans.put(MANAGER,
                retailer.id(), retailer.unit(), 2027, new PlanDraft(null, null, null, null, null, null, null, List.of(),
                        List.of("nope")), 1L)).violations().get(0).field());
        assertThrows(StaleVersionException.class, () -> plans.put(MANAGER, retailer.id(), retailer.unit(), 2027,
                draft, 7L));
        assertEquals(2, plans.put(MANAGER, retailer.id(), retailer.unit(), 2027, draft, 1L).version());
    }
}
