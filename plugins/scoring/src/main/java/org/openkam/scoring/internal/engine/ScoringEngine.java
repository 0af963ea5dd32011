package org.openkam.scoring.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountSort;
import org.openkam.api.engagement.Activities;
import org.openkam.api.job.Job;
import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.api.job.JobWorker;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.plan.AccountPlans;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ModelState;
import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.scoring.PortfolioContext;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.Scoring;
import org.openkam.api.scoring.ScoringModel;
import org.openkam.scoring.internal.store.CurrentScore;
import org.openkam.scoring.internal.store.ModelHealthRecord;
import org.openkam.scoring.internal.store.ModelHealthStore;
import org.openkam.scoring.internal.store.Placement;
import org.openkam.scoring.internal.store.ScoreStore;
import org.openkam.scoring.internal.store.StoredScore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the models enabled for a business unit over the unit's accounts and stores what they say. Full runs are
 * jobs; changed accounts are rescored shortly after the change. A unit that a model enabled for it never scored in
 * a full run (a new unit, a newly enabled model, a new model version) gets a full run of its own once its accounts
 * stopped changing ({@link FirstRuns}). Each account's facts ({@link Facts}) are read once per pass and given to
 * every model. Every model call runs under a time budget off the engine thread ({@link GuardedCalls}: a page's calls
 * of one model run in turn on one thread, each with its own budget); failing models are quarantined
 * ({@link ModelHealth}) while the others carry on. Runs and rescorings after changes take turns on one engine thread,
 * which never runs model code.
 */
@Component(service = {Scoring.class, ScoringEngine.class}, configurationPid = ScoringEngine.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = ScoringEngine.Config.class)
public final class ScoringEngine implements Scoring {

