package org.openkam.registry.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.Page;
import org.openkam.api.Role;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountTeamMember;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.account.Contact;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.Contacts;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.account.TeamFunction;
import org.openkam.api.account.TeamMemberDraft;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;

class DemoCatalogTest {

    private final DemoCatalog catalog = DemoCatalog.build();

    @Test
    void hasThreeValidUnitsTheFirstBeingIndustrial() {
        assertEquals(3, catalog.units().size());
        assertEquals(DemoCatalog.INDUSTRIAL, catalog.markerUnit());
        for (BusinessUnitDraft unit : catalog.units()) {
            assertTrue(unit.validate().isEmpty(), () -> unit.id() + ": " + unit.validate().list());
        }
    }

    @Test
    void hasAboutFiftyAccountsAtLeastTenPerUnit() {
        int count = catalog.accounts().size();
        assertTrue(count >= 45 && count <= 55, "accounts: " + count);
        Map<String, Long> perUnit = catalog.accounts().stream()
                .collect(Collectors.groupingBy(a -> a.draft().businessUnit(), Collectors.counting()));
        assertEquals(unitIds(), perUnit.keySet());
        perUnit.forEach((unit, n) -> assertTrue(n >= 10, unit + " has " + n + " accounts"));
    }

    @Test
    void everyAccountDraftValidates() {
        for (DemoAccount account : catalog.accounts()) {
            AccountDraft draft = account.draft().normalized();
            assertTrue(draft.validate().isEmpty(), () -> draft.name() + ": " + draft.validate().list());
            assertEquals(draft, account.draft(), "already normalized: " + draft.name());
        }
    }

    @Test
    void everyOwnerIsAnEditorOfTheAccountsUnit() {
        for (DemoAccount account : catalog.accounts()) {
            String unit = account.draft().businessUnit();
            UserDraft owner = catalog.user(account.ownerUsername())
                    .orElseThrow(() -> new AssertionError("unknown owner " + account.ownerUsername()));
            Set<Role> roles = owner.grants().getOrDefault(unit, Set.of());
            assertTrue(roles.contains(Role.KEY_ACCOUNT_MANAGER) || roles.contains(Role.BU_ADMIN),
                    () -> account.draft().name() + " owned by " + owner.username() + " with " + roles);
        }
    }

    @Test
    void aboutAThirdAreKeyOrStrategicInEveryUnit() {
        long key = catalog.accounts().stream().filter(a -> a.draft().tier() != KeyAccountTier.NONE).count();
        assertTrue(key >= catalog.accounts().size() / 4 && key <= catalog.accounts().size() / 2, "key: " + key);
        for (String unit : unitIds()) {
            assertTrue(catalog.accounts().stream().anyMatch(a -> a.draft().businessUnit().equals(unit)
                    && a.draft().tier() == KeyAccountTier.STRATEGIC), unit);
            assertTrue(catalog.accounts().stream().anyMatch(a -> a.draft().businessUnit().equals(unit)
                    && a.draft().tier() == KeyAccountTier.KEY), unit);
        }
    }

    @Test
    void figuresAreBelievable() {
        for (DemoAccount account : catalog.accounts()) {
            AccountDraft d = account.draft();
            assertTrue(d.annualSales().signum() > 0, d.name());
            BigDecimal marginShare = d.contributionMargin().divide(d.annualSales(), 4, RoundingMode.HALF_UP);
            assertTrue(marginShare.compareTo(new BigDecimal("0.08")) >= 0
                    && marginShare.compareTo(new BigDecimal("0.35")) <= 0, d.name() + " margin " + marginShare);
            BigDecimal potential = d.potential().divide(d.annualSales(), 4, RoundingMode.HALF_UP);
            assertTrue(potential.compareTo(BigDecimal.valueOf(2)) >= 0
                    && potential.compareTo(BigDecimal.valueOf(6)) <= 0, d.name() + " potential x" + potential);
            assertTrue(Set.of("EUR", "USD", "GBP").contains(d.currency()), d.name());
            assertTrue(Set.of("EMEA North", "EMEA South", "Americas", "APAC").contains(d.region()), d.name());
            assertTrue(d.attributes().containsKey("segment") && d.attributes().containsKey("erpId"), d.name());
        }
        assertTrue(catalog.accounts().stream().filter(a -> "EUR".equals(a.draft().currency())).count()
                > catalog.accounts().size() / 2, "mostly EUR");
        assertTrue(catalog.accounts().stream().map(a -> a.draft().country()).distinct().count() >= 10, "countries");
    }

