package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.api.AccessDeniedException;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.Role;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountSort;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.AccountTeamMember;
import org.openkam.api.account.Contact;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.account.TeamFunction;
import org.openkam.api.account.TeamMemberDraft;
import org.openkam.api.account.TeamMembership;
import org.openkam.api.audit.AuditEntry;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobState;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.registry.internal.account.AccountService;
import org.osgi.service.event.Event;

/**
 * What every store must do, run against each database OpenKAM supports: the subclasses supply the
 * database, these tests are the contract.
 */
abstract class RegistryContract {

    StoreFixture f;

    abstract DataSource dataSource();

    @BeforeEach
    void fixture() {
        f = new StoreFixture(dataSource());
    }

    AccountDraft draft(String unit, String name) {
        return new AccountDraft(unit, name, name + " GmbH", "Machinery", "de", "EMEA North", AccountStatus.ACTIVE,
                KeyAccountTier.KEY, f.kamA.userId(), new BigDecimal("1250000.50"), new BigDecimal("-20000"),
                new BigDecimal("4000000"), "eur", Map.of("segment", "A"));
    }

    @Test
    void migrationsApplyOnce() {
        assertEquals(0, f.database.migrate(AccountService.class));
    }

    @Test
    void createdAccountReadsBackWithEveryField() {
        Account created = f.accounts.create(f.kamA, draft(f.unitA, "Nordwerk"));
        Account read = f.accounts.get(f.kamA, created.id());
        assertEquals(created, read);
        assertEquals(1, read.version());
        assertEquals("DE", read.country());
        assertEquals("EUR", read.currency());
        assertEquals(0, new BigDecimal("1250000.5").compareTo(read.annualSales()));
        assertEquals(0, new BigDecimal("-20000").compareTo(read.contributionMargin()));
        assertEquals(Map.of("segment", "A"), read.attributes());
        assertEquals(1, f.events(AccountEvents.ACCOUNT_CREATED).size());
        assertEquals(f.unitA, f.events(AccountEvents.ACCOUNT_CREATED).get(0).getProperty(AccountEvents.BUSINESS_UNIT));
    }

    @Test
    void updateBumpsVersionAndAuditsChangedFields() {
        Account created = f.accounts.create(f.kamA, draft(f.unitA, "Nordwerk"));
        AccountDraft changed = new AccountDraft(f.unitA, "Nordwerk Maschinenbau", created.legalName(), "Machinery",
                "AT", created.region(), AccountStatus.ACTIVE, KeyAccountTier.STRATEGIC, created.owner(),
                created.annualSales(), created.contributionMargin(), created.potential(), "EUR", created.attributes());
        Account updated = f.accounts.update(f.kamA, created.id(), 1, changed);
        assertEquals(2, updated.version());
        assertEquals("AT", f.accounts.get(f.viewerA, created.id()).country());

        List<AuditEntry> trail = f.audit.forAccount(f.viewerA, created.id(), 10, null).items();
        assertEquals(List.of("updated", "created"), trail.stream().map(AuditEntry::action).toList());
        AuditEntry update = trail.get(0);
        assertEquals(f.kamA.userId(), update.actor());
        assertEquals(Set.of("name", "country", "tier"),
                update.changes().stream().map(c -> c.field()).collect(java.util.stream.Collectors.toSet()));
        assertEquals("DE", update.changes().stream().filter(c -> c.field().equals("country")).findFirst().get().before());
        assertEquals(1, f.events(AccountEvents.ACCOUNT_UPDATED).size());
    }

    @Test
    void theWholeTrailIsForGlobalAdministratorsByTypeAndInPages() {
        Account first = f.accounts.create(f.kamA, draft(f.unitA, "Trail One"));
        Account second = f.accounts.create(f.kamA, draft(f.unitA, "Trail Two"));
        Account third = f.accounts.create(f.kamA, draft(f.unitA, "Trail Three"));
        assertThrows(AccessDeniedException.class, () -> f.audit.all(f.buAdminA, null, 10, null));

        Page<AuditEntry> page = f.audit.all(f.admin, "account", 2, null);
        assertEquals(List.of(third.id(), second.id()), page.items().stream().map(AuditEntry::entityId).toList(),
                "newest first");
        Page<AuditEntry> next = f.audit.all(f.admin, "account", 1, page.nextCursor());
        assertEquals(List.of(first.id()), next.items().stream().map(AuditEntry::entityId).toList());
        assertTrue(f.audit.all(f.admin, "user", 100, null).items().stream()
                .anyMatch(e -> e.entityId().equals(f.kamA.userId())), "the users created by the fixture");
        assertTrue(f.audit.all(f.admin, "no-such-type", 10, null).items().isEmpty());
        assertEquals(third.id(), f.audit.all(f.admin, null, 1, null).items().get(0).entityId(), "every type");
        assertThrows(ValidationException.class, () -> f.audit.all(f.admin, null, 10, "not-a-cursor"));
    }

