package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.NotFoundException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.account.Contact;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.account.TeamFunction;
import org.openkam.api.account.TeamMemberDraft;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.api.engagement.FollowUpDraft;
import org.openkam.api.engagement.FollowUpStatus;
import org.openkam.api.overview.AccountOverview;
import org.openkam.api.pipeline.Competitor;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Strategy;
import org.openkam.api.plan.Swot;
import org.openkam.registry.internal.engagement.ActivityService;
import org.openkam.registry.internal.engagement.BuyingCenterService;
import org.openkam.registry.internal.engagement.FollowUpService;
import org.openkam.registry.internal.overview.OverviewService;
import org.openkam.registry.internal.pipeline.OpportunityService;
import org.openkam.registry.internal.pipeline.PipelineStages;
import org.openkam.registry.internal.plan.PlanService;

/** The account 360 assembled from every part, on each supported database. */
abstract class OverviewContract {

    StoreFixture f;
    OverviewService overviews;
    ActivityService activities;
    FollowUpService followUps;
    OpportunityService opportunities;
    PlanService plans;
    LocalDate today;

    abstract DataSource dataSource();

    @BeforeEach
    void fixture() {
        f = new StoreFixture(dataSource());
        activities = new ActivityService(f.database, f.eventAdmin, EngagementContract.config(90, 7));
        followUps = new FollowUpService(f.database, f.eventAdmin);
        opportunities = new OpportunityService(f.database, f.eventAdmin, new PipelineStages("qualify:10", "propose:50"));
        plans = new PlanService(f.database, f.eventAdmin);
        overviews = new OverviewService(f.accounts, f.teams, new BuyingCenterService(f.database,
                EngagementContract.config(90, 7)), plans, opportunities, followUps, activities);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void everyPartOfTheAccountInOneRead() {
        Account a = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "Nordwerk", null, null, "DE", null,
                AccountStatus.ACTIVE, KeyAccountTier.KEY, f.kamA.userId(), new BigDecimal("1000000"), null, null, "EUR",
                Map.of()));
        f.teams.add(f.kamA, a.id(), new TeamMemberDraft(f.kamA.userId(), TeamFunction.KEY_ACCOUNT_MANAGER, true));
        Contact buyer = f.contacts.create(f.kamA, a.id(), new ContactDraft("Eva", "Kauf", "CPO", null, null,
                Set.of(BuyingCenterRole.ECONOMIC_BUYER), null, 5, null, null, null));
        plans.create(f.kamA, a.id(), new AccountPlanDraft("FY plan", new PlanPeriod(today.minusDays(30),
                today.plusDays(300)), PlanStatus.ACTIVE, RelationshipStage.COOPERATIVE, new Swot(List.of(), List.of(),
                List.of(), List.of()), List.of(new Objective(null, "Grow", "sales EUR", BigDecimal.ONE, BigDecimal.TEN,
                        null, List.of(new Strategy(null, "Service", List.of(
                                new PlanAction(null, "Done one", null, null, ActionStatus.DONE),
                                new PlanAction(null, "Open one", null, today.minusDays(1), ActionStatus.OPEN))))))));
        opportunities.create(f.kamA, a.id(), new OpportunityDraft("Drives retrofit", null, new BigDecimal("200000"),
                "EUR", "propose", null, today.plusDays(60), "Send the offer", today.plusDays(7), OurPosition.CHALLENGER,
                List.of(new Competitor("Siegwerk", "price", "service", OurPosition.INCUMBENT)), null));
        followUps.create(f.kamA, a.id(), new FollowUpDraft(null, null, "Call back", null, f.kamA.userId(),
                today.minusDays(3), FollowUpStatus.OPEN));
        Instant met = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        activities.create(f.kamA, a.id(), new ActivityDraft(ActivityType.VISIT, ActivityStatus.DONE, "Plant tour", null,
                met, List.of(buyer.id()), List.of()));

        AccountOverview o = overviews.overview(f.viewerA, a.id(), today);

        assertEquals(a.id(), o.account().id());
        assertEquals(1, o.team().size());
        assertTrue(o.buyingCenter().unfilledRoles().contains(BuyingCenterRole.DECISION_MAKER), "a coverage gap");
        assertEquals(1, o.buyingCenter().keyContactsWithoutOwner().size());
        assertNotNull(o.activePlan());
        assertEquals(50, o.activePlan().completion());
        assertEquals(1, o.activePlan().overdueActions());
        assertEquals(1, o.pipeline().openCount());
        assertEquals(0, new BigDecimal("100000").compareTo(o.pipeline().weightedValue().get("EUR")));
        assertEquals("Siegwerk", o.openOpportunities().get(0).competitors().get(0).name());
        assertEquals(1, o.overdueFollowUps().size());
        assertEquals(3, o.overdueFollowUps().get(0).daysOverdue());
        assertEquals(met, o.lastActivity().occurredAt());
    }

    @Test
    void aBareAccountHasAnEmptyOverview() {
        Account a = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "Bare", null, null, null, null, null, null,
                null, null, null, null, null, null));
        AccountOverview o = overviews.overview(f.kamA, a.id(), today);
        assertEquals(List.of(), o.team());
        assertNull(o.activePlan());
        assertEquals(0, o.pipeline().openCount());
        assertEquals(List.of(), o.overdueFollowUps());
        assertNull(o.lastActivity());
        assertEquals(BuyingCenterRole.values().length, o.buyingCenter().unfilledRoles().size());
    }

    @Test
    void anotherUnitsAccountIsNotFound() {
        Account a = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "Hidden", null, null, null, null, null, null,
                null, null, null, null, null, null));
        assertThrows(NotFoundException.class, () -> overviews.overview(f.kamB, a.id(), today));
    }
}