    @Test
    void namesAndErpIdsAreUnique() {
        assertEquals(catalog.accounts().size(),
                catalog.accounts().stream().map(a -> a.draft().name()).distinct().count());
        assertEquals(catalog.accounts().size(),
                catalog.accounts().stream().map(a -> a.draft().attributes().get("erpId")).distinct().count());
    }

    @Test
    void everyContactValidatesAndEachAccountHasTwoToFour() {
        for (DemoAccount account : catalog.accounts()) {
            int n = account.contacts().size();
            assertTrue(n >= 2 && n <= 4, account.draft().name() + " has " + n + " contacts");
            Set<String> emails = new HashSet<>();
            for (ContactDraft contact : account.contacts()) {
                ContactDraft draft = contact.normalized();
                assertTrue(draft.validate().isEmpty(), () -> draft.email() + ": " + draft.validate().list());
                assertTrue(draft.email().endsWith(".example"), draft.email());
                assertTrue(draft.email().matches("[a-z0-9.]+@[a-z0-9-]+\\.example"), draft.email());
                assertTrue(emails.add(draft.email()), "duplicate " + draft.email());
            }
        }
    }

    @Test
    void everyUserValidatesIsUniqueAndUsesTheDemoPassword() {
        assertEquals("demo-password-2026", DemoCatalog.DEMO_PASSWORD);
        Set<String> usernames = new HashSet<>();
        for (UserDraft user : catalog.users()) {
            assertTrue(user.validate(true).isEmpty(), () -> user.username() + ": " + user.validate(true).list());
            assertTrue(usernames.add(user.username()), "duplicate " + user.username());
            assertEquals(DemoCatalog.DEMO_PASSWORD, user.password());
            assertTrue(user.enabled() && !user.admin(), user.username());
            assertTrue(unitIds().containsAll(user.grants().keySet()), user.username());
        }
        for (String unit : unitIds()) {
            for (String prefix : List.of("kam", "viewer", "buadmin", "sales")) {
                assertTrue(usernames.contains(prefix + "." + unit), prefix + "." + unit);
            }
        }
    }

    @Test
    void everyTeamHasOneResponsiblePerFunctionFromTheUnit() {
        for (DemoAccount account : catalog.accounts()) {
            String unit = account.draft().businessUnit();
            Map<TeamFunction, Long> responsible = account.team().stream().filter(DemoTeamMember::responsible)
                    .collect(Collectors.groupingBy(DemoTeamMember::function, Collectors.counting()));
            Set<TeamFunction> functions = account.team().stream().map(DemoTeamMember::function)
                    .collect(Collectors.toSet());
            for (TeamFunction function : functions) {
                assertEquals(1L, responsible.getOrDefault(function, 0L), account.draft().name() + " " + function);
            }
            assertTrue(functions.contains(TeamFunction.KEY_ACCOUNT_MANAGER), account.draft().name());
            assertTrue(account.team().stream().anyMatch(m -> m.function() == TeamFunction.KEY_ACCOUNT_MANAGER
                    && m.username().equals(account.ownerUsername())), account.draft().name());
            if (account.draft().tier() != KeyAccountTier.NONE) {
                assertTrue(functions.contains(TeamFunction.SALES), account.draft().name());
            }
            for (DemoTeamMember member : account.team()) {
                assertTrue(member.draftFor("some-id").validate().isEmpty());
                UserDraft user = catalog.user(member.username())
                        .orElseThrow(() -> new AssertionError("unknown team member " + member.username()));
                assertTrue(user.grants().containsKey(unit), member.username() + " in " + unit);
            }
        }
    }

