package org.openkam.scoring.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.openkam.scoring.internal.engine.WorkFixtures.activity;
import static org.openkam.scoring.internal.engine.WorkFixtures.opportunity;
import static org.openkam.scoring.internal.engine.WorkFixtures.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.engagement.Activity;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.PortfolioContext;

/** Worked examples of the facts taken from plans, opportunities and activities. */
class FactsTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 31);

    @Test
    void competitivePositionIsTheValueWeightedRatingOfTheOpenOpportunities() {
        // (300,000 x 100 + 100,000 x 33) / 400,000 = 83.25
        assertEquals(new BigDecimal("83.3"), Facts.competitivePosition(List.of(
                opportunity("a", "300000", "EUR", 50, OurPosition.INCUMBENT),
                opportunity("a", "100000", "EUR", 50, OurPosition.CHALLENGER)), "EUR"));
        // the big project counts most: (900,000 x 0 + 100,000 x 100) / 1,000,000 = 10
        assertEquals(new BigDecimal("10.0"), Facts.competitivePosition(List.of(
                opportunity("a", "900000", "EUR", 50, OurPosition.OUTSIDER),
                opportunity("a", "100000", "EUR", 50, OurPosition.INCUMBENT)), "EUR"));
        assertEquals(new BigDecimal("67.0"), Facts.competitivePosition(List.of(
                opportunity("a", "1", "EUR", 10, OurPosition.TOP_SUPPLIER)), "EUR"));
    }

    @Test
    void anOpportunityInAnotherCurrencyWeighsAsMuchAsTheMeanOneInTheAccountsCurrency() {
        // EUR 100,000 outsider and 300,000 top supplier, mean 200,000; USD 5,000,000 incumbent weighs 200,000:
        // (100,000 x 0 + 300,000 x 67 + 200,000 x 100) / 600,000 = 66.83
        assertEquals(new BigDecimal("66.8"), Facts.competitivePosition(List.of(
                opportunity("a", "100000", "EUR", 50, OurPosition.OUTSIDER),
                opportunity("a", "300000", "EUR", 50, OurPosition.TOP_SUPPLIER),
                opportunity("a", "5000000", "USD", 50, OurPosition.INCUMBENT)), "EUR"));
        // none in the account's currency (or the account has none): each counts the same, (100 + 0) / 2
        List<Opportunity> foreign = List.of(
                opportunity("a", "1000000", "USD", 50, OurPosition.INCUMBENT),
                opportunity("a", "10000", "GBP", 50, OurPosition.OUTSIDER));
        assertEquals(new BigDecimal("50.0"), Facts.competitivePosition(foreign, "EUR"));
        assertEquals(new BigDecimal("50.0"), Facts.competitivePosition(foreign, null));
    }

    @Test
    void competitivePositionIsUnknownWithoutOpenOpportunities() {
        assertNull(Facts.competitivePosition(List.of(), "EUR"));
    }

    @Test
    void thePipelineCountsTheAccountsCurrencyOnly() {
        AccountFacts f = facts("EUR", null, List.of(
                opportunity("a", "300000", "EUR", 50, OurPosition.INCUMBENT),
                opportunity("a", "100000", "EUR", 25, OurPosition.CHALLENGER),
                opportunity("a", "80000", "USD", 90, OurPosition.OUTSIDER)), null);
        assertEquals(0, new BigDecimal("400000").compareTo(f.openPipeline()), f.openPipeline().toString());
        // 300,000 x 50 % + 100,000 x 25 %
        assertEquals(new BigDecimal("175000.00"), f.weightedPipeline());

        AccountFacts onlyForeign = facts("EUR", null, List.of(opportunity("a", "80000", "USD", 90,
                OurPosition.OUTSIDER)), null);
        assertNull(onlyForeign.openPipeline(), "not stated in the account's currency: unknown, not zero");
        assertNull(onlyForeign.weightedPipeline());
        assertNull(facts(null, null, List.of(opportunity("a", "1", "EUR", 10, OurPosition.OUTSIDER)), null)
                .openPipeline());

        AccountFacts empty = facts("EUR", null, List.of(), null);
        assertEquals(BigDecimal.ZERO, empty.openPipeline(), "nothing open is a known, empty pipeline");
        assertEquals(BigDecimal.ZERO, empty.weightedPipeline());
    }

    @Test
    void theActivePlanGivesStageAndCompletion() {
        // 2 done of the 3 actions that count (the cancelled one does not): 66.7 %, rounded to 67
        AccountFacts f = facts("EUR", plan("a", RelationshipStage.INTERDEPENDENT, ActionStatus.DONE, ActionStatus.DONE,
                ActionStatus.IN_PROGRESS, ActionStatus.CANCELLED), List.of(), null);
        assertEquals("interdependent", f.relationshipStage());
        assertEquals(AccountFacts.RELATIONSHIP_STAGES.get(3), f.relationshipStage());
        assertEquals(new BigDecimal("67"), f.planCompletion());
        assertEquals(new BigDecimal("0"), facts("EUR", plan("a", RelationshipStage.BASIC, ActionStatus.OPEN), List.of(),
                null).planCompletion(), "a plan with actions, none done yet");
    }

    @Test
    void aPlanWithNothingToCompleteOrNoPlanLeavesCompletionUnknown() {
        assertNull(Facts.planCompletion(plan("a", RelationshipStage.BASIC)));
        assertNull(Facts.planCompletion(plan("a", RelationshipStage.BASIC, ActionStatus.CANCELLED)));
        AccountFacts none = facts("EUR", null, List.of(), null);
        assertNull(none.planCompletion());
        assertNull(none.relationshipStage());
    }

    @Test
    void aProspectWithoutAPlanIsInAnExploratoryRelationship() {
        Account a = ScoringEngineTest.account("p", "unit", 120_000L);
        Account prospect = new Account(a.id(), a.businessUnit(), a.name(), null, null, "DE", null, AccountStatus.PROSPECT,
                a.tier(), null, a.annualSales(), null, BigDecimal.valueOf(300_000), "EUR", Map.of(), 1, Instant.EPOCH,
                Instant.EPOCH);
        assertEquals("exploratory", Facts.of(prospect, PortfolioContext.builder().build(), AccountWork.NONE, TODAY)
                .relationshipStage(), "no customer yet: its trial orders alone do not make our position strong");
        assertEquals("cooperative", Facts.of(prospect, PortfolioContext.builder().build(),
                new AccountWork(plan("a", RelationshipStage.COOPERATIVE), List.of(), null), TODAY).relationshipStage(),
                "a plan says better");
    }

    @Test
    void daysSinceTheLastActivityCountCalendarDaysInUtc() {
        assertEquals(12, facts("EUR", null, List.of(), activity("a", Instant.parse("2027-03-19T08:00:00Z")))
                .daysSinceLastActivity());
        assertEquals(1, Facts.daysSince(activity("a", Instant.parse("2027-03-30T23:59:59Z")), TODAY));
        assertEquals(0, Facts.daysSince(activity("a", Instant.parse("2027-03-31T00:00:00Z")), TODAY));
        // a clock ahead of ours: never negative
        assertEquals(0, Facts.daysSince(activity("a", Instant.parse("2027-04-01T00:30:00Z")), TODAY));
        assertNull(facts("EUR", null, List.of(), null).daysSinceLastActivity());
    }

    @Test
    void theAccountsOwnFiguresAndPortfolioArePassedOn() {
        PortfolioContext portfolio = PortfolioContext.builder().peers(3).salesRank(2).build();
        AccountFacts f = Facts.of(ScoringEngineTest.account("acc-9", "unit", 5000L), portfolio, AccountWork.NONE,
                TODAY);
        assertEquals("acc-9", f.accountId());
        assertEquals("unit", f.businessUnit());
        assertEquals(BigDecimal.valueOf(5000), f.annualSales());
        assertEquals("EUR", f.currency());
        assertEquals(portfolio, f.portfolio());
    }

    /** The facts of a unit's account with sales of 1,000 in {@code currency} and this work. */
    private static AccountFacts facts(String currency, AccountPlan plan, List<Opportunity> open, Activity last) {
        Account a = ScoringEngineTest.account("a", "unit", 1000L);
        Account account = new Account(a.id(), a.businessUnit(), a.name(), null, null, "DE", null, a.status(), a.tier(),
                null, a.annualSales(), null, null, currency, Map.of(), 1, Instant.EPOCH, Instant.EPOCH);
        return Facts.of(account, PortfolioContext.builder().build(), new AccountWork(plan, open, last), TODAY);
    }
}
