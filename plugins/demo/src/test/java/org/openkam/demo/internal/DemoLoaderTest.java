package org.openkam.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountSort;
import org.openkam.api.account.Contact;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.audit.AuditEntry;
import org.openkam.api.engagement.ActivityQuery;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.registry.internal.account.AccountService;
import org.openkam.registry.internal.account.ContactService;
import org.openkam.registry.internal.account.TeamService;
import org.openkam.registry.internal.audit.AuditTrailService;
import org.openkam.registry.internal.db.SqlDatabase;
import org.openkam.registry.internal.engagement.ActivityService;
import org.openkam.registry.internal.engagement.EngagementConfig;
import org.openkam.registry.internal.engagement.FollowUpService;
import org.openkam.registry.internal.organization.BusinessUnitService;
import org.openkam.registry.internal.organization.PasswordHasher;
import org.openkam.registry.internal.organization.UserService;
import org.openkam.registry.internal.pipeline.OpportunityService;
import org.openkam.registry.internal.pipeline.PipelineStages;
import org.openkam.registry.internal.plan.PlanService;
import org.openkam.registry.internal.security.AuthenticationService;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Loads the demo catalog through the registry's real services (the registry is a test dependency only) into
 * an in-memory H2 database, and reads the result back through the API.
 */
class DemoLoaderTest {

