package org.openkam.registry.internal.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.Contacts;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.FollowUpDraft;
import org.openkam.api.engagement.FollowUps;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.PipelineStage;
import org.openkam.api.plan.AccountPlans;
import org.openkam.registry.internal.security.InitialAdmin;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the {@link DemoCatalog} through the public services when the framework property
 * {@value #PROPERTY} is {@code true} ({@code bin/openkam --demo}) and the catalog's first business unit
 * does not exist yet, so it runs on the first start only. Everything is created as the {@code admin}
 * user, so the audit trail names a real actor. A failing load is logged and never stops the platform.
 */
@Component(immediate = true)
public final class DemoData {

    /** The framework property that turns the demo data set on. */
    public static final String PROPERTY = "openkam.demo";
    /** The username whose id the demo data is created under, if that user exists. */
    public static final String ADMIN_USERNAME = "admin";
    private static final Caller SYSTEM = new Caller("system", "system", true, Map.of());
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /**
     * What one load created.
     *
     * @param failedAccounts accounts that failed, in part or whole, and were skipped
     */
    record Loaded(int units, int users, int accounts, int contacts, int teamMembers, int failedAccounts) {
    }

    /** The key account work of a key account: plan, opportunities, follow-ups, activities. */
    record Process(AccountPlans plans, Opportunities opportunities, FollowUps followUps, Activities activities) {
    }

    private final BusinessUnits units;
    private final Users users;
    private final AccountRegistry accounts;
    private final Contacts contacts;
    private final AccountTeams teams;
    private final Process process;

    /** Waits for {@code initialAdmin}: the first start must create {@code admin} before demo users exist. */
    @Activate
    public DemoData(@Reference BusinessUnits units, @Reference Users users, @Reference AccountRegistry accounts,
            @Reference Contacts contacts, @Reference AccountTeams teams, @Reference AccountPlans plans,
            @Reference Opportunities opportunities, @Reference FollowUps followUps, @Reference Activities activities,
            @Reference InitialAdmin initialAdmin, BundleContext context) {
        this(units, users, accounts, contacts, teams, new Process(plans, opportunities, followUps, activities));
        if (Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            loadIfAbsent(DemoCatalog.build());
        }
    }

    /** Without the framework, for tests: loads nothing until {@link #loadIfAbsent} is called. */
    DemoData(BusinessUnits units, Users users, AccountRegistry accounts, Contacts contacts, AccountTeams teams,
            Process process) {
        this.process = process;
        this.units = units;
        this.users = users;
        this.accounts = accounts;
        this.contacts = contacts;
        this.teams = teams;
    }

    /**
     * Loads the catalog unless its marker unit exists. Never throws: a failure is logged.
     *
     * @return what was created, empty if nothing was loaded or the load failed
     */
    Optional<Loaded> loadIfAbsent(DemoCatalog catalog) {
        try {
            Caller caller = caller();
            if (unitIds(caller).contains(catalog.markerUnit())) {
                LOG.info("Demo data already present (business unit '{}' exists); nothing loaded",
                        catalog.markerUnit());
                return Optional.empty();
            }
            long start = System.nanoTime();
            Loaded loaded = load(catalog, caller);
            LOG.info("Demo data loaded in {} ms: {} business units, {} users, {} accounts with {} contacts and {} "
                    + "team members; demo users (e.g. {}) sign in with password '{}'",
                    (System.nanoTime() - start) / 1_000_000, loaded.units(), loaded.users(), loaded.accounts(),
                    loaded.contacts(), loaded.teamMembers(),
                    DemoCatalog.Post.KEY_ACCOUNT_MANAGER.username(catalog.markerUnit()), DemoCatalog.DEMO_PASSWORD);
            if (loaded.failedAccounts() > 0) {
                LOG.warn("{} demo accounts failed to load and were skipped", loaded.failedAccounts());
            }
            return Optional.of(loaded);
        } catch (RuntimeException e) {
            LOG.error("Demo data could not be loaded; OpenKAM runs on without it", e);
            return Optional.empty();
        }
    }

    /**
     * Creates the contacts boss first, so reporting lines can name them: finance heads the buying center
     * (the buyer where finance is not among the contacts), the buyer and the main user report to finance,
     * the champion to the buyer. The key account manager owns the relationships with the buyer and
     * finance. Returns the ids in catalog order.
     */
    private List<String> createContacts(Caller caller, Account account, List<ContactDraft> drafts) {
        String[] ids = new String[drafts.size()];
        boolean finance = drafts.size() > 2;
        int[] reportsTo = {finance ? 2 : -1, finance ? 2 : 0, -1, 0};
        for (int position : new int[] {2, 0, 1, 3}) {
            if (position >= drafts.size()) {
                continue;
            }
            ContactDraft d = drafts.get(position);
            String boss = reportsTo[position] < 0 ? null : ids[reportsTo[position]];
            String owner = position == 0 || position == 2 ? account.owner() : null;
            ids[position] = contacts.create(caller, account.id(), new ContactDraft(d.firstName(), d.lastName(),
                    d.jobTitle(), d.email(), d.phone(), d.roles(), d.attitude(), d.influence(), boss, owner,
                    d.relationshipStrength())).id();
        }
        return List.of(ids);
    }

    private void loadProcess(Caller caller, Account account, DemoProcess work) {
        process.plans().create(caller, account.id(), work.plan());
        String firstOpportunity = null;
        for (OpportunityDraft o : work.opportunities()) {
            String id = process.opportunities().create(caller, account.id(), o).id();
            firstOpportunity = firstOpportunity == null ? id : firstOpportunity;
        }
        for (FollowUpDraft f : work.followUps(firstOpportunity)) {
            process.followUps().create(caller, account.id(), f);
        }
        for (ActivityDraft a : work.activities()) {
            process.activities().create(caller, account.id(), a);
        }
    }

    /** The {@code admin} user as a global administrator, or a system caller if there is none. */
    private Caller caller() {
        try {
            return users.list(SYSTEM).stream().filter(u -> u.username().equals(ADMIN_USERNAME)).findFirst()
                    .map(u -> new Caller(u.id(), u.username(), true, Map.of())).orElse(SYSTEM);
        } catch (RuntimeException e) {
            LOG.warn("Cannot look up the '{}' user; loading demo data as 'system'", ADMIN_USERNAME, e);
            return SYSTEM;
        }
    }

    private Set<String> unitIds(Caller caller) {
        return units.list(caller).stream().map(BusinessUnit::id).collect(Collectors.toSet());
    }

    /** Units and users first (an existing one is kept), then each account with its contacts and team. */
    private Loaded load(DemoCatalog catalog, Caller caller) {
        Set<String> existingUnits = unitIds(caller);
        int unitsCreated = 0;
        for (BusinessUnitDraft unit : catalog.units()) {
            if (!existingUnits.contains(unit.id())) {
                units.create(caller, unit);
                unitsCreated++;
            }
        }
        Map<String, String> userIds = new HashMap<>();
        for (User user : users.list(caller)) {
            userIds.put(user.username(), user.id());
        }
        int usersCreated = 0;
        for (UserDraft user : catalog.users()) {
            if (!userIds.containsKey(user.username())) {
                userIds.put(user.username(), users.create(caller, user).id());
                usersCreated++;
            }
        }
        int accountsCreated = 0;
        int contactsCreated = 0;
        int membersAdded = 0;
        int failed = 0;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> stages = process.opportunities().stages().stream().map(PipelineStage::id).toList();
        for (int number = 0; number < catalog.accounts().size(); number++) {
            DemoAccount demo = catalog.accounts().get(number);
            try {
                Account account = accounts.create(caller, demo.draftFor(userIds));
                accountsCreated++;
                for (DemoTeamMember member : demo.team()) {
                    teams.add(caller, account.id(), member.draftFor(userIds.get(member.username())));
                    membersAdded++;
                }
                List<String> contactIds = createContacts(caller, account, demo.contacts());
                contactsCreated += contactIds.size();
                if (account.tier() != KeyAccountTier.NONE) {
                    String unit = account.businessUnit();
                    loadProcess(caller, account, new DemoProcess(demo, number, today, account.owner(),
                            userIds.get(DemoCatalog.Post.SALES.username(unit)), contactIds, stages));
                }
            } catch (RuntimeException e) {
                failed++;
                if (failed == 1) {
                    LOG.warn("Demo account '{}' failed to load", demo.draft().name(), e);
                } else {
                    LOG.warn("Demo account '{}' failed to load: {}", demo.draft().name(), e.toString());
                }
            }
        }
        return new Loaded(unitsCreated, usersCreated, accountsCreated, contactsCreated, membersAdded, failed);
    }
}
