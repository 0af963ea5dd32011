package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.Contacts;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OpportunityClosing;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.OpportunityStatus;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.AccountPlans;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Strategy;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.Scoring;
import org.openkam.api.scoring.ScoringModel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.dictionary.Dictionaries;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The facts the scoring engine gives models, read from the real registry services: an account with an active plan,
 * open opportunities and logged activities is scored by a unit's first run without anyone asking, with relationship
 * stage, plan completion, pipeline, competitive position and days since the last activity; changing the plan,
 * closing an opportunity and logging an activity rescore it with the new facts.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ScoringFactsTest {

    static final Caller ADMIN = new Caller("itest", "itest", true, Map.of());

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Scoring scoring;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    BusinessUnits units;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Users users;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    AccountRegistry accounts;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Contacts contacts;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    AccountPlans plans;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Opportunities opportunities;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Activities activities;

    /** The latest facts the capturing model was given, by account id. */
    private final Map<String, AccountFacts> seen = new ConcurrentHashMap<>();
    private ServiceRegistration<ScoringModel> registration;

    @AfterEach
    void unregister() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Test
    void theKeyAccountWorkReachesTheModelsAndItsChangesRescore() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unit = "facts-" + suffix;
        units.create(ADMIN, new BusinessUnitDraft(unit, "Facts " + suffix, null));
        User user = users.create(ADMIN, new UserDraft("kam-" + suffix, "Key account manager", null, false, true,
                Map.of(unit, Set.of(Role.KEY_ACCOUNT_MANAGER)), UUID.randomUUID().toString()));
        Caller kam = new Caller(user.id(), user.username(), false, Map.of(unit, Set.of(Role.KEY_ACCOUNT_MANAGER)));
        Account account = accounts.create(kam, new AccountDraft(unit, "Nordwerk " + suffix, null, null, "DE", null,
                AccountStatus.ACTIVE, KeyAccountTier.KEY, null, new BigDecimal("2000000"), new BigDecimal("400000"),
                new BigDecimal("9000000"), "EUR", Map.of()));
        String id = account.id();
        String buyer = contacts.create(kam, id, new ContactDraft("Petra", "Lang", "Head of purchasing", null, null,
                Set.of(), null, null, null, null, null)).id();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // 1 of 2 actions done: 50 %
        AccountPlan plan = plans.create(kam, id, new AccountPlanDraft("Plan " + today.getYear(),
                new PlanPeriod(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear())), PlanStatus.ACTIVE,
                RelationshipStage.COOPERATIVE, null, List.of(new Objective(null, "Grow", "annual sales EUR", null,
                        new BigDecimal("2200000"), null, List.of(new Strategy(null, "Win the retrofit", List.of(
                                new PlanAction(null, "Business review", null, today.minusDays(20), ActionStatus.DONE),
                                new PlanAction(null, "Retrofit offer", null, today.plusDays(20), ActionStatus.OPEN))))))));
        String stage = opportunities.stages().get(1).id();
        Opportunity big = opportunities.create(kam, id, new OpportunityDraft("Framework agreement", null,
                new BigDecimal("300000"), "EUR", stage, null, today.plusDays(60), "Send the offer", today.plusDays(7),
                OurPosition.INCUMBENT, List.of(), null));
        Opportunity small = opportunities.create(kam, id, new OpportunityDraft("Retrofit", null,
                new BigDecimal("100000"), "EUR", stage, null, today.plusDays(90), "Site visit", today.plusDays(14),
                OurPosition.CHALLENGER, List.of(), null));
        activities.create(kam, id, new ActivityDraft(ActivityType.MEETING, ActivityStatus.DONE, "Quarterly review",
                null, today.minusDays(5).atTime(12, 0).toInstant(ZoneOffset.UTC), List.of(buyer), List.of()));

        // enabling a model for the unit scores it in full: its first run, nobody asked for it
        registration = context.registerService(ScoringModel.class, new CapturingModel("itest-facts-" + suffix, seen),
                Dictionaries.dictionaryOf(ScoringModel.BUSINESS_UNIT, unit));
        String model = "itest-facts-" + suffix;
        ScoreRecord first = Await.until(Duration.ofSeconds(60), () -> current(id, model));
        assertNotNull(first, "the unit's first run never scored the account");
        assertNotNull(first.runId(), "scored by a full run: " + first);
        AccountFacts f = seen.get(id);
        assertEquals("cooperative", f.relationshipStage());
        assertEquals(new BigDecimal("50"), f.planCompletion());
        assertEquals(0, new BigDecimal("400000").compareTo(f.openPipeline()), f.openPipeline().toString());
        assertEquals(big.weightedValue().add(small.weightedValue()), f.weightedPipeline());
        // (300,000 x 100 + 100,000 x 33) / 400,000 = 83.25
        assertEquals(new BigDecimal("83.3"), f.competitivePosition());
        // five days, or six if the day turned since the meeting was logged
        assertTrue(f.daysSinceLastActivity() == 5 || f.daysSinceLastActivity() == 6, f.toString());

        // a new relationship stage in the plan
        AccountPlanDraft d = plan.toDraft();
        plans.update(kam, id, plan.id(), plan.version(), new AccountPlanDraft(d.title(), d.period(), d.status(),
                RelationshipStage.INTEGRATED, d.swot(), d.objectives()), false);
        awaitFacts(id, x -> "integrated".equals(x.relationshipStage()), "the plan change");

        // the big project won: it leaves the open pipeline and the position
        opportunities.close(kam, id, big.id(), big.version(), new OpportunityClosing(OpportunityStatus.WON,
                "Best service offer", false));
        AccountFacts afterClose = awaitFacts(id, x -> x.openPipeline() != null
                && x.openPipeline().compareTo(new BigDecimal("100000")) == 0, "the closed opportunity");
        assertEquals(new BigDecimal("33.0"), afterClose.competitivePosition());

        // a call today
        activities.create(kam, id, new ActivityDraft(ActivityType.CALL, ActivityStatus.DONE, "Pricing", null,
                Instant.now().minusSeconds(60), List.of(buyer), List.of()));
        awaitFacts(id, x -> x.daysSinceLastActivity() != null && x.daysSinceLastActivity() < 5, "the logged activity");
        ScoreRecord rescored = current(id, model);
        assertNull(rescored.runId(), "rescored after the changes, outside a run: " + rescored);
    }

    private ScoreRecord current(String accountId, String modelId) {
        return scoring.scores(ADMIN, accountId).stream().filter(r -> r.modelId().equals(modelId)).findFirst()
                .orElse(null);
    }

    private AccountFacts awaitFacts(String accountId, Predicate<AccountFacts> wanted, String after)
            throws InterruptedException {
        AccountFacts f = Await.until(Duration.ofSeconds(30), () -> {
            AccountFacts x = seen.get(accountId);
            return x != null && wanted.test(x) ? x : null;
        });
        assertNotNull(f, () -> "not rescored with the facts after " + after + ": " + seen.get(accountId));
        return f;
    }

    /** Scores 50 and keeps the facts it was given. */
    private record CapturingModel(String id, Map<String, AccountFacts> seen) implements ScoringModel {

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public ModelDescription description() {
            return new ModelDescription(id, "keeps the facts it is given, for the in-framework test", List.of(),
                    Map.of());
        }

        @Override
        public Score score(AccountFacts facts) {
            seen.put(facts.accountId(), facts);
            return Score.of(50, null, List.of());
        }
    }
}
