package org.openkam.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openkam.api.Role;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.account.TeamFunction;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.UserDraft;

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

    private Set<String> unitIds() {
        return catalog.units().stream().map(BusinessUnitDraft::id).collect(Collectors.toSet());
    }
}
