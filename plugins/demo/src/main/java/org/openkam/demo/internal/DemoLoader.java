package org.openkam.demo.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.Contacts;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.FollowUpDraft;
import org.openkam.api.engagement.FollowUps;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.PipelineStage;
import org.openkam.api.plan.AccountPlans;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the {@link DemoCatalog} through the public services when the framework property {@value #PROPERTY}
 * is {@code true} ({@code bin/openkam --demo}) and the catalog's first business unit does not exist yet, so
 * it loads on the first start only. It loads in the background once the framework has started (its users' password
 * hashes took the two cores of a small machine from the start; the node serves meanwhile) and logs its end:
 * {@code Demo data loaded in ... ms}, {@code Demo data already present} or {@code Demo data could not be
 * loaded}. Everything is created as the {@code admin} user, so the audit trail names a real actor. A failing
 * load is logged and never stops the platform.
 */
@Component(immediate = true)
public final class DemoLoader {

    /** The framework property that turns the demo data set on. */
    public static final String PROPERTY = "openkam.demo";
    /** The username whose id the demo data is created under, if that user exists. */
    public static final String ADMIN_USERNAME = "admin";
    /** Acts where there is no {@code admin}, and looks {@code admin} up. */
    static final Caller SYSTEM = new Caller("openkam-demo", "openkam-demo", true, Map.of());
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    /**
     * What one load created.
     *
     * @param usersMillis how long creating the users took: the registry hashes each password, which is most
     *            of a load's time
     * @param failedAccounts accounts that failed, in part or whole, and were skipped
     * @param skippedAccounts accounts not loaded because the component stopped meanwhile
     */
    record Loaded(int units, int users, long usersMillis, int accounts, int contacts, int teamMembers,
            int failedAccounts, int skippedAccounts) {
    }

    /** The API services the demo writes through. */
    record Services(BusinessUnits units, Users users, AccountRegistry accounts, Contacts contacts,
            AccountTeams teams, AccountPlans plans, Opportunities opportunities, FollowUps followUps,
            Activities activities) {
    }

    /** What loading one account created; {@code failed} if it stopped part way. */
    private record AccountLoad(boolean created, int contacts, int teamMembers, boolean failed) {
    }

    private final Services services;
    /** Users and accounts load on this many threads: hashing a password is CPU work, an account a few dozen commits. */
    private final int parallelism;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean stopping;
    private final FrameworkStart frameworkStart;
    private final Thread loading;

    /**
     * Needs {@code Users}, which the registry offers only once the first start created {@code admin}: demo
     * users created before it would stop that from happening.
     */
    @Activate
    public DemoLoader(@Reference BusinessUnits units, @Reference Users users, @Reference AccountRegistry accounts,
            @Reference Contacts contacts, @Reference AccountTeams teams, @Reference AccountPlans plans,
            @Reference Opportunities opportunities, @Reference FollowUps followUps,
            @Reference Activities activities, BundleContext context) {
        this.services = new Services(units, users, accounts, contacts, teams, plans, opportunities, followUps,
                activities);
        this.parallelism = defaultParallelism();
        if (Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            frameworkStart = new FrameworkStart(context);
            loading = new Thread(this::loadOnceStarted, "openkam-demo");
            loading.start();
        } else {
            frameworkStart = null;
            loading = null;
        }
    }

    /** Without the framework, for tests: loads nothing until {@link #loadIfAbsent} is called. */
    DemoLoader(Services services, int parallelism) {
        this.services = services;
        this.parallelism = parallelism;
        this.frameworkStart = null;
        this.loading = null;
    }

    /**
     * Lets a running load stop after the accounts in flight (no interrupt: it could close the database's
     * files under a write) and waits a little for it.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        if (loading != null) {
            frameworkStart.release();
            loading.join(10_000);
        }
    }

    private void loadOnceStarted() {
        try {
            frameworkStart.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!stopping) {
            loadIfAbsent(DemoCatalog.build());
        }
    }

    private static int defaultParallelism() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Loads the catalog unless its marker unit exists. Never throws: a failure is logged.
     *
     * @return what was created, empty if nothing was loaded or the load failed
     */
    Optional<Loaded> loadIfAbsent(DemoCatalog catalog) {
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, workerThreads());
        try {
            Caller caller = caller();
            if (unitIds(caller).contains(catalog.markerUnit())) {
                LOG.info("Demo data already present (business unit '{}' exists); nothing loaded",
                        catalog.markerUnit());
                return Optional.empty();
            }
            long start = System.nanoTime();
            Loaded loaded = load(catalog, caller, workers);
            LOG.info("Demo data loaded in {} ms ({} ms of it for the users): {} business units, {} users, {} accounts "
                    + "with {} contacts and {} team members; demo users (e.g. {}) sign in with password '{}'",
                    (System.nanoTime() - start) / 1_000_000, loaded.usersMillis(), loaded.units(), loaded.users(),
                    loaded.accounts(), loaded.contacts(), loaded.teamMembers(),
                    DemoCatalog.Post.KEY_ACCOUNT_MANAGER.username(catalog.markerUnit()), DemoCatalog.DEMO_PASSWORD);
            if (loaded.failedAccounts() > 0) {
                LOG.warn("{} demo accounts failed to load and were skipped", loaded.failedAccounts());
            }
            if (loaded.skippedAccounts() > 0) {
                LOG.warn("{} demo accounts were not loaded as OpenKAM stopped meanwhile; the demo data stays "
                        + "incomplete", loaded.skippedAccounts());
            }
            return Optional.of(loaded);
        } catch (RuntimeException e) {
            LOG.error("Demo data could not be loaded; OpenKAM runs on without it", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Demo data could not be loaded: interrupted; OpenKAM runs on without it");
            return Optional.empty();
        } finally {
            workers.shutdown();
        }
    }

    /** Units first, then the users in parallel (each password hash takes a while), then the accounts in parallel. */
    private Loaded load(DemoCatalog catalog, Caller caller, ExecutorService workers) throws InterruptedException {
        Set<String> existingUnits = unitIds(caller);
        int unitsCreated = 0;
        for (BusinessUnitDraft unit : catalog.units()) {
            if (!existingUnits.contains(unit.id())) {
                services.units().create(caller, unit);
                unitsCreated++;
            }
        }
        // a user of a demo username that exists already is kept as it is
        Map<String, String> userIds = new HashMap<>();
        for (User user : services.users().list(caller)) {
            userIds.put(user.username(), user.id());
        }
        List<Callable<User>> newUsers = new ArrayList<>();
        for (UserDraft user : catalog.users()) {
            if (!userIds.containsKey(user.username())) {
                newUsers.add(() -> services.users().create(caller, user));
            }
        }
        long usersStart = System.nanoTime();
        for (Future<User> created : workers.invokeAll(newUsers)) {
            User user = join(created);
            userIds.put(user.username(), user.id());
        }
        long usersMillis = (System.nanoTime() - usersStart) / 1_000_000;
        Map<String, String> ids = Map.copyOf(userIds);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> stages = services.opportunities().stages().stream().map(PipelineStage::id).toList();
        List<Callable<AccountLoad>> accountLoads = new ArrayList<>();
        for (int number = 0; number < catalog.accounts().size(); number++) {
            int n = number;
            accountLoads.add(() -> loadAccount(caller, catalog.accounts().get(n), n, ids, today, stages));
        }
        int accounts = 0;
        int contacts = 0;
        int members = 0;
        int failed = 0;
        int skipped = 0;
        for (Future<AccountLoad> f : workers.invokeAll(accountLoads)) {
            AccountLoad a = join(f);
            if (a == null) {
                skipped++;
                continue;
            }
            accounts += a.created() ? 1 : 0;
            contacts += a.contacts();
            members += a.teamMembers();
            failed += a.failed() ? 1 : 0;
        }
        return new Loaded(unitsCreated, newUsers.size(), usersMillis, accounts, contacts, members, failed, skipped);
    }

    /**
     * One account with its team, contacts and, for key accounts, its key account work; {@code null} if the
     * load is stopping.
     */
    private AccountLoad loadAccount(Caller caller, DemoAccount demo, int number, Map<String, String> userIds,
            LocalDate today, List<String> stages) {
        if (stopping) {
            return null;
        }
        Account account;
        try {
            account = services.accounts().create(caller, demo.draftFor(userIds));
        } catch (RuntimeException e) {
            logFailure(demo, e);
            return new AccountLoad(false, 0, 0, true);
        }
        int contacts = 0;
        int members = 0;
        try {
            for (DemoTeamMember member : demo.team()) {
                services.teams().add(caller, account.id(), member.draftFor(userIds.get(member.username())));
                members++;
            }
            List<String> contactIds = createContacts(caller, account, demo.contacts());
            contacts = contactIds.size();
            if (account.tier() != KeyAccountTier.NONE) {
                String unit = account.businessUnit();
                loadProcess(caller, account, new DemoProcess(demo, number, today, account.owner(),
                        userIds.get(DemoCatalog.Post.SALES.username(unit)), contactIds, stages));
            }
            return new AccountLoad(true, contacts, members, false);
        } catch (RuntimeException e) {
            logFailure(demo, e);
            return new AccountLoad(true, contacts, members, true);
        }
    }

    /** The first failure with its stack trace, the others in one line each. */
    private void logFailure(DemoAccount demo, RuntimeException e) {
        if (failures.incrementAndGet() == 1) {
            LOG.warn("Demo account '{}' failed to load", demo.draft().name(), e);
        } else {
            LOG.warn("Demo account '{}' failed to load: {}", demo.draft().name(), e.toString());
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
            ids[position] = services.contacts().create(caller, account.id(), new ContactDraft(d.firstName(),
                    d.lastName(), d.jobTitle(), d.email(), d.phone(), d.roles(), d.attitude(), d.influence(), boss,
                    owner, d.relationshipStrength())).id();
        }
        return List.of(ids);
    }

    private void loadProcess(Caller caller, Account account, DemoProcess work) {
        services.plans().create(caller, account.id(), work.plan());
        String firstOpportunity = null;
        for (OpportunityDraft o : work.opportunities()) {
            String id = services.opportunities().create(caller, account.id(), o).id();
            firstOpportunity = firstOpportunity == null ? id : firstOpportunity;
        }
        for (FollowUpDraft f : work.followUps(firstOpportunity)) {
            services.followUps().create(caller, account.id(), f);
        }
        for (ActivityDraft a : work.activities()) {
            services.activities().create(caller, account.id(), a);
        }
    }

    /** The {@code admin} user as a global administrator, or {@link #SYSTEM} if there is none. */
    private Caller caller() {
        return services.users().list(SYSTEM).stream().filter(u -> u.username().equals(ADMIN_USERNAME))
                .findFirst().map(u -> new Caller(u.id(), u.username(), true, Map.of())).orElse(SYSTEM);
    }

    private Set<String> unitIds(Caller caller) {
        return services.units().list(caller).stream().map(BusinessUnit::id).collect(Collectors.toSet());
    }

    /** The task's result; its failure rethrown as it was thrown. */
    private static <T> T join(Future<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "openkam-demo-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