    private static final EventAdmin NO_EVENTS = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
        }

        @Override
        public void sendEvent(Event event) {
        }
    };
    private static final Caller ROOT = new Caller("root", "root", true, Map.of());
    /** Cheap: the demo creates a dozen users per test; the product's work factor is the registry's tests' concern. */
    private static final PasswordHasher HASHER = new PasswordHasher(1_000);
    private final DemoCatalog catalog = DemoCatalog.build();
    private JdbcDataSource h2;
    private SqlDatabase database;
    private DemoLoader.Services services;

    @BeforeEach
    void database() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        database = new SqlDatabase(h2, NO_EVENTS);
        database.migrate(AccountService.class);
        services = new DemoLoader.Services(new BusinessUnitService(database), UserService.hashingWith(database, HASHER),
                new AccountService(database, NO_EVENTS), new ContactService(database, NO_EVENTS),
                new TeamService(database, NO_EVENTS), new PlanService(database, NO_EVENTS),
                new OpportunityService(database, NO_EVENTS, new PipelineStages("qualify:10", "develop:25",
                        "propose:50", "negotiate:75", "commit:90")),
                new FollowUpService(database, NO_EVENTS), new ActivityService(database, NO_EVENTS,
                        engagementConfig()));
    }

    @Test
    void loadsTheWholeCatalogAsTheAdministrator() {
        String adminId = services.users().create(ROOT, new UserDraft("admin", null, null, true, true, Map.of(),
                "initial admin password")).id();

        DemoLoader.Loaded loaded = new DemoLoader(services, 4).loadIfAbsent(catalog).orElseThrow();

        int contacts = catalog.accounts().stream().mapToInt(a -> a.contacts().size()).sum();
        int members = catalog.accounts().stream().mapToInt(a -> a.team().size()).sum();
        assertEquals(new DemoLoader.Loaded(3, catalog.users().size(), loaded.usersMillis(), catalog.accounts().size(),
                contacts, members, 0, 0), loaded);
        assertEquals(catalog.units().stream().map(u -> u.id()).collect(Collectors.toSet()),
                services.units().list(ROOT).stream().map(u -> u.id()).collect(Collectors.toSet()));
        List<Account> accounts = allAccounts();
        assertEquals(catalog.accounts().stream().map(a -> a.draft().name()).collect(Collectors.toSet()),
                accounts.stream().map(Account::name).collect(Collectors.toSet()));
        assertEquals(catalog.accounts().size(), accounts.size());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AuditTrailService audit = new AuditTrailService(database);
        int loadedContacts = 0;
        int loadedMembers = 0;
        for (Account a : accounts) {
            assertEquals("kam." + a.businessUnit(), services.users().get(ROOT, a.owner()).username(), a.name());
            List<Contact> people = services.contacts().list(ROOT, a.id());
            loadedContacts += people.size();
            loadedMembers += services.teams().list(ROOT, a.id()).size();
            assertEquals(1, people.stream().filter(c -> c.reportsTo() == null).count(),
                    a.name() + ": one head of the buying center; everyone else reports to someone");
            boolean key = a.tier() != KeyAccountTier.NONE;
            assertEquals(key, services.plans().active(ROOT, a.id(), today).isPresent(), a.name());
            assertEquals(key, !services.opportunities().open(ROOT, a.id()).isEmpty(), a.name());
            assertEquals(key, !services.followUps().overdue(ROOT, a.id(), today).isEmpty(), a.name());
            assertEquals(key, !services.activities().list(ROOT, a.id(), new ActivityQuery(null, null,
                    ActivityStatus.DONE, 50, null)).items().isEmpty(), a.name());
            for (AuditEntry entry : audit.forAccount(ROOT, a.id(), 500, null).items()) {
                assertEquals(adminId, entry.actor(), a.name() + ": every change is recorded as the admin's");
            }
        }
        assertEquals(contacts, loadedContacts);
        assertEquals(members, loadedMembers);
    }

    @Test
    void demoUsersSignInWithTheDemoPassword() {
        new DemoLoader(services, 2).loadIfAbsent(catalog).orElseThrow();

        AuthenticationService authentication = new AuthenticationService(database, signInConfig(), HASHER);
        for (String username : List.of("kam.industrial", "viewer.consumer-goods", "buadmin.healthcare")) {
            assertTrue(authentication.login(username, DemoCatalog.DEMO_PASSWORD).isPresent(), username);
        }
    }

    @Test
    void aSecondStartOnTheSameDataLoadsNothing() {
        assertTrue(new DemoLoader(services, 4).loadIfAbsent(catalog).isPresent());
        Set<String> usersBefore = services.users().list(ROOT).stream().map(User::id).collect(Collectors.toSet());

        assertEquals(Optional.empty(), new DemoLoader(services, 4).loadIfAbsent(catalog));

        assertEquals(catalog.accounts().size(), allAccounts().size());
        assertEquals(usersBefore, services.users().list(ROOT).stream().map(User::id).collect(Collectors.toSet()));
    }

    @Test
    void keepsUnitsAndUsersThatExistAlready() {
        services.units().create(ROOT, catalog.units().get(1));
        UserDraft kam = catalog.user("kam.consumer-goods").orElseThrow();
        String kamId = services.users().create(ROOT, kam).id();

        DemoLoader.Loaded loaded = new DemoLoader(services, 4).loadIfAbsent(catalog).orElseThrow();

        assertEquals(2, loaded.units());
        assertEquals(catalog.users().size() - 1, loaded.users());
        assertEquals(0, loaded.failedAccounts());
        assertTrue(allAccounts().stream().filter(a -> a.businessUnit().equals(DemoCatalog.CONSUMER_GOODS))
                .allMatch(a -> a.owner().equals(kamId)));
    }

    @Test
    void withoutAnAdministratorTheDemoActsAsItself() {
        assertTrue(new DemoLoader(services, 4).loadIfAbsent(catalog).isPresent());

        AuditTrailService audit = new AuditTrailService(database);
        List<AuditEntry> entries = audit.forAccount(ROOT, allAccounts().get(0).id(), 500, null).items();
        assertTrue(!entries.isEmpty());
        for (AuditEntry entry : entries) {
            assertEquals(DemoLoader.SYSTEM.userId(), entry.actor());
        }
    }

    @Test
    void aStoppedComponentLoadsNoFurtherAccounts() throws InterruptedException {
        DemoLoader loader = new DemoLoader(services, 2);
        loader.deactivate();

        DemoLoader.Loaded loaded = loader.loadIfAbsent(catalog).orElseThrow();

        assertEquals(0, loaded.accounts());
        assertEquals(catalog.accounts().size(), loaded.skippedAccounts());
        assertTrue(allAccounts().isEmpty());
    }

    @Test
    void aBrokenDatabaseIsLoggedNotThrown() throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        assertEquals(Optional.empty(), new DemoLoader(services, 2).loadIfAbsent(catalog));
    }

    private List<Account> allAccounts() {
        return services.accounts().find(ROOT, new AccountQuery(null, null, null, null, null, null, AccountSort.NAME,
                false, AccountQuery.MAX_LIMIT, 0, null, false)).items();
    }

    private static AuthenticationService.Config signInConfig() {
        return new AuthenticationService.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AuthenticationService.Config.class;
            }

            @Override
            public int session_idle_minutes() {
                return 480;
            }

            @Override
            public int login_failures_allowed() {
                return 5;
            }

            @Override
            public int login_lock_seconds() {
                return 60;
            }
        };
    }

    private static EngagementConfig engagementConfig() {
        return new EngagementConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return EngagementConfig.class;
            }

            @Override
            public int freshness_days() {
                return 90;
            }

            @Override
            public int coordination_days() {
                return 7;
            }
        };
    }
}
