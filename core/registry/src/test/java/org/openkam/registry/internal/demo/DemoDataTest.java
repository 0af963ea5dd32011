package org.openkam.registry.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountSort;
import org.openkam.api.organization.UserDraft;
import org.openkam.registry.internal.account.AccountService;
import org.openkam.registry.internal.account.ContactService;
import org.openkam.registry.internal.account.TeamService;
import org.openkam.registry.internal.db.SqlDatabase;
import org.openkam.registry.internal.organization.BusinessUnitService;
import org.openkam.registry.internal.organization.UserService;
import org.openkam.registry.internal.engagement.ActivityService;
import org.openkam.registry.internal.engagement.EngagementConfig;
import org.openkam.registry.internal.engagement.FollowUpService;
import org.openkam.registry.internal.pipeline.OpportunityService;
import org.openkam.registry.internal.pipeline.PipelineStages;
import org.openkam.registry.internal.plan.PlanService;
import org.openkam.api.account.KeyAccountTier;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Loads the demo catalog through the real services into an H2 database. */
class DemoDataTest {

    private static final EventAdmin NO_EVENTS = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
        }

        @Override
        public void sendEvent(Event event) {
        }
    };
    private final DemoCatalog catalog = DemoCatalog.build();
    private JdbcDataSource h2;
    private SqlDatabase database;
    private AccountService accounts;
    private UserService users;
    private DemoData demo;

    @BeforeEach
    void database() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        database = new SqlDatabase(h2, NO_EVENTS);
        database.migrate(AccountService.class);
        accounts = new AccountService(database, NO_EVENTS);
        users = new UserService(database);
        demo = new DemoData(new BusinessUnitService(database), users, accounts, new ContactService(database, NO_EVENTS),
                new TeamService(database, NO_EVENTS), new DemoData.Process(new PlanService(database, NO_EVENTS),
                        new OpportunityService(database, NO_EVENTS, new PipelineStages("qualify:10", "develop:25",
                                "propose:50", "negotiate:75", "commit:90")),
                        new FollowUpService(database, NO_EVENTS),
                        new ActivityService(database, NO_EVENTS, engagementConfig())));
    }

    @Test
    void loadsTheWholeCatalogOnceAsTheAdministrator() throws SQLException {
        Caller root = new Caller("root", "root", true, Map.of());
        String adminId = users.create(root, new UserDraft("admin", null, null, true, true, Map.of(),
                "initial admin password")).id();

        DemoData.Loaded loaded = demo.loadIfAbsent(catalog).orElseThrow();

        int contacts = catalog.accounts().stream().mapToInt(a -> a.contacts().size()).sum();
        int members = catalog.accounts().stream().mapToInt(a -> a.team().size()).sum();
        assertEquals(new DemoData.Loaded(3, catalog.users().size(), catalog.accounts().size(), contacts, members, 0),
                loaded);
        assertEquals(catalog.accounts().size(), count("SELECT COUNT(*) FROM account"));
        assertEquals(contacts, count("SELECT COUNT(*) FROM contact"));
        assertEquals(members, count("SELECT COUNT(*) FROM team_member"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_entry WHERE actor <> '" + adminId + "'"),
                "every change is recorded as the admin's");
        for (Account a : accounts.find(root, new AccountQuery(null, null, null, null, null, null, AccountSort.NAME,
                false, 500, 0, null, false)).items()) {
            assertEquals("kam." + a.businessUnit(), users.get(root, a.owner()).username(), a.name());
        }

        long keyAccounts = catalog.accounts().stream().filter(a -> a.draft().tier() != KeyAccountTier.NONE).count();
        assertEquals(keyAccounts, count("SELECT COUNT(DISTINCT account_id) FROM account_plan WHERE status = 'ACTIVE'"));
        assertEquals(keyAccounts, count("SELECT COUNT(DISTINCT account_id) FROM opportunity WHERE status = 'OPEN'"));
        assertEquals(keyAccounts, count("SELECT COUNT(DISTINCT account_id) FROM follow_up WHERE due_date < CURRENT_DATE"));
        assertEquals(keyAccounts, count("SELECT COUNT(DISTINCT account_id) FROM activity WHERE status = 'DONE'"));
        assertEquals(catalog.accounts().size(), count("SELECT COUNT(*) FROM contact WHERE reports_to IS NULL"),
                "one head of each buying center; everyone else reports to someone");

        assertEquals(Optional.empty(), demo.loadIfAbsent(catalog), "a second start loads nothing");
        assertEquals(catalog.accounts().size(), count("SELECT COUNT(*) FROM account"));
    }

    @Test
    void aBrokenDatabaseIsLoggedNotThrown() throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        assertEquals(Optional.empty(), demo.loadIfAbsent(catalog));
    }

    @Test
    void withoutAnAdministratorTheSystemActs() throws SQLException {
        assertTrue(demo.loadIfAbsent(catalog).isPresent());
        assertEquals(0, count("SELECT COUNT(*) FROM audit_entry WHERE actor <> 'system'"));
        assertFalse(count("SELECT COUNT(*) FROM audit_entry") == 0);
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

    private long count(String sql) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
