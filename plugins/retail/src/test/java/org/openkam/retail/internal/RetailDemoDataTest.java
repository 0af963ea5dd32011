package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.job.JobState;
import org.openkam.testing.TestDatabase;

/** The demo data set on H2: its shape, and the figures the console shows computed from it. */
class RetailDemoDataTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2(RetailResource.class);

    static Account account(String name) {
        return new Account(UUID.randomUUID().toString(), "consumer-goods", name, null, null, null, null,
                AccountStatus.ACTIVE, KeyAccountTier.KEY, null, null, null, null, "EUR", Map.of(), 1, null, null);
    }

    @Test
    void twoRetailersFiftyStoresFortySkusAYearOfSellOutAndEvaluatedPromotions() throws Exception {
        SalesImportContract.RecordingJobs jobs = new SalesImportContract.RecordingJobs();
        SalesImport imports = new SalesImport(DB.database(), jobs);
        Account first = account("Alpha Markets");
        Account second = account("Beta Foods");
        new RetailDemoData(DB.database(), imports, RetailDemo.SYSTEM, "consumer-goods").load(first, second, null);
        for (int i = 0; i < 600 && !jobs.jobs.values().stream().allMatch(j -> j.state() == JobState.SUCCEEDED
                || j.state() == JobState.FAILED); i++) {
            Thread.sleep(200);
        }
        imports.stop();
        assertEquals(3, jobs.jobs.size());
        assertTrue(jobs.jobs.values().stream().allMatch(j -> j.state() == JobState.SUCCEEDED), jobs.jobs::toString);
        assertTrue(jobs.jobs.values().stream().anyMatch(j -> j.done() > 80_000), "a year of weekly sell-out");

        RetailerStructure structure = new RetailerStructure(DB.database());
        assertEquals(50, structure.stores(first.id()).size() + structure.stores(second.id()).size());
        assertEquals(40, new ProductCatalog(DB.database()).products("consumer-goods").size());

        RetailScope.Retailer retailer = new RetailScope.Retailer(second, new RetailSettings(
                TestSettings.of(true, 8)));
        TradeFigures figures = new TradeFigures(new ProductCatalog(DB.database()), structure,
                new Listings(DB.database()), new StoreAudits(DB.database()), new PromotionCalendar(DB.database()),
                new TradeAgreements(DB.database()), new SalesLedger(DB.database()));
        List<TradeFigures.PromotionView> views = new PromotionCalendar(DB.database()).between(second.id(), null, null)
                .stream().map(p -> figures.view(retailer, p)).toList();
        assertEquals(2, views.size());
        TradeFigures.PromotionView feature = views.stream().filter(v -> v.promotion().mechanic() == Mechanic.FEATURE)
                .findFirst().orElseThrow();
        assertTrue(feature.evaluation().liftPercent().signum() < 0, "the feature lost volume: " + feature);
        assertTrue(views.stream().anyMatch(v -> v.evaluation().liftPercent().compareTo(new BigDecimal("50")) > 0),
                views::toString);
        int year = SalesLedger.weekOf(LocalDate.now()).minusWeeks(1).getYear();
        assertTrue(figures.tradeSpend(retailer, year).percentOfGrossSales().signum() > 0);
        assertTrue(new JointBusinessPlans(DB.database()).of(first.id(), year).isPresent());
    }
}
