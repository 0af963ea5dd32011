package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountSort;
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
import org.openkam.api.pipeline.Competitor;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.security.IssuedToken;
import org.openkam.registry.internal.db.SqlDatabase;
import org.openkam.registry.internal.engagement.ActivityService;
import org.openkam.registry.internal.engagement.BuyingCenterService;
import org.openkam.registry.internal.engagement.FollowUpService;
import org.openkam.registry.internal.overview.OverviewService;
import org.openkam.registry.internal.pipeline.OpportunityService;
import org.openkam.registry.internal.pipeline.PipelineStages;
import org.openkam.registry.internal.plan.PlanService;
import org.openkam.registry.internal.security.AuthenticationService;

/**
 * How many statements the hot reads cost (the bench command's API phase: a token check, a list of 50, the
 * overview), and that the count does not grow with the rows read: a count per row would be an N+1. Counts, not
 * times, so the test holds on a busy machine; the same SQL runs on PostgreSQL.
 */
class QueriesPerRequestTest {

    private CountingDataSource counting;
    private StoreFixture f;
    private OverviewService overviews;
    private OpportunityService opportunities;
    private FollowUpService followUps;
    private ActivityService activities;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void fixture() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:queries-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        counting = new CountingDataSource(h2);
        f = new StoreFixture(counting.dataSource());
        activities = new ActivityService(f.database, f.eventAdmin, EngagementContract.config(90, 7));
        followUps = new FollowUpService(f.database, f.eventAdmin);
        opportunities = new OpportunityService(f.database, f.eventAdmin, new PipelineStages("qualify:10", "propose:50"));
        overviews = new OverviewService(f.accounts, f.teams, new BuyingCenterService(f.database,
                EngagementContract.config(90, 7)), new PlanService(f.database, f.eventAdmin), opportunities, followUps,
                activities);
    }

    @Test
    void theOverviewCostsTheSameStatementsHoweverManyPartsTheAccountHas() {
        Account a = account("Nordwerk");
        addParts(a, 1);
        counting.reset();
        overviews.overview(f.viewerA, a.id(), today);
        int few = counting.reset();
        addParts(a, 5);
        counting.reset();
        overviews.overview(f.viewerA, a.id(), today);
        int many = counting.reset();
        assertEquals(few, many, "statements with one of each part and with six");
        System.out.println("overview: " + many + " statements");
    }

    @Test
    void aListOf50CostsTheSameStatementsAsAListOf5() {
        for (int i = 0; i < 60; i++) {
            account("Account " + i);
        }
        counting.reset();
        f.accounts.find(f.viewerA, query(5));
        int five = counting.reset();
        f.accounts.find(f.viewerA, query(50));
        int fifty = counting.reset();
        assertEquals(five, fifty);
        System.out.println("list of 50: " + fifty + " statements");
    }

    @Test
    void aTokenCheckIsOneStatement() {
        AuthenticationService authentication = new AuthenticationService(f.database,
                SecurityContract.config(5, 60), StoreFixture.HASHER);
        IssuedToken token = authentication.createToken(f.kamA, "integration", null);
        authentication.authenticateToken(token.secret()); // the first use records the time of use
        counting.reset();
        assertTrue(authentication.authenticateToken(token.secret()).isPresent());
        assertEquals(1, counting.reset(), "the token, its user and the user's grants in one query");
    }

    private void addParts(Account a, int n) {
        for (int i = 0; i < n; i++) {
            f.teams.add(f.kamA, a.id(), new TeamMemberDraft(f.user("member-" + UUID.randomUUID().toString()
                    .substring(0, 8), Map.of(f.unitA, Set.of(org.openkam.api.Role.KEY_ACCOUNT_MANAGER))).id(),
                    TeamFunction.SALES, false));
            Contact buyer = f.contacts.create(f.kamA, a.id(), new ContactDraft("Eva", "Kauf " + i, "CPO", null, null,
                    Set.of(BuyingCenterRole.ECONOMIC_BUYER), null, 5, null, null, null));
            opportunities.create(f.kamA, a.id(), new OpportunityDraft("Retrofit " + i, null, new BigDecimal("200000"),
                    "EUR", "propose", null, today.plusDays(60), "Send the offer", today.plusDays(7),
                    OurPosition.CHALLENGER, List.of(new Competitor("Siegwerk", "price", "service",
                            OurPosition.INCUMBENT)), null));
            followUps.create(f.kamA, a.id(), new FollowUpDraft(null, null, "Call back " + i, null, f.kamA.userId(),
                    today.minusDays(3), FollowUpStatus.OPEN));
            activities.create(f.kamA, a.id(), new ActivityDraft(ActivityType.VISIT, ActivityStatus.DONE, "Visit " + i,
                    null, Instant.now().minus(2, ChronoUnit.DAYS), List.of(buyer.id()), List.of()));
        }
    }

    private Account account(String name) {
        return f.accounts.create(f.kamA, new AccountDraft(f.unitA, name, null, null, "DE", null, AccountStatus.ACTIVE,
                KeyAccountTier.KEY, f.kamA.userId(), new BigDecimal("1000000"), null, null, "EUR",
                Map.of("segment", "A")));
    }

    private AccountQuery query(int limit) {
        return new AccountQuery(f.unitA, null, null, null, null, null, AccountSort.NAME, false, limit, 0, null, true);
    }
}
