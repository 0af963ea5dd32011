package org.openkam.registry.internal.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.registry.internal.account.AccountService;
import org.openkam.registry.internal.account.ContactService;
import org.openkam.registry.internal.account.TeamService;
import org.openkam.registry.internal.audit.AuditTrailService;
import org.openkam.registry.internal.db.SqlDatabase;
import org.openkam.registry.internal.job.JobService;
import org.openkam.registry.internal.organization.BusinessUnitService;
import org.openkam.registry.internal.organization.PasswordHasher;
import org.openkam.registry.internal.organization.UserService;
import org.openkam.registry.internal.transfer.AccountTransferService;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The registry's services wired by hand over one real database, as the framework would wire them, plus
 * two business units with their people. Every fixture uses fresh unit ids, so fixtures share a database.
 */
final class StoreFixture {

    static final String PASSWORD = "correct horse battery";
    /**
     * A cheap work factor: a fixture creates four users and the contracts sign in and change passwords often;
     * with the product's 210,000 iterations hashing was most of the store tests' time. Verification reads the
     * count from the stored hash, so the behaviour under test is the same (ProductionWorkFactorTest keeps the
     * product's).
     */
    static final PasswordHasher HASHER = new PasswordHasher(1_000);
    final SqlDatabase database;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            events.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            events.add(event);
        }
    };
    final AccountService accounts;
    final ContactService contacts;
    final TeamService teams;
    final BusinessUnitService units;
    final UserService users;
    final AuditTrailService audit;
    final JobService jobs;
    final AccountTransferService transfer;
    final Caller admin = new Caller(UUID.randomUUID().toString(), "root", true, Map.of());
    final String unitA;
    final String unitB;
    final Caller kamA;
    final Caller viewerA;
    final Caller kamB;
    final Caller buAdminA;

    StoreFixture(DataSource dataSource) {
        database = new SqlDatabase(dataSource, eventAdmin);
        database.migrate(AccountService.class);
        accounts = new AccountService(database, eventAdmin);
        contacts = new ContactService(database, eventAdmin);
        teams = new TeamService(database, eventAdmin);
        units = new BusinessUnitService(database);
        users = UserService.hashingWith(database, HASHER);
        audit = new AuditTrailService(database);
        jobs = new JobService(database);
        transfer = new AccountTransferService(database, eventAdmin, accounts, jobs);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        unitA = "a-" + suffix;
        unitB = "b-" + suffix;
        units.create(admin, new BusinessUnitDraft(unitA, "Unit A " + suffix, null));
        units.create(admin, new BusinessUnitDraft(unitB, "Unit B " + suffix, null));
        kamA = caller(user("kam-a-" + suffix, Map.of(unitA, Set.of(Role.KEY_ACCOUNT_MANAGER))));
        viewerA = caller(user("viewer-a-" + suffix, Map.of(unitA, Set.of(Role.VIEWER))));
        kamB = caller(user("kam-b-" + suffix, Map.of(unitB, Set.of(Role.KEY_ACCOUNT_MANAGER))));
        buAdminA = caller(user("buadmin-a-" + suffix, Map.of(unitA, Set.of(Role.BU_ADMIN))));
    }

    User user(String username, Map<String, Set<Role>> grants) {
        return users.create(admin, new UserDraft(username, username.toUpperCase(), null, false, true, grants, PASSWORD));
    }

    static Caller caller(User u) {
        return new Caller(u.id(), u.username(), u.admin(), u.grants());
    }

    List<Event> events(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
    }
}