    public static final String PID = "org.openkam.scoring.engine";
    public static final String JOB_TYPE = "scoring-run";
    /** The engine reads accounts as a system administrator; what it stores is scoped again when read. */
    static final Caller SYSTEM = new Caller("openkam-scoring", "openkam-scoring", true, Map.of());
    /** Most problems reported per model and run; the summary counts them all. */
    static final int PROBLEMS_PER_MODEL = 20;
    /** Contributions and measures a score may carry; more is a model error, not an explanation. */
    static final int MAX_FACTORS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ScoringEngine.class);

    @ObjectClassDefinition(name = "OpenKAM scoring engine", description = "Time budget and quarantine of scoring "
            + "models, and rescoring after changes")
    public @interface Config {

        @AttributeDefinition(name = "Time budget per call (ms)", description = "A model call that takes longer is "
                + "abandoned and the model quarantined", min = "10")
        long budget_millis() default 2000;

        @AttributeDefinition(name = "Failures before quarantine", description = "Calls in a row that may fail "
                + "(throw or return an invalid score) before the model is quarantined", min = "1")
        int quarantine_failures() default 3;

        @AttributeDefinition(name = "Rescore changed accounts", description = "Rescore an account shortly after it "
                + "was created or changed")
        boolean rescore_changes() default true;

        @AttributeDefinition(name = "Change delay (ms)", description = "Changes within this time are rescored "
                + "together", min = "0")
        long change_delay_millis() default 500;

        @AttributeDefinition(name = "First runs", description = "Score a unit in full by itself when a model "
                + "enabled for it never scored it in a run: a new unit, a newly enabled model, a new model version")
        boolean first_run() default true;

        @AttributeDefinition(name = "Quiet time before a first run (ms)", description = "A first run waits until "
                + "the unit's accounts, plans, opportunities and activities did not change for this long, so a bulk "
                + "load is scored as a whole", min = "0")
        long first_run_quiet_millis() default 2000;
    }

    private final AccountRegistry registry;
    private final ExchangeRates rates;
    private final AccountWork.Sources work;
    private final BusinessUnits units;
    private final JobTracker jobs;
    private final ScoreStore scores;
    private final StoreBehind storing;
    private final ModelHealth health;
    private final GuardedCalls calls = new GuardedCalls();
    private final ModelCatalog catalog;
    private final Duration budget;
    private final boolean rescoreChanges;
    private final long changeDelayMillis;
    private final boolean firstRun;
    private final long firstRunQuietMillis;
    private final FirstRuns firstRuns;
    private final JobWorker engine = new JobWorker("openkam-scoring");
    /** Full runs not finished yet, by unit, on this node. */
    private final Map<String, Job> runs = new ConcurrentHashMap<>();
    /** Units an import changed while their run was under way: each gets one more full run after it. */
    private final Set<String> rerun = ConcurrentHashMap.newKeySet();
    /** Changed accounts waiting to be rescored: account id to its unit. */
    private final Map<String, String> changed = new ConcurrentHashMap<>();
    private boolean drainScheduled;
    /** Units to check for a first run ({@code *}: every unit). */
    private final Set<String> firstRunUnits = ConcurrentHashMap.newKeySet();
    private boolean firstRunsScheduled;

    @Activate
    public ScoringEngine(@Reference Database database, @Reference AccountRegistry registry,
            @Reference BusinessUnits units, @Reference JobTracker jobs, @Reference AccountPlans plans,
            @Reference Opportunities opportunities, @Reference Activities activities, @Reference ExchangeRates rates,
            Config config) {
        database.migrate(ScoringEngine.class);
        this.registry = registry;
        this.rates = rates;
        this.work = new AccountWork.Sources(plans, opportunities, activities);
        this.units = units;
        this.jobs = jobs;
        this.scores = new ScoreStore(database);
        this.storing = new StoreBehind(scores);
        this.health = new ModelHealth(new ModelHealthStore(database), config.quarantine_failures());
        this.budget = Duration.ofMillis(config.budget_millis());
        this.catalog = new ModelCatalog(calls, budget);
        this.rescoreChanges = config.rescore_changes();
        this.changeDelayMillis = config.change_delay_millis();
        this.firstRun = config.first_run();
        this.firstRunQuietMillis = config.first_run_quiet_millis();
        this.firstRuns = new FirstRuns(firstRunQuietMillis, System::nanoTime);
        health.refresh();
    }

    @Reference(service = ScoringModel.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addModel(ScoringModel model, Map<String, Object> properties) {
        InstalledModel m = catalog.put(model, properties);
        if (m.defect() != null) {
            LOG.warn("Scoring model service {} cannot be used: {}", m.serviceId(), m.defect());
        } else {
            LOG.info("Scoring model {} {} installed, {} {}", m.id(), m.version(),
                    m.switchedOn() ? "enabled for" : "switched off for", m.units());
            requestFirstRuns(m.units());
        }
    }

    void updatedModel(ScoringModel model, Map<String, Object> properties) {
        InstalledModel m = catalog.put(model, properties);
        if (m.defect() == null) {
            requestFirstRuns(m.units());
        }
    }

    void removeModel(ScoringModel model, Map<String, Object> properties) {
        catalog.remove(properties);
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (!engine.stop(10_000)) {
            LOG.warn("A scoring run did not reach a safe point within 10 s of the shutdown; it ends with the database");
        }
        calls.close();
        storing.close();
        // runs still queued never started
        runs.values().forEach(job -> jobs.finish(job.id(), JobState.INTERRUPTED, 0, -1, List.of(),
                "The scoring engine stopped before the run started; start it again."));
        runs.clear();
    }

    // ---- Scoring service -------------------------------------------------------------------------------------

    @Override
    public List<ModelStatus> models(Caller caller) {
        health.refresh();
        List<ModelStatus> out = new ArrayList<>();
        catalog.byId().forEach((id, instances) -> out.add(status(caller, id, instances)));
        return out;
    }

    @Override
    public ModelStatus model(Caller caller, String modelId) {
        health.refresh();
        List<InstalledModel> instances = catalog.byId().get(modelId);
        if (instances == null) {
            throw new NotFoundException("scoring model", modelId);
        }
        return status(caller, modelId, instances);
    }

    /**
     * Whether the model scores each unit the caller may read, and {@code *} (every unit without an instance of its
     * own) first; see {@link Switch}.
     */
    public List<Switch> switches(Caller caller, String modelId) {
        if (!catalog.installed(modelId)) {
            throw new NotFoundException("scoring model", modelId);
        }
        List<Switch> out = new ArrayList<>();
        out.add(catalog.switchOf(modelId, ScoringModel.EVERY_UNIT));
        units.list(caller).forEach(u -> out.add(catalog.switchOf(modelId, u.id())));
        return out;
    }

    /** The description of the model's instance that scores the unit (its parameters for the unit), if one does. */
    public java.util.Optional<ModelDescription> descriptionFor(String unit, String modelId) {
        return catalog.enabledFor(unit).stream().filter(m -> m.id().equals(modelId)).findFirst()
                .map(InstalledModel::description);
    }

    /** The service ids of the installed instances of a model; empty if it is not installed. */
    public List<Long> instances(String modelId) {
        return catalog.byId().getOrDefault(modelId, List.of()).stream().map(InstalledModel::serviceId).toList();
    }

    private ModelStatus status(Caller caller, String id, List<InstalledModel> instances) {
        InstalledModel first = instances.get(0);
        ModelDescription description = instances.stream().filter(m -> m.units().isEmpty()).findFirst()
                .orElse(first).description();
        Map<String, ModelDescription> enabled = new LinkedHashMap<>();
        for (InstalledModel m : instances) {
            m.units().stream().filter(u -> m.switchedOn() && (u.equals(ScoringModel.EVERY_UNIT) || caller.canRead(u)))
                    .forEach(u -> enabled.putIfAbsent(u, m.description()));
        }
        String defect = instances.stream().map(InstalledModel::defect).filter(d -> d != null).findFirst().orElse(null);
        if (defect != null) {
            return new ModelStatus(id, first.version(), description, ModelState.QUARANTINED,
                    "the engine cannot use it: " + defect, null, 0, enabled);
        }
        ModelHealthRecord h = health.get(id, first.version());
        return new ModelStatus(id, first.version(), description, h.state(), h.reason(), h.changedAt(), h.failures(),
                enabled);
    }

    @Override
    public Job rescore(Caller caller, String businessUnit) {
        if (businessUnit == null || businessUnit.isBlank()) {
            throw new ValidationException("businessUnit", "is required");
        }
        String unit = businessUnit.strip();
        units.get(caller, unit); // not found unless the caller may read it
        if (!caller.canEdit(unit)) {
            throw new AccessDeniedException("rescoring the accounts of " + unit
                    + " needs the key-account-manager or bu-admin role");
        }
        health.refresh();
        if (active(unit).isEmpty()) {
            throw new ConflictException("businessUnit", "no active scoring model is enabled for " + unit
                    + ": enable one with a configuration naming the unit, or release a quarantined one");
        }
        return start(caller, unit);
    }

    /** Queues a full run of the unit, or returns the one queued or running. */
    private Job start(Caller caller, String unit) {
        synchronized (runs) {
            Job running = runs.get(unit);
            if (running != null) {
                return running;
            }
            Job job = jobs.create(caller, JOB_TYPE);
            runs.put(unit, job);
            engine.execute(() -> {
                RunEnd end;
                try {
                    end = run(unit, job.id());
                } catch (RuntimeException | Error e) {
                    LOG.error("Scoring run {} of {} failed", job.id(), unit, e);
                    end = new RunEnd(JobState.FAILED, 0, -1, List.of(new JobProblem(0, null, "internal error: " + e)),
                            "The run failed unexpectedly; scores stored before the failure stay.");
                }
                // the job reads finished only once it is no longer the unit's run: a rescore asked for after that
                // starts a new run instead of getting this one back
                synchronized (runs) {
                    runs.remove(unit);
                    try {
                        jobs.finish(job.id(), end.state(), end.done(), end.total(), end.problems(), end.summary());
                    } finally {
                        if (rerun.remove(unit) && !engine.stopping()) {
                            start(SYSTEM, unit);
                        }
                    }
                }
            });
            return job;
        }
    }

    @Override
    public List<ScoreRecord> scores(Caller caller, String accountId) {
        registry.get(caller, accountId); // not found unless the caller may read it
        return scores.current(accountId).stream().map(this::record).toList();
    }

    /** Scoped by the registry's bulk read: only accounts the caller may read are looked up. */
    @Override
    public Map<String, ScoreRecord> currentScores(Caller caller, String modelId, Collection<String> accountIds) {
        Set<String> readable = registry.byIds(caller, accountIds).keySet();
        Map<String, ScoreRecord> out = new HashMap<>();
        if (!readable.isEmpty()) {
            scores.current(modelId, readable).forEach(s -> out.put(s.accountId(), record(s)));
        }
        return out;
    }

    @Override
    public List<ScoreRecord> history(Caller caller, String accountId, String modelId, int limit) {
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_HISTORY);
        }
        registry.get(caller, accountId);
        return scores.history(accountId, modelId, limit).stream().map(this::record).toList();
    }

    @Override
    public ModelStatus release(Caller caller, String modelId) {
        if (!caller.admin()) {
            throw new AccessDeniedException("releasing a scoring model from quarantine needs an administrator");
        }
        List<InstalledModel> instances = catalog.byId().get(modelId);
        if (instances == null) {
            throw new NotFoundException("scoring model", modelId);
        }
        instances.stream().map(InstalledModel::version).distinct().forEach(v -> health.release(modelId, v));
        return model(caller, modelId);
    }

    // ---- for the REST layer of this bundle --------------------------------------------------------------------

    /**
     * The current and previous scores by a model of at most 500 of the accounts last scored in a unit (a page of its
     * portfolio); no scoping here.
     */
    public Map<String, CurrentScore> unitScores(String unit, String modelId, Collection<String> accountIds) {
        return scores.positions(unit, modelId, accountIds);
    }

    /** The unit's placements by a model after an account id ({@code ""} for the first), in id order; no scoping. */
    public List<Placement> placements(String unit, String modelId, String afterAccountId, int limit) {
        return scores.placements(unit, modelId, afterAccountId, limit);
    }

    /** The unit's accounts that moved since the run before, largest change first, at most {@code limit}. */
    public List<String> movers(String unit, String modelId, int limit) {
        return scores.movers(unit, modelId, limit);
    }

    /** Whether a model with this id is installed now. */
    public boolean installed(String modelId) {
        return catalog.installed(modelId);
    }

    /** A stored score as the API shows it. */
    public ScoreRecord record(StoredScore s) {
        return new ScoreRecord(s.modelId(), s.modelVersion(), catalog.installed(s.modelId()), s.accountId(),
                s.businessUnit(), s.scoredAt(), s.runId(), s.score());
    }

    // ---- rescoring after changes --------------------------------------------------------------------------------

    /**
     * Queues an account that was created or changed, or whose plans, opportunities or activities changed; rescored
     * with others after the change delay.
     */
    public void accountChanged(String accountId, String unit) {
        if (accountId == null || unit == null) {
            return;
        }
        firstRuns.changed(unit);
        if (catalog.enabledFor(unit).isEmpty()) {
            return;
        }
        if (!rescoreChanges) {
            requestFirstRuns(Set.of(unit));
            return;
        }
        changed.put(accountId, unit);
        synchronized (changed) {
            if (!drainScheduled) {
                drainScheduled = true;
                try {
                    engine.schedule(this::drainChanges, changeDelayMillis, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    drainScheduled = false; // stopping
                }
            }
        }
    }

    /**
     * An import changed accounts of the unit, in bulk: one full run scores them all (or the unit's first run, when
     * it awaits one). A run already under way may have read the accounts before the import committed, so another
     * follows it.
     */
    public void unitImported(String unit) {
        if (unit == null) {
            return;
        }
        firstRuns.changed(unit);
        if (catalog.enabledFor(unit).isEmpty()) {
            return;
        }
        if (!rescoreChanges || awaitsFirstRun(unit)) {
            requestFirstRuns(Set.of(unit));
            return;
        }
        health.refresh();
        if (active(unit).isEmpty()) {
            return;
        }
        synchronized (runs) {
            if (runs.containsKey(unit)) {
                rerun.add(unit);
            } else {
                start(SYSTEM, unit);
            }
        }
    }

    private void drainChanges() {
        synchronized (changed) {
            drainScheduled = false;
        }
        Map<String, Set<String>> byUnit = new HashMap<>();
        for (String id : new ArrayList<>(changed.keySet())) {
            String unit = changed.remove(id);
            if (unit != null) {
                byUnit.computeIfAbsent(unit, k -> new HashSet<>()).add(id);
            }
        }
        byUnit.forEach((unit, ids) -> {
            try {
                if (awaitsFirstRun(unit)) {
                    requestFirstRuns(Set.of(unit)); // the first run scores these accounts with the rest
                } else {
                    rescoreChanged(unit, ids);
                }
            } catch (RuntimeException e) {
                LOG.error("Rescoring {} changed account(s) of {} failed", ids.size(), unit, e);
            }
        });
    }

    /**
     * Rescores some accounts of a unit against the unit's current portfolio, read by id a page at a time (a set, as
     * a bulk change may name many accounts).
     */
    private void rescoreChanged(String unit, Set<String> accountIds) {
        health.refresh();
        List<InstalledModel> models = active(unit);
        if (models.isEmpty()) {
            return;
        }
        PortfolioRanking ranking;
        try {
            ranking = ranking(unit);
        } catch (JobWorker.Stopped e) {
            return; // a safe point, as between pages below: the unit's next run scores these accounts
        }
        Run run = new Run(null, unit, models);
        List<String> ids = new ArrayList<>(accountIds);
        Collections.sort(ids); // in id order, as a full run writes (see PortfolioRanking#ids)
        try {
            for (int from = 0; from < ids.size() && !engine.stopping(); from += AccountQuery.MAX_LIMIT) {
                // a safe point between accounts ends the loop; the next run scores the rest
                run.score(read(unit, ids.subList(from, Math.min(ids.size(), from + AccountQuery.MAX_LIMIT))),
                        ranking);
            }
            run.storeAll();
        } catch (RuntimeException e) {
            storing.awaitAfter(e);
            throw e;
        }
    }

    /** The accounts of the ids that are in the unit now, in the ids' order; deleted or moved ones are left out. */
    private List<Account> read(String unit, List<String> ids) {
        Map<String, Account> found = registry.byIds(SYSTEM, ids);
        List<Account> out = new ArrayList<>(found.size());
        for (String id : ids) {
            Account a = found.get(id);
            if (a != null && a.businessUnit().equals(unit)) {
                out.add(a);
            }
        }
        return out;
    }

    // ---- first runs --------------------------------------------------------------------------------------------

    /** Checks the units ({@code *}: every unit) for a first run once the quiet time has passed. */
    private void requestFirstRuns(Collection<String> unitIds) {
        if (!firstRun || unitIds.isEmpty()) {
            return;
        }
        firstRunUnits.addAll(unitIds);
        scheduleFirstRuns(firstRunQuietMillis);
    }

    private void scheduleFirstRuns(long delayMillis) {
        synchronized (firstRunUnits) {
            if (firstRunsScheduled) {
                return;
            }
            firstRunsScheduled = true;
            try {
                engine.schedule(this::startFirstRuns, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                firstRunsScheduled = false; // stopping
            }
        }
    }

    private void startFirstRuns() {
        synchronized (firstRunUnits) {
            firstRunsScheduled = false;
        }
        Set<String> wanted = new HashSet<>();
        for (String unit : new ArrayList<>(firstRunUnits)) {
            if (firstRunUnits.remove(unit)) {
                wanted.add(unit);
            }
        }
        long wait = 0;
        try {
            if (wanted.remove(ScoringModel.EVERY_UNIT)) {
                units.list(SYSTEM).forEach(u -> wanted.add(u.id()));
            }
            for (String unit : wanted) {
                long w = firstRuns.waitNanos(unit);
                if (w == 0) {
                    w = startFirstRun(unit);
                }
                if (w > 0) {
                    firstRunUnits.add(unit); // still changing: look again when it has been quiet long enough
                    wait = Math.max(wait, w);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Checking business units {} for a first scoring run failed", wanted, e);
        }
        if (wait > 0) {
            scheduleFirstRuns(TimeUnit.NANOSECONDS.toMillis(wait) + 1);
        }
    }

    /**
     * Starts a full run of the unit if an active model never scored it in one and the unit has accounts, none of
     * them changed within the quiet time; returns how long to wait before looking again (0: nothing to wait for).
     */
    private long startFirstRun(String unit) {
        if (runs.containsKey(unit)) {
            return 0; // that run scores the unit
        }
        health.refresh();
        List<InstalledModel> never = neverRan(unit);
        if (never.isEmpty()) {
            return 0;
        }
        List<Account> latest = registry.find(SYSTEM, new AccountQuery(unit, null, null, null, null, null,
                AccountSort.UPDATED_AT, true, 1, 0, null, false)).items();
        if (latest.isEmpty()) {
            return 0; // a unit without accounts is checked again when its first account comes
        }
        long wait = firstRuns.waitNanos(unit, latest.get(0).updatedAt(), Instant.now());
        if (wait > 0) {
            return wait;
        }
        never.forEach(m -> firstRuns.remember(unit, m));
        Job job = start(SYSTEM, unit);
        LOG.info("Scoring {} in full (job {}): never scored in a run by {}", unit, job.id(),
                never.stream().map(m -> m.id() + " " + m.version()).toList());
        return 0;
    }

    /** Whether changes of the unit wait for its first run rather than being rescored on their own. */
    private boolean awaitsFirstRun(String unit) {
        return firstRun && !runs.containsKey(unit) && !neverRan(unit).isEmpty();
    }

    /** The unit's active models that never scored it in a full run; remembers those that did. */
    private List<InstalledModel> neverRan(String unit) {
        List<InstalledModel> never = new ArrayList<>();
        for (InstalledModel m : active(unit)) {
            if (firstRuns.known(unit, m)) {
                continue;
            }
            if (scores.scoredInRun(unit, m.id(), m.version())) {
                firstRuns.remember(unit, m);
            } else {
                never.add(m);
            }
        }
        return never;
    }

    /**
     * Today's rates into the reporting currency, so a unit's accounts in several currencies are compared as one
     * portfolio; a currency without a rate is compared only with itself.
     */
    public Portfolios.ToReporting toReporting() {
        String reporting = rates.reportingCurrency();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return currency -> rates.rate(currency, reporting, today).map(AppliedRate::rate);
    }

    /** The currency portfolios compare amounts in. */
    public String reportingCurrency() {
        return rates.reportingCurrency();
    }

    // ---- full runs ---------------------------------------------------------------------------------------------

    /**
     * Two passes over the unit's accounts, so memory does not grow with their records: one ranks them among their
     * peers ({@link Portfolios}), the next reads them again by id a page at a time, in the ranking's id order, and
     * scores each with its place. Accounts created since the ranking are left to their own rescoring.
     */
    private RunEnd run(String unit, String runId) {
        jobs.progress(runId, 0, -1);
        // the run reads every account's latest facts: changes queued so far need no rescoring of their own
        changed.values().removeIf(unit::equals);
        health.refresh();
        List<InstalledModel> models = active(unit);
        PortfolioRanking ranking;
        try {
            ranking = ranking(unit);
        } catch (JobWorker.Stopped e) { // a safe point: nothing is stored before the ranking
            return new RunEnd(JobState.INTERRUPTED, 0, -1, List.of(), "The scoring engine stopped while it ranked "
                    + "the unit's accounts, before it scored any; start the run again.");
        }
        int total = ranking.size();
        Run run = new Run(runId, unit, models);
        long lastProgress = System.nanoTime();
        int done = 0;
        try {
            for (int from = 0; from < total; from += AccountQuery.MAX_LIMIT) {
                done += run.score(read(unit, ranking.ids(from, Math.min(total, from + AccountQuery.MAX_LIMIT))),
                        ranking);
                if (engine.stopping()) { // a safe point: the scores of the accounts before are stored
                    run.storeAll();
                    return new RunEnd(JobState.INTERRUPTED, done, total, run.problems(), "The scoring engine stopped "
                            + "after " + done + " of " + total + " account(s); start the run again.");
                }
                if (System.nanoTime() - lastProgress > TimeUnit.MILLISECONDS.toNanos(500)) {
                    run.storeAll(); // progress counts stored scores only
                    jobs.progress(runId, done, Math.max(done, total));
                    lastProgress = System.nanoTime();
                }
            }
            run.storeAll();
        } catch (RuntimeException e) {
            storing.awaitAfter(e);
            throw e;
        }
        return new RunEnd(JobState.SUCCEEDED, done, Math.max(done, total), run.problems(), run.summary(done));
    }

    /** How a full run ended, for its job. */
    private record RunEnd(JobState state, int done, int total, List<JobProblem> problems, String summary) {
    }

    /**
     * The unit's accounts ranked among their peers at today's rates, streamed once in the order the database likes.
     * Each account is a safe point: a large unit's read can outlast the grace a shutdown gives.
     *
     * @throws JobWorker.Stopped when the engine stops meanwhile
     */
    private PortfolioRanking ranking(String unit) {
        Portfolios portfolios = new Portfolios(toReporting());
        registry.forEachInUnit(SYSTEM, unit, account -> {
            engine.checkpoint();
            portfolios.add(account);
        });
        return portfolios.rank();
    }

    /** The instances enabled for the unit that are not quarantined. */
    private List<InstalledModel> active(String unit) {
        return catalog.enabledFor(unit).stream().filter(m -> !health.quarantined(m.id(), m.version())).toList();
    }

    /**
     * One pass of models over accounts: reads each account's facts once for all models, scores them, collects what
     * to store and what went wrong.
     */
    private final class Run {
        private final String runId;
        private final String unit;
        private final List<InstalledModel> models;
        /** The day facts such as "days since the last activity" count to, the same for the whole pass. */
        private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
        private List<StoredScore> pending = new ArrayList<>();
        private final Map<String, Integer> failures = new LinkedHashMap<>();
        private final Map<String, String> quarantined = new LinkedHashMap<>();
        private final List<JobProblem> problems = new ArrayList<>();
        private long stored;
        private long unscored;
        private long unreadable;

        Run(String runId, String unit, List<InstalledModel> models) {
            this.runId = runId;
            this.unit = unit;
            this.models = models;
        }

        /**
         * Scores a page of accounts, their work read together, each with its place among its peers; an account the
         * ranking does not know (created or moved to another currency since) is left to its own rescoring. Returns
         * the page's size, or 0 when the engine began to stop before every model had its turn.
         */
        int score(List<Account> page, PortfolioRanking ranking) {
            PortfolioContext[] contexts = new PortfolioContext[page.size()];
            List<String> known = new ArrayList<>(page.size());
            for (int i = 0; i < contexts.length; i++) {
                contexts[i] = ranking.context(page.get(i));
                if (contexts[i] != null) {
                    known.add(page.get(i).id());
                }
            }
            Map<String, AccountWork> works = works(known);
            List<Account> accounts = new ArrayList<>(known.size());
            List<AccountFacts> facts = new ArrayList<>(known.size());
            for (int i = 0; i < contexts.length; i++) {
                if (contexts[i] != null) {
                    Account a = page.get(i);
                    AccountWork w = works == null ? work(a) : works.getOrDefault(a.id(), AccountWork.NONE);
                    if (w != null) {
                        accounts.add(a);
                        facts.add(Facts.of(a, contexts[i], w, today));
                    }
                }
            }
            for (InstalledModel m : models) {
                if (engine.stopping()) {
                    return 0; // a safe point: what the page stored so far stays, the next run scores it again
                }
                score(m, accounts, facts);
            }
            flush(); // each page in a transaction of its own, stored while the next one is scored
            return contexts.length;
        }

        /** The work of the accounts in one read, or {@code null} if that failed (then each is read alone). */
        private Map<String, AccountWork> works(List<String> accountIds) {
            try {
                return work.read(SYSTEM, accountIds, today);
            } catch (RuntimeException e) {
                LOG.warn("The work of {} account(s) could not be read together; reading each alone", accountIds.size(),
                        e);
                return null;
            }
        }

        /** One model over the page's facts, its calls in one guarded run (see {@link GuardedCalls#each}). */
        private void score(InstalledModel m, List<Account> accounts, List<AccountFacts> facts) {
            if (quarantined.containsKey(m.id()) || !catalog.contains(m) || health.quarantined(m.id(), m.version())) {
                return;
            }
            List<GuardedCalls.Outcome<Score>> outcomes = calls.each(m.id(), facts, f -> m.model().score(f), budget);
            for (int k = 0; k < outcomes.size() && !quarantined.containsKey(m.id()); k++) {
                GuardedCalls.Outcome<Score> outcome = outcomes.get(k);
                Account account = accounts.get(k);
                if (outcome.kind() == GuardedCalls.Kind.ABORTED) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (outcome.kind() == GuardedCalls.Kind.TIMED_OUT) {
                    String reason = "scoring account " + account.id() + " " + outcome.reason();
                    health.quarantine(m.id(), m.version(), reason);
                    quarantined.put(m.id(), reason);
                    problem(m, account, outcome.reason());
                    return;
                }
                String problem = outcome.done() ? check(outcome.value()) : outcome.reason();
                if (problem != null) {
                    if (health.failed(m.id(), m.version(), "scoring account " + account.id() + " " + problem)) {
                        quarantined.put(m.id(), health.get(m.id(), m.version()).reason());
                    }
                    problem(m, account, problem);
                    continue;
                }
                health.succeeded(m.id(), m.version());
                pending.add(new StoredScore(m.id(), m.version(), account.id(), unit, runId, Rows.now(),
                        outcome.value()));
                if (outcome.value() == null) {
                    unscored++;
                }
            }
        }

        /** The account's work, or {@code null} if it is gone or cannot be read (a problem of the run). */
        private AccountWork work(Account account) {
            try {
                return work.read(SYSTEM, account.id(), today);
            } catch (NotFoundException e) {
                return null; // deleted since the pass listed it: nothing left to score
            } catch (RuntimeException e) {
                LOG.warn("The facts of account {} could not be read; not scored", account.id(), e);
                if (++unreadable <= PROBLEMS_PER_MODEL) {
                    problems.add(new JobProblem(0, null, "account " + account.id() + " (" + account.name() + "): its "
                            + "plans, opportunities or activities could not be read, so it was not scored: " + e));
                }
                return null;
            }
        }

        /** What is wrong with a returned score, or {@code null}; {@code null} itself means "not scorable". */
        private String check(Score score) {
            if (score != null && (score.contributions().size() > MAX_FACTORS || score.measures().size() > MAX_FACTORS)) {
                return "returned more than " + MAX_FACTORS + " contributions or measures";
            }
            return null;
        }

        private void problem(InstalledModel m, Account account, String reason) {
            int count = failures.merge(m.id(), 1, Integer::sum);
            if (count <= PROBLEMS_PER_MODEL) {
                problems.add(new JobProblem(0, m.id(), "account " + account.id() + " (" + account.name() + "): model "
                        + m.id() + " " + m.version() + " " + reason));
            }
        }

        /** Hands the scores so far over to be stored behind the scoring (see {@link StoreBehind}). */
        void flush() {
            if (!pending.isEmpty()) {
                storing.store(pending);
                stored += pending.size();
                pending = new ArrayList<>(pending.size());
            }
        }

        /** Stores the scores so far and waits until they are. */
        void storeAll() {
            flush();
            storing.await();
        }

        List<JobProblem> problems() {
            List<JobProblem> all = new ArrayList<>(problems);
            quarantined.forEach((id, reason) -> all.add(new JobProblem(0, id, "model " + id + " quarantined: "
                    + reason)));
            return all;
        }

        String summary(int accounts) {
            StringBuilder s = new StringBuilder().append("Scored ").append(accounts).append(" account(s) of ")
                    .append(unit).append(" with ").append(models.size()).append(" model(s): ").append(stored)
                    .append(" score(s) stored");
            if (unscored > 0) {
                s.append(", ").append(unscored).append(" of them without a score for lack of facts");
            }
            if (unreadable > 0) {
                s.append("; ").append(unreadable).append(" account(s) not scored: their facts could not be read");
            }
            failures.forEach((id, n) -> s.append("; ").append(id).append(" failed ").append(n).append(" time(s)"));
            if (!quarantined.isEmpty()) {
                s.append("; quarantined: ").append(String.join(", ", quarantined.keySet()));
            }
            return s.append('.').toString();
        }
    }
}