    @Test
    void staleVersionIsRefusedAndChangesNothing() {
        Account created = f.accounts.create(f.kamA, draft(f.unitA, "Nordwerk"));
        f.accounts.update(f.kamA, created.id(), 1, draft(f.unitA, "Second"));
        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> f.accounts.update(f.kamA, created.id(), 1, draft(f.unitA, "Lost update")));
        assertEquals(2, e.currentVersion());
        assertEquals("Second", f.accounts.get(f.kamA, created.id()).name());
        assertThrows(StaleVersionException.class, () -> f.accounts.delete(f.kamA, created.id(), 1));
    }

    @Test
    void otherUnitsAccountsDoNotExistForTheCaller() {
        Account inB = f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Beta Corp", null, null, null, null, null,
                null, null, null, null, null, null, null));
        assertThrows(NotFoundException.class, () -> f.accounts.get(f.kamA, inB.id()));
        assertThrows(NotFoundException.class, () -> f.accounts.update(f.kamA, inB.id(), 1, draft(f.unitA, "X")));
        assertThrows(NotFoundException.class, () -> f.accounts.delete(f.kamA, inB.id(), 1));
        assertThrows(NotFoundException.class, () -> f.contacts.list(f.kamA, inB.id()));
        assertThrows(NotFoundException.class, () -> f.audit.forAccount(f.kamA, inB.id(), 10, null));
        assertTrue(f.accounts.find(f.kamA, AccountQuery.all()).items().stream().noneMatch(a -> a.id().equals(inB.id())));
        assertEquals(inB, f.accounts.get(f.admin, inB.id()));
    }

    @Test
    void byIdsReadsManyAccountsAndLeavesOutUnknownAndUnreadableOnes() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mine.add(f.accounts.create(f.kamA, draft(f.unitA, "Many " + i)).id());
        }
        Account inB = f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Beta Corp", null, null, null, null, null,
                null, null, null, null, null, null, null));
        List<String> asked = new ArrayList<>();
        asked.add(mine.get(0));
        for (int i = 0; i < 520; i++) { // unknown ids, so the accounts after them are in a later chunk (500; 100 on H2)
            asked.add("gone-" + i);
        }
        asked.addAll(mine.subList(1, 4));
        asked.add(inB.id());
        asked.add(mine.get(0)); // a repeated id is read once

        Map<String, Account> seen = f.accounts.byIds(f.kamA, asked);

        assertEquals(Set.copyOf(mine), seen.keySet());
        assertEquals(f.accounts.get(f.kamA, mine.get(3)), seen.get(mine.get(3)));
        assertEquals(inB, f.accounts.byIds(f.admin, List.of(inB.id())).get(inB.id()));
        assertEquals(Map.of(), f.accounts.byIds(f.kamA, List.of()));
    }

    @Test
    void viewersReadButDoNotWrite() {
        Account created = f.accounts.create(f.kamA, draft(f.unitA, "Nordwerk"));
        assertEquals(created, f.accounts.get(f.viewerA, created.id()));
        assertThrows(AccessDeniedException.class, () -> f.accounts.create(f.viewerA, draft(f.unitA, "Mine")));
        assertThrows(AccessDeniedException.class, () -> f.accounts.update(f.viewerA, created.id(), 1, draft(f.unitA, "Y")));
        assertThrows(AccessDeniedException.class,
                () -> f.contacts.create(f.viewerA, created.id(), new ContactDraft("Ann", "Lee", null, null, null, Set.of(), null, null, null, null, null)));
    }

    @Test
    void invalidDraftReportsEveryFieldAndStoresNothing() {
        AccountDraft bad = new AccountDraft(f.unitA, " ", null, null, "Germany", null, null, null, "nobody",
                new BigDecimal("-1"), null, null, "EURO", Map.of("1bad", "x"));
        ValidationException e = assertThrows(ValidationException.class, () -> f.accounts.create(f.kamA, bad));
        Set<String> fields = new HashSet<>();
        e.violations().forEach(v -> fields.add(v.field()));
        assertEquals(Set.of("name", "country", "annualSales", "currency", "attributes", "owner"), fields);
        assertEquals(0, f.accounts.find(f.admin, query(f.unitA)).items().size());
        assertTrue(f.events.isEmpty());
    }

    @Test
    void ownerMayBeGivenByUsername() {
        AccountDraft byName = new AccountDraft(f.unitA, "Named owner", null, null, null, null, null, null,
                f.kamA.username(), null, null, null, null, null);
        assertEquals(f.kamA.userId(), f.accounts.create(f.kamA, byName).owner());
    }

    @Test
    void unknownUnitIsAFieldError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> f.accounts.create(f.kamA, draft("no-such-unit", "X")));
        assertEquals("businessUnit", e.violations().get(0).field());
    }

    @Test
    void filtersSearchAndSort() {
        f.accounts.create(f.kamA, withFigures(f.unitA, "Alpha Retail", KeyAccountTier.KEY, "DE", "100"));
        f.accounts.create(f.kamA, withFigures(f.unitA, "Beta Foods", KeyAccountTier.NONE, "FR", "300"));
        f.accounts.create(f.kamA, withFigures(f.unitA, "Gamma Retail", KeyAccountTier.STRATEGIC, "DE", "200"));
        f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Alpha Other", null, null, "DE", null, null,
                KeyAccountTier.KEY, null, null, null, null, null, null));

        assertEquals(List.of("Alpha Retail", "Gamma Retail"), names(new AccountQuery(f.unitA, null, null, "de", null,
                null, AccountSort.NAME, false, 50, 0, null, false)));
        assertEquals(List.of("Alpha Retail", "Gamma Retail"), names(new AccountQuery(null, null, null, null, null,
                "RETAIL", AccountSort.NAME, false, 50, 0, null, false)));
        assertEquals(List.of("Gamma Retail"), names(new AccountQuery(null, KeyAccountTier.STRATEGIC, null, null,
                null, null, AccountSort.NAME, false, 50, 0, null, false)));
        assertEquals(List.of("Beta Foods", "Gamma Retail", "Alpha Retail"), names(new AccountQuery(null, null,
                f.kamA.userId(), null, AccountStatus.ACTIVE, null, AccountSort.ANNUAL_SALES, true, 50, 0, null, false)));
        assertEquals(List.of(), names(new AccountQuery(null, null, null, null, null, "100%_", AccountSort.NAME,
                false, 50, 0, null, false)));
    }

    @Test
    void cursorAndOffsetPagingVisitEveryAccountOnce() {
        for (int i = 0; i < 23; i++) {
            // equal sales on purpose: ties must break on id without skipping or repeating
            f.accounts.create(f.kamA, withFigures(f.unitA, "Account " + (char) ('A' + i % 5) + i, KeyAccountTier.NONE,
                    "DE", i % 3 == 0 ? null : "500"));
        }
        for (AccountSort sort : AccountSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                List<String> seen = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    Page<Account> page = f.accounts.find(f.viewerA, new AccountQuery(f.unitA, null, null, null, null,
                            null, sort, descending, 5, 0, cursor, true));
                    assertEquals(23, page.total());
                    page.items().forEach(a -> seen.add(a.id()));
                    cursor = page.nextCursor();
                    pages++;
                } while (cursor != null);
                assertEquals(5, pages, sort + " desc=" + descending);
                assertEquals(23, new HashSet<>(seen).size(), sort + " desc=" + descending);
            }
        }
        Page<Account> third = f.accounts.find(f.viewerA, new AccountQuery(f.unitA, null, null, null, null, null,
                AccountSort.NAME, false, 10, 20, null, false));
        assertEquals(3, third.items().size());
        assertNull(third.nextCursor());
        assertThrows(ValidationException.class, () -> f.accounts.find(f.viewerA, new AccountQuery(f.unitA, null, null,
                null, null, null, AccountSort.NAME, false, 10, 0, "garbage!", false)));
    }

    @Test
    void aUnitsKeyAccountsArePagedByNameEachOnceInBothDirections() {
        List<String> keyNames = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            KeyAccountTier tier = i % 2 == 0 ? KeyAccountTier.KEY : i % 3 == 0 ? KeyAccountTier.STRATEGIC
                    : KeyAccountTier.NONE;
            // names in no order of creation, some equal: ties break on id
            String name = "Tiered " + (char) ('A' + (i * 7) % 24 / 2);
            f.accounts.create(f.kamA, withFigures(f.unitA, name, tier, "DE", "500"));
            if (tier == KeyAccountTier.KEY) {
                keyNames.add(name);
            }
        }
        f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Tiered elsewhere", null, null, "DE", null, null,
                KeyAccountTier.KEY, null, null, null, null, null, null));
        for (boolean descending : new boolean[] {false, true}) {
            List<String> seen = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            String cursor = null;
            do {
                Page<Account> page = f.accounts.find(f.viewerA, new AccountQuery(f.unitA, KeyAccountTier.KEY, null,
                        null, null, null, AccountSort.NAME, descending, 5, 0, cursor, cursor == null));
                if (cursor == null) {
                    assertEquals(12, page.total());
                }
                page.items().forEach(a -> {
                    assertEquals(KeyAccountTier.KEY, a.tier());
                    seen.add(a.name());
                    ids.add(a.id());
                });
                cursor = page.nextCursor();
            } while (cursor != null);
            List<String> expected = new ArrayList<>(keyNames);
            expected.sort(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
            assertEquals(expected, seen, "desc=" + descending);
            assertEquals(12, ids.size(), "each once, desc=" + descending);
        }
        // a manager's own key accounts: the same pages through the owner's index
        List<String> mine = new ArrayList<>();
        String cursor = null;
        do {
            Page<Account> page = f.accounts.find(f.viewerA, new AccountQuery(f.unitA, KeyAccountTier.KEY,
                    f.kamA.userId(), null, null, null, AccountSort.NAME, false, 5, 0, cursor, cursor == null));
            if (cursor == null) {
                assertEquals(12, page.total());
            }
            page.items().forEach(a -> mine.add(a.name()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(keyNames.stream().sorted().toList(), mine);
        assertEquals(List.of(), f.accounts.find(f.viewerA, new AccountQuery(f.unitA, null, f.kamB.userId(), null, null,
                null, AccountSort.NAME, false, 5, 0, null, false)).items(), "another manager's");
    }

    @Test
    void craftedAmountCursorsAreRefusedBeforeAnyArithmetic() {
        String id = f.accounts.create(f.kamA, withFigures(f.unitA, "Cursor Corp", KeyAccountTier.NONE, "DE", "500")).id();
        for (String value : List.of("1e4000000", "-1e999999999", "1E+2147483647", "NaN", "1e-99", "0x10",
                "1234567890123456", "1.12345", "")) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((value + "\u0000" + id).getBytes(StandardCharsets.UTF_8));
            for (AccountSort sort : List.of(AccountSort.ANNUAL_SALES, AccountSort.POTENTIAL)) {
                ValidationException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                        () -> assertThrows(ValidationException.class, () -> f.accounts.find(f.viewerA,
                                new AccountQuery(f.unitA, null, null, null, null, null, sort, true, 10, 0, cursor,
                                        false))), value);
                assertEquals("cursor", e.violations().get(0).field(), value);
            }
        }
    }

    @Test
    void contactsFollowTheirAccount() {
        Account a = f.accounts.create(f.kamA, draft(f.unitA, "Nordwerk"));
        Contact c = f.contacts.create(f.kamA, a.id(), new ContactDraft("Ann", "Lee", "Head of Procurement",
                "ann.lee@nordwerk.example", "+49 30 1234", Set.of(), null, null, null, null, null));
        Contact changed = f.contacts.update(f.kamA, a.id(), c.id(), 1, new ContactDraft("Ann", "Lee-Smith",
                "CPO", "ann.lee@nordwerk.example", null, Set.of(), null, null, null, null, null));
        assertEquals(2, changed.version());
        assertEquals(List.of(changed), f.contacts.list(f.viewerA, a.id()));
        assertThrows(StaleVersionException.class, () -> f.contacts.delete(f.kamA, a.id(), c.id(), 1));
        ValidationException bad = assertThrows(ValidationException.class, () -> f.contacts.create(f.kamA, a.id(),
                new ContactDraft("X", null, null, "not-an-email", null, Set.of(), null, null, null, null, null)));
        assertEquals(Set.of("lastName", "email"), Set.copyOf(bad.violations().stream().map(v -> v.field()).toList()));
        f.accounts.delete(f.kamA, a.id(), 1);
        assertThrows(NotFoundException.class, () -> f.contacts.list(f.admin, a.id()));
        // the trail outlives the account
        assertTrue(f.events(AccountEvents.CONTACT_CHANGED).size() >= 2);
    }

    @Test
    void oneResponsiblePerFunction() {
        Account a = f.accounts.create(f.kamA, draft(f.unitA, "Nordwerk"));
        User sales1 = f.user("sales1-" + f.unitA, Map.of(f.unitA, Set.of(Role.VIEWER)));
        User sales2 = f.user("sales2-" + f.unitA, Map.of(f.unitA, Set.of(Role.VIEWER)));
        AccountTeamMember kam = f.teams.add(f.kamA, a.id(),
                new TeamMemberDraft(f.kamA.userId(), TeamFunction.KEY_ACCOUNT_MANAGER, true));
        f.teams.add(f.kamA, a.id(), new TeamMemberDraft(sales1.id(), TeamFunction.SALES, true));
        ConflictException e = assertThrows(ConflictException.class,
                () -> f.teams.add(f.kamA, a.id(), new TeamMemberDraft(sales2.id(), TeamFunction.SALES, true)));
        assertEquals("responsible", e.field());
        f.teams.add(f.kamA, a.id(), new TeamMemberDraft(sales2.id(), TeamFunction.SALES, false));
        assertThrows(ConflictException.class,
                () -> f.teams.add(f.kamA, a.id(), new TeamMemberDraft(sales2.id(), TeamFunction.SALES, false)));
        assertEquals(3, f.teams.list(f.viewerA, a.id()).size());
        f.teams.remove(f.kamA, a.id(), kam.id(), 1);
        assertEquals(2, f.teams.list(f.viewerA, a.id()).size());
        assertThrows(ValidationException.class, () -> f.teams.add(f.kamA, a.id(),
                new TeamMemberDraft("no-such-user", TeamFunction.SPECIALIST, false)));
    }

    @Test
    void membershipsListWhereAUserServesOnAccountsTheCallerMayRead() {
        Account zeta = f.accounts.create(f.kamA, draft(f.unitA, "Zeta"));
        Account alpha = f.accounts.create(f.kamA, draft(f.unitA, "Alpha"));
        Account beta = f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Beta", null, null, null, null, null, null,
                null, null, null, null, null, null));
        User both = f.user("both-" + f.unitA, Map.of(f.unitA, Set.of(Role.VIEWER), f.unitB, Set.of(Role.VIEWER)));
        f.teams.add(f.kamA, zeta.id(), new TeamMemberDraft(both.id(), TeamFunction.SPECIALIST, false));
        f.teams.add(f.kamA, zeta.id(), new TeamMemberDraft(both.id(), TeamFunction.SALES, true));
        f.teams.add(f.kamA, alpha.id(), new TeamMemberDraft(both.id(), TeamFunction.EXECUTIVE_SPONSOR, true));
        f.teams.add(f.kamB, beta.id(), new TeamMemberDraft(both.id(), TeamFunction.SALES, false));

        assertEquals(List.of(
                new TeamMembership(alpha.id(), "Alpha", f.unitA, alpha.tier(), TeamFunction.EXECUTIVE_SPONSOR, true),
                new TeamMembership(zeta.id(), "Zeta", f.unitA, zeta.tier(), TeamFunction.SALES, true),
                new TeamMembership(zeta.id(), "Zeta", f.unitA, zeta.tier(), TeamFunction.SPECIALIST, false)),
                f.teams.memberships(f.viewerA, both.id(), null), "by account name, then function; unit B unseen");
        assertEquals(4, f.teams.memberships(f.admin, both.id(), null).size());
        assertEquals(List.of("Beta"), f.teams.memberships(f.admin, both.id(), f.unitB).stream()
                .map(TeamMembership::accountName).toList());
        assertEquals(List.of(), f.teams.memberships(f.kamA, both.id(), f.unitB));
        assertEquals(List.of(), f.teams.memberships(f.kamA, f.kamA.userId(), null));
    }

    @Test
    void unitAdminsGrantOnlyInTheirUnits() {
        User u = f.users.create(f.buAdminA, new UserDraft("newbie-" + f.unitA, "Newbie", "n@example.com", false, true,
                Map.of(f.unitA, Set.of(Role.VIEWER)), "a long enough password"));
        assertThrows(AccessDeniedException.class, () -> f.users.create(f.buAdminA, new UserDraft("x-" + f.unitA,
                null, null, false, true, Map.of(f.unitB, Set.of(Role.VIEWER)), "a long enough password")));
        assertThrows(AccessDeniedException.class, () -> f.users.create(f.buAdminA, new UserDraft("y-" + f.unitA,
                null, null, true, true, Map.of(), "a long enough password")));
        assertThrows(AccessDeniedException.class, () -> f.users.create(f.kamA, new UserDraft("z-" + f.unitA,
                null, null, false, true, Map.of(f.unitA, Set.of(Role.VIEWER)), "a long enough password")));
        ConflictException taken = assertThrows(ConflictException.class, () -> f.users.create(f.admin,
                new UserDraft(u.username(), null, null, false, true, Map.of(), "a long enough password")));
        assertEquals("username", taken.field());
        assertThrows(NotFoundException.class, () -> f.users.get(f.kamB, u.id()));
        assertEquals(u, f.users.get(f.viewerA, u.id()));
    }

    @Test
    void unitAdminsChangeOnlyUsersWhollyInTheirUnits() {
        User mixed = f.user("mixed-" + f.unitA, Map.of(f.unitA, Set.of(Role.VIEWER), f.unitB, Set.of(Role.BU_ADMIN)));
        UserDraft takeover = new UserDraft(mixed.username(), "Taken", "evil@example.com", false, false, mixed.grants(),
                "attacker's new password");
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> f.users.update(f.buAdminA, mixed.id(), mixed.version(), takeover));
        assertTrue(denied.getMessage().contains(f.unitB), denied.getMessage());
        UserDraft rename = new UserDraft(mixed.username(), "Renamed", mixed.email(), false, mixed.enabled(),
                mixed.grants(), null);
        assertThrows(AccessDeniedException.class, () -> f.users.update(f.buAdminA, mixed.id(), mixed.version(), rename));
        User unchanged = f.users.get(f.admin, mixed.id());
        assertEquals(mixed, unchanged, "nothing is stored");
        assertTrue(f.users.update(f.admin, mixed.id(), mixed.version(), rename).displayName().equals("Renamed"),
                "a global administrator changes anyone");

        User own = f.user("own-" + f.unitA, Map.of(f.unitA, Set.of(Role.VIEWER, Role.KEY_ACCOUNT_MANAGER)));
        assertEquals("Own", f.users.update(f.buAdminA, own.id(), own.version(), new UserDraft(own.username(), "Own",
                null, false, true, own.grants(), "a new long password")).displayName(), "users wholly in the unit");
        User self = f.users.get(f.buAdminA, f.buAdminA.userId());
        assertEquals("Me", f.users.update(f.buAdminA, self.id(), self.version(), new UserDraft(self.username(), "Me",
                null, false, true, self.grants(), null)).displayName(), "and themselves");
    }

    @Test
    void importWithOneBadLineStoresNothingAndNamesTheLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "\uFEFFname,businessUnit,country,tier,owner,annualSales,currency\n"
                + "Good One," + f.unitA + ",DE,key," + f.kamA.username() + ",1000,EUR\n"
                + "\"Multi\nLine\"," + f.unitA + ",FR,none,,,\n"
                + "Bad One," + f.unitA + ",Germany,platinum,,lots,EUR\n"
                + "Good Two," + f.unitA + ",US,strategic,,,\n");
        Job job = awaitJob(f.transfer.startImport(f.kamA, csv, true));
        assertEquals(JobState.FAILED, job.state());
        assertEquals(Set.of(5L), Set.copyOf(job.problems().stream().map(p -> p.line()).toList()));
        assertEquals(Set.of("country", "tier", "annualSales"),
                Set.copyOf(job.problems().stream().map(p -> p.field()).toList()));
        assertEquals(0, f.accounts.find(f.admin, query(f.unitA)).items().size());
        assertFalse(Files.exists(csv), "the spooled file is removed");
    }

    @Test
    void importRefusesTextThatIsNotUtf8OrHoldsNulOrLoneSurrogatesNamingLineAndColumn(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("in.csv");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(("name,businessUnit,industry,annualSales\n"
                + "Good One," + f.unitA + ",Retail,\n"
                + "Bad\u0000Nul," + f.unitA + ",Retail,\n"
                + "Lone," + f.unitA + ",Ret").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }); // an encoded lone surrogate
        bytes.writeBytes((",\nLatin," + f.unitA + ",Caf").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] { (byte) 0xE9 }); // ISO-8859-1, not UTF-8
        bytes.writeBytes((",\nHuge," + f.unitA + ",Retail,1e4000000\n"
                + "Good Two \ud83d\ude00," + f.unitA + ",Retail,\n").getBytes(StandardCharsets.UTF_8));
        Files.write(csv, bytes.toByteArray());
        Job job = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> awaitJob(f.transfer.startImport(f.kamA, csv, true)));
        assertEquals(JobState.FAILED, job.state());
        assertEquals(List.of("3 name", "4 industry", "5 industry", "6 annualSales"), job.problems().stream()
                .map(p -> p.line() + " " + p.field()).sorted().toList(), job.problems().toString());
        assertEquals(0, f.accounts.find(f.admin, query(f.unitA)).items().size(), "nothing is stored");
    }

    @Test
    void exportNeutralisesFormulasAndImportRestoresThem(@TempDir Path dir) throws Exception {
        Account a = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "=HYPERLINK(\"http://evil.example\",\"x\")",
                "+cmd|' /C calc'!A0", "@SUM(1+1)", "DE", "-2+3", null, KeyAccountTier.NONE, null, null,
                new BigDecimal("-100"), null, "EUR", Map.of()));
        Account quoted = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "'quoted", "'-5", "Plain", "DE", null,
                null, KeyAccountTier.NONE, null, null, null, null, null, Map.of()));
        StringWriter out = new StringWriter();
        f.transfer.exportCsv(f.viewerA, query(f.unitA), out);
        String csv = out.toString();
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","), csv);
        assertTrue(csv.contains(",'+cmd|' /C calc'!A0,'@SUM(1+1),DE,'-2+3,"), csv);
        assertTrue(csv.contains(",-100,"), "numbers stay numbers: " + csv);
        assertTrue(csv.contains(",''quoted,''-5,Plain,"), csv);
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertFalse(!cell.isEmpty() && "=+@\t".indexOf(cell.charAt(0)) >= 0, "a cell starts a formula: " + cell);
            }
        }

        Path again = dir.resolve("again.csv");
        Files.writeString(again, csv);
        Job job = awaitJob(f.transfer.startImport(f.kamA, again, true));
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        Account back = f.accounts.get(f.viewerA, a.id());
        assertEquals(List.of(a.name(), a.legalName(), a.industry(), a.region()),
                List.of(back.name(), back.legalName(), back.industry(), back.region()));
        assertEquals(0, new BigDecimal("-100").compareTo(back.contributionMargin()));
        Account quotedBack = f.accounts.get(f.viewerA, quoted.id());
        assertEquals(List.of("'quoted", "'-5"), List.of(quotedBack.name(), quotedBack.legalName()));
    }

    @Test
    void anImportStoppedByAShutdownEndsAtASafePointStoringNothingAndTheDatabaseServesOn(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("in.csv");
        StringBuilder content = new StringBuilder("name,businessUnit,country\n");
        for (int i = 0; i < 20_000; i++) {
            content.append("Stopped ").append(i).append(',').append(f.unitA).append(",DE\n");
        }
        Files.writeString(csv, content);
        Job started = f.transfer.startImport(f.kamA, csv, true);
        Job job = f.jobs.get(f.kamA, started.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (job.done() == 0 && !job.state().finished() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            job = f.jobs.get(f.kamA, started.id());
        }
        assertTrue(job.done() > 0 && job.done() < 20_000, "stopping while it writes: " + job);
        f.transfer.stop(); // as on shutdown: never interrupts a thread inside the database
        job = f.jobs.get(f.kamA, started.id());
        assertEquals(JobState.INTERRUPTED, job.state(), job.toString());
        assertEquals(0, f.accounts.find(f.admin, query(f.unitA)).items().size(), "all or nothing: nothing stored");
        Account after = f.accounts.create(f.kamA, withFigures(f.unitA, "After the stop", KeyAccountTier.NONE, "DE",
                null));
        assertEquals("After the stop", f.accounts.get(f.viewerA, after.id()).name(), "the database serves on");
    }

    @Test
    void importStoresEveryLineAndExportRoundTrips(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        StringBuilder content = new StringBuilder("name,businessUnit,country,tier,owner,annualSales,currency,attributes\n");
        for (int i = 0; i < 1203; i++) {
            content.append("Account ").append(i).append(',').append(f.unitA).append(",DE,key,")
                    .append(f.kamA.username()).append(',').append(i).append(".25,EUR,\"{\"\"erpId\"\":\"\"E").append(i)
                    .append("\"\"}\"\n");
        }
        Files.writeString(csv, content);
        Job job = awaitJob(f.transfer.startImport(f.kamA, csv, true));
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        assertEquals(1203, job.done());
        assertEquals(1203, job.total());
        Page<Account> page = f.accounts.find(f.viewerA, new AccountQuery(f.unitA, null, null, null, null, "account 1202",
                AccountSort.NAME, false, 10, 0, null, true));
        assertEquals(1, page.total());
        Account a = page.items().get(0);
        assertEquals(f.kamA.userId(), a.owner());
        assertEquals(Map.of("erpId", "E1202"), a.attributes());
        assertEquals(1, f.audit.forAccount(f.viewerA, a.id(), 10, null).items().size());
        List<Event> imported = f.events(AccountEvents.ACCOUNTS_IMPORTED);
        assertEquals(1, imported.size(), "one event for the unit, not one per account");
        assertEquals(f.unitA, imported.get(0).getProperty(AccountEvents.BUSINESS_UNIT));
        assertEquals(1203L, imported.get(0).getProperty(AccountEvents.COUNT));
        assertEquals(job.id(), imported.get(0).getProperty(AccountEvents.JOB_ID));
        assertEquals(List.of(), f.events(AccountEvents.ACCOUNT_CREATED));

        StringWriter out = new StringWriter();
        f.transfer.exportCsv(f.viewerA, query(f.unitA), out);
        String[] lines = out.toString().split("\r\n");
        assertEquals(1204, lines.length);
        assertTrue(lines[0].startsWith("id,businessUnit,name,"));

        // re-importing the export with a change updates in place instead of duplicating
        Path again = dir.resolve("again.csv");
        Files.writeString(again, lines[0] + "\r\n" + lines[1].replace(",key,", ",strategic,") + "\r\n");
        Job update = awaitJob(f.transfer.startImport(f.kamA, again, true));
        assertEquals(JobState.SUCCEEDED, update.state(), update.toString());
        assertEquals(1203, f.accounts.find(f.viewerA, new AccountQuery(f.unitA, null, null, null, null, null,
                AccountSort.NAME, false, 10, 0, null, true)).total());
        assertEquals(1, f.accounts.find(f.viewerA, new AccountQuery(f.unitA, KeyAccountTier.STRATEGIC, null, null,
                null, null, AccountSort.NAME, false, 10, 0, null, true)).total());
    }

    @Test
    void partialImportKeepsTheGoodLines(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "name,businessUnit\nGood," + f.unitA + "\nWrong unit," + f.unitB + "\n");
        Job job = awaitJob(f.transfer.startImport(f.kamA, csv, false));
        assertEquals(JobState.SUCCEEDED, job.state());
        assertEquals(1, job.done());
        assertEquals(3L, job.problems().get(0).line());
        assertEquals("businessUnit", job.problems().get(0).field());
        assertEquals(List.of("Good"), names(query(f.unitA)));
    }

    @Test
    void linesWithoutAUnitGoToTheImportsUnit(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "name,businessUnit\nNo unit,\nOwn unit," + f.unitA + "\n");
        Job job = awaitJob(f.transfer.startImport(f.kamA, csv, true, f.unitA));
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        assertEquals(List.of("No unit", "Own unit"), names(query(f.unitA)));

        Path noColumn = dir.resolve("no-column.csv");
        Files.writeString(noColumn, "name,country\nColumnless,DE\n");
        assertEquals(JobState.SUCCEEDED, awaitJob(f.transfer.startImport(f.kamA, noColumn, true, f.unitA)).state());
        assertEquals(List.of("Columnless", "No unit", "Own unit"), names(query(f.unitA)));

        Path elsewhere = dir.resolve("elsewhere.csv");
        Files.writeString(elsewhere, "name\nElsewhere\n");
        Job refused = awaitJob(f.transfer.startImport(f.kamA, elsewhere, true, f.unitB));
        assertEquals(JobState.FAILED, refused.state(), "the unit must be one the caller may edit");
        assertEquals("businessUnit", refused.problems().get(0).field());
        Files.writeString(elsewhere, "name\nElsewhere\n");
        Job without = awaitJob(f.transfer.startImport(f.kamA, elsewhere, true, null));
        assertEquals(JobState.FAILED, without.state());
        assertEquals("businessUnit", without.problems().get(0).field());
    }

    @Test
    void importRefusesUnknownColumns(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "name,businessUnit,colour\nGood," + f.unitA + ",red\n");
        Job job = awaitJob(f.transfer.startImport(f.kamA, csv, true));
        assertEquals(JobState.FAILED, job.state());
        assertTrue(job.problems().get(0).message().contains("colour"));
        assertThrows(NotFoundException.class, () -> f.jobs.get(f.kamB, job.id()), "jobs are their starter's");
    }

    @Test
    void deletedAccountKeepsItsTrail() {
        Account a = f.accounts.create(f.kamA, draft(f.unitA, "Nordwerk"));
        f.accounts.delete(f.kamA, a.id(), 1);
        assertThrows(NotFoundException.class, () -> f.accounts.get(f.admin, a.id()));
        assertEquals(1, f.events(AccountEvents.ACCOUNT_DELETED).size());
        assertNotEquals(0, countAudit(a.id()));
        List<AuditEntry> trail = f.audit.forAccount(f.viewerA, a.id(), 10, null).items();
        assertEquals(List.of("deleted", "created"), trail.stream().map(AuditEntry::action).toList());
        assertThrows(NotFoundException.class, () -> f.audit.forAccount(f.kamB, a.id(), 10, null));
    }

    private long countAudit(String accountId) {
        try (var c = dataSource().getConnection();
                var ps = c.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE account_id = ?")) {
            ps.setString(1, accountId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Job awaitJob(Job started) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Job job = f.jobs.get(f.kamA, started.id());
        while (!job.state().finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = f.jobs.get(f.kamA, started.id());
        }
        return job;
    }

    private AccountDraft withFigures(String unit, String name, KeyAccountTier tier, String country, String sales) {
        return new AccountDraft(unit, name, null, null, country, null, AccountStatus.ACTIVE, tier, f.kamA.userId(),
                sales == null ? null : new BigDecimal(sales), null, null, sales == null ? null : "EUR", Map.of());
    }

    @Test
    void forEachHandsOutEveryAccountOfTheQueryInItsOrder() {
        for (String name : List.of("Cedar", "Alder", "Birch")) {
            f.accounts.create(f.kamA, draft(f.unitA, name));
        }
        f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Aspen", null, null, null, null, null, null, null, null,
                null, null, null, null));
        List<String> seen = new ArrayList<>();
        f.accounts.forEach(f.kamA, query(f.unitA), a -> seen.add(a.name()));
        assertEquals(List.of("Alder", "Birch", "Cedar"), seen);
        // and the connection serves the next read as usual
        assertEquals(List.of("Alder", "Birch", "Cedar"), names(query(f.unitA)));
    }

    @Test
    void forEachInUnitHandsOutEveryAccountOfTheUnitOnceAndNothingOfAUnitTheCallerMayNotRead() {
        Set<String> inA = new HashSet<>();
        for (int i = 0; i < 25; i++) { // a commit each: a durable one on PostgreSQL takes a while
            inA.add(f.accounts.create(f.kamA, draft(f.unitA, "Unit account " + (i * 7 % 25))).id());
        }
        f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Aspen", null, null, null, null, null, null, null, null,
                null, null, null, null));
        List<Account> seen = new ArrayList<>();

        f.accounts.forEachInUnit(f.kamA, f.unitA, seen::add);

        assertEquals(inA.size(), seen.size());
        assertEquals(inA, seen.stream().map(Account::id).collect(Collectors.toSet()));
        Account any = seen.get(12);
        assertEquals(f.accounts.get(f.kamA, any.id()), any);
        List<Account> refused = new ArrayList<>();
        f.accounts.forEachInUnit(f.kamA, f.unitB, refused::add);
        assertEquals(List.of(), refused);
        f.accounts.forEachInUnit(f.admin, f.unitB, refused::add);
        assertEquals(List.of("Aspen"), refused.stream().map(Account::name).toList());
    }

    private static AccountQuery query(String unit) {
        return new AccountQuery(unit, null, null, null, null, null, AccountSort.NAME, false, 500, 0, null, false);
    }

    private List<String> names(AccountQuery q) {
        return f.accounts.find(f.kamA, q).items().stream().map(Account::name).toList();
    }
}