    @Test
    void isDeterministic() {
        assertEquals(catalog, DemoCatalog.build());
        assertEquals(catalog.toString(), DemoCatalog.build().toString());
    }

    @Test
    void draftForReplacesTheOwnerUsernameWithTheId() {
        DemoAccount account = catalog.accounts().get(0);
        AccountDraft draft = account.draftFor(Map.of(account.ownerUsername(), "id-42"));
        assertEquals("id-42", draft.owner());
        assertEquals(account.draft().name(), draft.name());
        assertEquals(account.draft().attributes(), draft.attributes());
    }

    @Test
    void asciiAndSlugFoldAccents() {
        assertEquals("Wisla Mecanique Sao Paulo Grunhof", DemoCatalog.ascii("Wisła Mécanique São Paulo Grünhof"));
        assertEquals("norrland-kraft-process", DemoCatalog.slug("Norrland Kraft & Process"));
    }

    /** Loading through in-memory services: what {@link DemoData} creates and as whom. */
    @Nested
    class Loading {

        private final FakeUnits units = new FakeUnits();
        private final FakeUsers users = new FakeUsers();
        private final FakeAccounts accounts = new FakeAccounts();
        private final FakeContacts contacts = new FakeContacts();
        private final FakeTeams teams = new FakeTeams();
        private final DemoData demo = new DemoData(units, users, accounts, contacts, teams);

        @Test
        void loadsEverythingOnceAsTheAdminUser() {
            DemoData.Loaded loaded = demo.loadIfAbsent(catalog).orElseThrow();
            int contactCount = catalog.accounts().stream().mapToInt(a -> a.contacts().size()).sum();
            int memberCount = catalog.accounts().stream().mapToInt(a -> a.team().size()).sum();
            assertEquals(new DemoData.Loaded(3, catalog.users().size(), catalog.accounts().size(), contactCount,
                    memberCount, 0), loaded);
            assertEquals(Set.of("admin-id"), allActors(), "every change made as the admin user");
            for (Account account : accounts.created) {
                User owner = users.byId(account.owner());
                assertEquals("kam." + account.businessUnit(), owner.username(), account.name());
            }
            for (AccountTeamMember member : teams.added) {
                assertTrue(users.byId(member.userId()) != null, member.userId());
            }

            assertEquals(Optional.empty(), demo.loadIfAbsent(catalog), "second start loads nothing");
            assertEquals(catalog.accounts().size(), accounts.created.size());
        }

        @Test
        void fallsBackToASystemCallerWithoutAnAdminUser() {
            users.stored.clear();
            assertTrue(demo.loadIfAbsent(catalog).isPresent());
            assertEquals(Set.of("system"), allActors());
        }

        @Test
        void aFailingAccountIsSkippedAndTheRestLoads() {
            accounts.failOn = catalog.accounts().get(3).draft().name();
            DemoData.Loaded loaded = demo.loadIfAbsent(catalog).orElseThrow();
            assertEquals(1, loaded.failedAccounts());
            assertEquals(catalog.accounts().size() - 1, loaded.accounts());
        }

        @Test
        void aFailingServiceNeverEscapes() {
            units.broken = true;
            assertEquals(Optional.empty(), demo.loadIfAbsent(catalog));
            assertTrue(accounts.created.isEmpty());
        }

        private Set<String> allActors() {
            Set<String> actors = new HashSet<>();
            actors.addAll(units.actors);
            actors.addAll(users.actors);
            actors.addAll(accounts.actors);
            actors.addAll(contacts.actors);
            actors.addAll(teams.actors);
            return actors;
        }
    }

    private Set<String> unitIds() {
        return catalog.units().stream().map(BusinessUnitDraft::id).collect(Collectors.toSet());
    }

    // ---- in-memory services: only what DemoData calls ----

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final class FakeUnits implements BusinessUnits {
        final List<BusinessUnit> stored = new ArrayList<>();
        final Set<String> actors = new HashSet<>();
        boolean broken;

        @Override
        public List<BusinessUnit> list(Caller caller) {
            if (broken) {
                throw new IllegalStateException("database down");
            }
            return List.copyOf(stored);
        }

        @Override
        public BusinessUnit get(Caller caller, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BusinessUnit create(Caller caller, BusinessUnitDraft draft) {
            actors.add(caller.userId());
            BusinessUnit unit = new BusinessUnit(draft.id(), draft.name(), draft.description(), 1, NOW, NOW);
            stored.add(unit);
            return unit;
        }

        @Override
        public BusinessUnit update(Caller caller, String id, long expectedVersion, BusinessUnitDraft draft) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FakeUsers implements Users {
        final List<User> stored = new ArrayList<>(List.of(
                new User("admin-id", "admin", "Administrator", null, true, true, Map.of(), 1, NOW, NOW)));
        final Set<String> actors = new HashSet<>();

        User byId(String id) {
            return stored.stream().filter(u -> u.id().equals(id)).findFirst().orElse(null);
        }

        @Override
        public List<User> list(Caller caller) {
            return List.copyOf(stored);
        }

        @Override
        public User get(Caller caller, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public User create(Caller caller, UserDraft draft) {
            actors.add(caller.userId());
            User user = new User("user-" + stored.size(), draft.username(), draft.displayName(), draft.email(),
                    draft.admin(), draft.enabled(), draft.grants(), 1, NOW, NOW);
            stored.add(user);
            return user;
        }

        @Override
        public User update(Caller caller, String id, long expectedVersion, UserDraft draft) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FakeAccounts implements AccountRegistry {
        final List<Account> created = new ArrayList<>();
        final Set<String> actors = new HashSet<>();
        String failOn;

        @Override
        public Account create(Caller caller, AccountDraft draft) {
            actors.add(caller.userId());
            if (draft.name().equals(failOn)) {
                throw new IllegalArgumentException("refused " + failOn);
            }
            AccountDraft d = draft.normalized();
            if (!d.validate().isEmpty()) {
                fail(d.validate().list().toString());
            }
            Account account = new Account("account-" + created.size(), d.businessUnit(), d.name(), d.legalName(),
                    d.industry(), d.country(), d.region(), d.status(), d.tier(), d.owner(), d.annualSales(),
                    d.contributionMargin(), d.potential(), d.currency(), d.attributes(), 1, NOW, NOW);
            created.add(account);
            return account;
        }

        @Override
        public Account get(Caller caller, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Account update(Caller caller, String id, long expectedVersion, AccountDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(Caller caller, String id, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Account> find(Caller caller, AccountQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEach(Caller caller, AccountQuery query, Consumer<Account> consumer) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FakeContacts implements Contacts {
        final Set<String> actors = new HashSet<>();
        int count;

        @Override
        public List<Contact> list(Caller caller, String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Contact get(Caller caller, String accountId, String contactId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Contact create(Caller caller, String accountId, ContactDraft draft) {
            actors.add(caller.userId());
            return new Contact("contact-" + count++, accountId, draft.firstName(), draft.lastName(), draft.jobTitle(),
                    draft.email(), draft.phone(), 1, NOW, NOW);
        }

        @Override
        public Contact update(Caller caller, String accountId, String contactId, long expectedVersion,
                ContactDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(Caller caller, String accountId, String contactId, long expectedVersion) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FakeTeams implements AccountTeams {
        final List<AccountTeamMember> added = new ArrayList<>();
        final Set<String> actors = new HashSet<>();

        @Override
        public List<AccountTeamMember> list(Caller caller, String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccountTeamMember add(Caller caller, String accountId, TeamMemberDraft draft) {
            actors.add(caller.userId());
            if (!draft.validate().isEmpty()) {
                fail(draft.validate().list().toString());
            }
            AccountTeamMember member = new AccountTeamMember("member-" + added.size(), accountId, draft.userId(),
                    draft.function(), draft.responsible(), 1, NOW, NOW);
            added.add(member);
            return member;
        }

        @Override
        public AccountTeamMember update(Caller caller, String accountId, String memberId, long expectedVersion,
                TeamMemberDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(Caller caller, String accountId, String memberId, long expectedVersion) {
            throw new UnsupportedOperationException();
        }
    }
}
