package org.openkam.scoring.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.Role;
import org.openkam.api.ValidationException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobState;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ModelState;
import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.ScoringModel;
import org.openkam.api.unit.UnitEnablement;
import org.openkam.scoring.internal.store.ScoreStore;
import org.openkam.testing.TestDatabase;
import org.osgi.framework.Constants;

/**
 * The engine over H2 with in-memory registry services: runs, quarantine of models that throw, sleep past their
 * budget or spin, while a good model's results are unaffected; rescoring after changes; scoping.
 */
class ScoringEngineTest {

    static final Caller ADMIN = new Caller("admin", "admin", true, Map.of());
    private static final AtomicLong SERVICE_IDS = new AtomicLong(1000);
    /** Lets the spinning model's thread end once the test is over. */
    private static volatile boolean spinning;

    Fakes.Accounts accounts;
    Fakes.Plans plans;
    Fakes.Pipeline pipeline;
    Fakes.Engagement engagement;
    Fakes.Units units;
    Fakes.Jobs jobs;
    @RegisterExtension
    final TestDatabase db = TestDatabase.h2(ScoreStore.class);
    ScoringEngine engine;
    String unit;
    Caller kam;
    Caller viewer;

    @BeforeEach
    void start() {
        accounts = new Fakes.Accounts();
        plans = new Fakes.Plans(accounts);
        pipeline = new Fakes.Pipeline(accounts);
        engagement = new Fakes.Engagement(accounts);
        units = new Fakes.Units();
        jobs = new Fakes.Jobs();
        unit = "unit-" + UUID.randomUUID().toString().substring(0, 8);
        units.ids.add(unit);
        units.ids.add("other");
        kam = new Caller("kam", "kam", false, Map.of(unit, Set.of(Role.KEY_ACCOUNT_MANAGER)));
        viewer = new Caller("viewer", "viewer", false, Map.of(unit, Set.of(Role.VIEWER)));
        for (int i = 1; i <= 4; i++) {
            accounts.put(account("acc-" + i, unit, 1000L * i));
        }
        engine = engine(config(300, 3));
        spinning = true;
    }

    ScoringEngine engine(ScoringEngine.Config config) {
        return new ScoringEngine(db.database(), accounts, units, jobs, plans, pipeline, engagement, new Fakes.Rates(),
                config);
    }

    @AfterEach
    void stop() throws InterruptedException {
        spinning = false;
        engine.stop();
    }

    static Account account(String id, String unit, Long sales) {
        return account(id, unit, sales, Instant.EPOCH);
    }

    static Account account(String id, String unit, Long sales, Instant changed) {
        return new Account(id, unit, "Account " + id, null, null, "DE", null, AccountStatus.ACTIVE, KeyAccountTier.NONE,
                null, sales == null ? null : BigDecimal.valueOf(sales), null, null, "EUR", Map.of(), 1, changed,
                changed);
    }

    /** Without first runs, so runs start only when a test asks. */
    static ScoringEngine.Config config(long budgetMillis, int failures) {
        return config(budgetMillis, failures, false, 0);
    }

    static ScoringEngine.Config config(long budgetMillis, int failures, boolean firstRun, long quietMillis) {
        return config(budgetMillis, failures, firstRun, quietMillis, 20);
    }

    static ScoringEngine.Config config(long budgetMillis, int failures, boolean firstRun, long quietMillis,
            long changeDelayMillis) {
        return new ScoringEngine.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ScoringEngine.Config.class;
            }

            @Override
            public long budget_millis() {
                return budgetMillis;
            }

            @Override
            public int quarantine_failures() {
                return failures;
            }

            @Override
            public boolean rescore_changes() {
                return true;
            }

            @Override
            public long change_delay_millis() {
                return changeDelayMillis;
            }

            @Override
            public boolean first_run() {
                return firstRun;
            }

            @Override
            public long first_run_quiet_millis() {
                return quietMillis;
            }
        };
    }

    /** A model with an id whose score is {@code behaviour}. */
    record TestModel(String id, Function<AccountFacts, Score> behaviour) implements ScoringModel {
        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public ModelDescription description() {
            return new ModelDescription(id, "for tests", List.of(), Map.of());
        }

        @Override
        public Score score(AccountFacts facts) {
            return behaviour.apply(facts);
        }
    }

    static final Function<AccountFacts, Score> GOOD = f -> Score.of(f.annualSales().doubleValue() / 100, null, List.of());

    void install(ScoringModel model, Object units) {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.SERVICE_ID, SERVICE_IDS.incrementAndGet());
        if (units != null) {
            props.put(ScoringModel.BUSINESS_UNIT, units);
        }
        engine.addModel(model, props);
    }

    Job run() throws InterruptedException {
        return jobs.await(engine.rescore(kam, unit).id());
    }

    /** 1,234 accounts in the unit, {@code id-00000} to {@code id-01233}: three pages of a run. */
    void unitOf1234Accounts() {
        accounts.accounts.clear();
        for (int i = 0; i < 1234; i++) {
            accounts.put(account(String.format("id-%05d", i), unit, 1000L + i));
        }
    }

    /** Stops the engine from a thread of its own, as a shutdown does, at a moment the test picks. */
    final class Stopper {
        private final Thread thread = new Thread(() -> {
            try {
                engine.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        /** Starts the stop and returns once {@code stop()} waits for the work in flight: its flag is set. */
        void stopNow() {
            thread.start();
            while (thread.getState() == Thread.State.NEW || thread.getState() == Thread.State.RUNNABLE) {
                Thread.onSpinWait();
            }
        }

        boolean started() {
            return thread.getState() != Thread.State.NEW;
        }

        /** Waits until a stop begun has ended, the work in flight with it. */
        void join() throws InterruptedException {
            thread.join();
        }

        boolean ended() {
            return thread.getState() == Thread.State.TERMINATED;
        }
    }

    ModelStatus status(String id) {
        return engine.model(ADMIN, id);
    }

    void assertGoodScores() {
        for (int i = 1; i <= 4; i++) {
            ScoreRecord r = engine.scores(ADMIN, "acc-" + i).stream().filter(s -> s.modelId().equals("good"))
                    .findFirst().orElseThrow(() -> new AssertionError("no score by the good model"));
            assertEquals(BigDecimal.valueOf(10 * i).setScale(1), r.score().value());
        }
    }

    @Test
    void aRunScoresEveryAccountOfTheUnitWithItsModels() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        install(new TestModel("elsewhere", GOOD), "other");
        accounts.put(account("foreign", "other", 99L));
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        assertEquals(4, job.done());
        assertEquals(4, job.total());
        assertEquals("kam", job.startedBy());
        assertTrue(job.summary().startsWith("Scored 4 account(s) of " + unit + " with 1 model(s): 4 score(s) stored"),
                job.summary());
        assertGoodScores();
        ScoreRecord r = engine.scores(kam, "acc-1").get(0);
        assertEquals(job.id(), r.runId());
        assertTrue(r.modelInstalled());
        assertEquals(List.of(), engine.scores(ADMIN, "foreign"), "another unit's account is not scored by this run");
    }

    @Test
    void aRunReadsTheAccountsPageByPageAndScoresEachOnceWithItsRank() throws InterruptedException {
        for (int i = 5; i <= 1234; i++) { // more than two pages of the registry's largest page
            accounts.put(account("acc-" + i, unit, 10L * i));
        }
        Map<String, Integer> ranks = new ConcurrentHashMap<>();
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        install(new TestModel("rank", f -> {
            calls.merge(f.accountId(), 1, Integer::sum);
            ranks.put(f.accountId(), f.portfolio().salesRank());
            return Score.of(50, null, List.of());
        }), unit);
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        assertEquals(1234, job.done());
        assertEquals(1234, calls.size());
        assertTrue(calls.values().stream().allMatch(n -> n == 1), "each account once");
        assertEquals(1, ranks.get("acc-1234"));
        assertEquals(1234, ranks.get("acc-5"), "the smallest, 50");
    }

    /** Installs a model for the unit that scores 50 and records the accounts it scored, in the order it did. */
    List<String> recordingOrder() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        install(new TestModel("order", f -> {
            order.add(f.accountId());
            return Score.of(50, null, List.of());
        }), unit);
        return order;
    }

    @Test
    void aRunScoresTheAccountsInIdOrderAPageAtATimeAndSkipsOnesDeletedSinceTheRanking() throws InterruptedException {
        accounts.accounts.clear();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1234; i++) { // names in the opposite order of ids, as a name order would give
            String id = String.format("id-%05d", i);
            ids.add(id);
            accounts.put(new Account(id, unit, String.format("Account %05d", 9999 - i), null, null, "DE", null,
                    AccountStatus.ACTIVE, KeyAccountTier.NONE, null, BigDecimal.valueOf(i + 1), null, null, "EUR",
                    Map.of(), 1, Instant.EPOCH, Instant.EPOCH));
        }
        List<String> order = recordingOrder();
        AtomicBoolean once = new AtomicBoolean();
        accounts.afterForEach = () -> {
            if (once.compareAndSet(false, true)) {
                accounts.accounts.remove("id-00600"); // deleted after the ranking
            }
        };
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        List<String> expected = new ArrayList<>(ids);
        expected.remove("id-00600");
        assertEquals(expected, order, "scored once each, in id order");
        assertEquals(List.of(ids.subList(0, 500), ids.subList(500, 1000), ids.subList(1000, 1234)),
                accounts.readsByIds, "read by id, a page of at most 500 at a time");
        assertEquals(1233, job.done());
        assertEquals(1234, job.total(), "the ranking's count");
    }

    @Test
    void aRunStoppedMidwayKeepsTheScoresOfThePagesBeforeTheStop() throws InterruptedException {
        unitOf1234Accounts();
        Stopper stopper = new Stopper();
        install(new TestModel("good", f -> {
            if (f.accountId().equals("id-00700")) { // the second page: the engine stops while the model scores it
                stopper.stopNow();
            }
            return Score.of(50, null, List.of());
        }), unit);
        Job job = run();
        stopper.join();
        assertEquals(JobState.INTERRUPTED, job.state(), job.toString());
        assertEquals(1000, job.done(), "two pages of 500 scored");
        for (int i : new int[] {0, 499, 500, 999}) {
            assertEquals(1, engine.scores(ADMIN, String.format("id-%05d", i)).size(), "stored before the stop: " + i);
        }
        for (int i : new int[] {1000, 1233}) {
            assertEquals(List.of(), engine.scores(ADMIN, String.format("id-%05d", i)), "after the stop: " + i);
        }
    }

    @Test
    void aStopWhileTheRunRanksTheUnitInterruptsItsJobBeforeItScoresAny() throws InterruptedException {
        unitOf1234Accounts();
        install(new TestModel("good", f -> Score.of(50, null, List.of())), unit);
        Stopper stopper = new Stopper();
        AtomicInteger readAfterStop = new AtomicInteger();
        accounts.whileStreamingUnit = a -> {
            if (stopper.started()) {
                readAfterStop.incrementAndGet();
            } else if (a.id().equals("id-00700")) { // halfway through the ranking's read, in descending id order
                stopper.stopNow();
            }
        };
        Job job = run();
        stopper.join();
        assertEquals(JobState.INTERRUPTED, job.state(), job.toString());
        assertEquals(0, readAfterStop.get(), "the ranking's read ends at the stop, however large the unit");
        assertEquals(0, job.done(), "stopped before the first page: " + job);
        assertTrue(job.summary().contains("ranked"), job.summary());
        for (int i : new int[] {0, 700, 1233}) {
            assertEquals(List.of(), engine.scores(ADMIN, String.format("id-%05d", i)), "nothing scored: " + i);
        }
    }

    @Test
    void aStopWhileARescoringRanksTheUnitEndsItQuietly() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        Stopper stopper = new Stopper();
        accounts.whileStreamingUnit = a -> {
            if (!stopper.started()) { // the rescoring's ranking has begun its read
                stopper.stopNow();
            }
        };
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            engine.accountChanged("acc-1", unit);
            until(() -> stopper.ended() ? Boolean.TRUE : null); // started by the rescoring, a drain later
        } finally {
            System.setErr(err);
        }
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("failed"), "a stop is no failure: " + log);
        assertEquals(List.of(), engine.scores(ADMIN, "acc-1"), "left to the unit's next run");
    }

    @Test
    void changedAccountsAreRescoredInIdOrder() throws InterruptedException {
        engine.stop();
        engine = engine(config(300, 3, false, 0, 500)); // long enough to queue all four changes for one rescoring
        List<String> order = recordingOrder();
        for (String id : List.of("acc-3", "acc-1", "acc-4", "acc-2")) {
            engine.accountChanged(id, unit);
        }
        until(() -> order.size() == 4 ? order : null);
        assertEquals(List.of("acc-1", "acc-2", "acc-3", "acc-4"), order);
    }

    @Test
    void anAccountCreatedBetweenTheRunsTwoPassesIsLeftToItsOwnRescoring() throws InterruptedException {
        Set<String> scored = ConcurrentHashMap.newKeySet();
        install(new TestModel("seen", f -> {
            scored.add(f.accountId());
            return Score.of(50, null, List.of());
        }), unit);
        AtomicBoolean once = new AtomicBoolean();
        accounts.afterForEach = () -> {
            if (once.compareAndSet(false, true)) {
                accounts.put(account("acc-new", unit, 99_000L)); // the ranking does not know it
            }
        };
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        assertEquals(Set.of("acc-1", "acc-2", "acc-3", "acc-4"), scored);
        engine.accountChanged("acc-new", unit); // as the registry's event would
        ScoreRecord rescored = until(() -> engine.scores(ADMIN, "acc-new").stream().findFirst().orElse(null));
        assertNull(rescored.runId(), "scored by its own rescoring, not by the run");
    }

    @Test
    void aModelThatThrowsIsQuarantinedAfterThreeFailuresWhileTheGoodOneCarriesOn() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        install(new TestModel("thrower", f -> {
            throw new IllegalStateException("boom");
        }), unit);
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state());
        assertGoodScores();
        ModelStatus s = status("thrower");
        assertEquals(ModelState.QUARANTINED, s.state());
        assertEquals(3, s.consecutiveFailures());
        assertTrue(s.reason().contains("3 call(s) in a row failed") && s.reason().contains("boom"), s.reason());
        assertNotNull(s.since());
        assertTrue(job.problems().stream().anyMatch(p -> "thrower".equals(p.field()) && p.message().contains("quarantined")),
                job.problems().toString());
        assertEquals(ModelState.ACTIVE, status("good").state());
    }

    @Test
    void aModelThatSleepsPastItsBudgetIsQuarantinedAtOnce() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        install(new TestModel("sleeper", f -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Score.of(1, null, List.of());
        }), unit);
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state());
        assertGoodScores();
        ModelStatus s = status("sleeper");
        assertEquals(ModelState.QUARANTINED, s.state());
        assertTrue(s.reason().contains("exceeded its time budget of 300 ms"), s.reason());
        assertEquals(1, job.problems().stream().filter(p -> p.message().startsWith("account ")).count(),
                "called once, then quarantined: " + job.problems());
    }

    @Test
    void aModelThatSpinsForeverIsQuarantinedAndCostsOnlyItsOwnThread() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        install(new TestModel("spinner", f -> {
            long n = 0;
            while (spinning) {
                n++; // a busy loop that ignores interruption
            }
            return Score.of(n % 2, null, List.of());
        }), unit);
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state());
        assertGoodScores();
        assertEquals(ModelState.QUARANTINED, status("spinner").state());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("openkam-scoring-abandoned (spinner)") && t.isDaemon()),
                "the spinning thread is abandoned as a named daemon thread");
        // the engine still works: a second run scores again, skipping the quarantined model
        Job again = run();
        assertEquals(JobState.SUCCEEDED, again.state());
        assertTrue(again.problems().isEmpty(), again.problems().toString());
    }

    @Test
    void anInvalidScoreCountsAsAFailureAndAGoodCallResetsTheCount() throws InterruptedException {
        // fails on acc-1 and acc-2 (score above 100), succeeds on acc-3 and acc-4: never three in a row
        install(new TestModel("flaky", f -> Score.of(f.annualSales().doubleValue() <= 2000 ? 101 : 50, null,
                List.of())), unit);
        Job job = run();
        assertEquals(2, job.problems().size(), job.problems().toString());
        assertTrue(job.problems().get(0).message().contains("is not within 0..100"), job.problems().toString());
        ModelStatus s = status("flaky");
        assertEquals(ModelState.ACTIVE, s.state());
        assertEquals(0, s.consecutiveFailures());
    }

    @Test
    void anUnreadableModelIsListedAsUnusable() {
        install(new TestModel("Bad Id!", GOOD), unit);
        ModelStatus s = engine.models(ADMIN).stream().filter(m -> m.id().startsWith("service-")).findFirst()
                .orElseThrow();
        assertEquals(ModelState.QUARANTINED, s.state());
        assertTrue(s.reason().contains("is not lower-case words"), s.reason());
        assertThrows(ConflictException.class, () -> engine.rescore(kam, unit), "an unusable model is not run");
    }

    @Test
    void anAdministratorReleasesAQuarantine() throws InterruptedException {
        install(new TestModel("thrower", f -> {
            throw new IllegalStateException("boom");
        }), unit);
        run();
        assertEquals(ModelState.QUARANTINED, status("thrower").state());
        assertThrows(ConflictException.class, () -> engine.rescore(kam, unit), "no active model is left");
        assertThrows(AccessDeniedException.class, () -> engine.release(kam, "thrower"));
        assertThrows(NotFoundException.class, () -> engine.release(ADMIN, "nope"));
        ModelStatus released = engine.release(ADMIN, "thrower");
        assertEquals(ModelState.ACTIVE, released.state());
        assertEquals(0, released.consecutiveFailures());
    }

    @Test
    void runsAreRefusedForBadInput() {
        install(new TestModel("good", GOOD), unit);
        assertEquals("businessUnit", assertThrows(ValidationException.class, () -> engine.rescore(kam, " "))
                .violations().get(0).field());
        assertThrows(NotFoundException.class, () -> engine.rescore(kam, "nope"));
        assertThrows(NotFoundException.class, () -> engine.rescore(kam, "other"), "a unit the caller cannot read");
        assertThrows(AccessDeniedException.class, () -> engine.rescore(viewer, unit));
        assertEquals("businessUnit", assertThrows(ConflictException.class, () -> engine.rescore(ADMIN, "other"))
                .field(), "no model is enabled for the other unit");
    }

    @Test
    void aModelForEveryUnitScoresUnitsWithoutTheirOwnInstance() throws InterruptedException {
        install(new TestModel("good", f -> Score.of(1, null, List.of())), ScoringModel.EVERY_UNIT);
        install(new TestModel("good", GOOD), new String[] {unit, "third"});
        run();
        assertGoodScores(); // the unit's own instance won over the one for every unit
        ModelStatus s = engine.models(kam).get(0);
        assertEquals(Set.of("*", unit), s.units().keySet(), "the caller sees only units it may read");
    }

    void install(ScoringModel model, Object units, Object enabled) {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.SERVICE_ID, SERVICE_IDS.incrementAndGet());
        props.put(ScoringModel.BUSINESS_UNIT, units);
        props.put(UnitEnablement.ENABLED, enabled);
        engine.addModel(model, props);
    }

    @Test
    void aUnitSwitchedOffKeepsTheModelForEveryUnitAway() throws InterruptedException {
        install(new TestModel("good", GOOD), ScoringModel.EVERY_UNIT);
        install(new TestModel("other-model", GOOD), ScoringModel.EVERY_UNIT);
        install(new TestModel("good", GOOD), unit, false);
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        assertTrue(job.summary().startsWith("Scored 4 account(s) of " + unit + " with 1 model(s)"), job.summary());
        assertEquals(List.of("other-model"), engine.scores(ADMIN, "acc-1").stream().map(ScoreRecord::modelId)
                .toList(), "the switched-off model did not score the unit");
        assertEquals(Set.of("*"), status("good").units().keySet(), "listed as enabled for every unit only");
        assertEquals(List.of(new Switch("*", true, Switch.EVERY_UNIT), new Switch("other", true, Switch.EVERY_UNIT),
                new Switch(unit, false, Switch.UNIT)), sorted(engine.switches(ADMIN, "good")));
        assertEquals(List.of(new Switch("*", true, Switch.EVERY_UNIT), new Switch(unit, true, Switch.EVERY_UNIT)),
                sorted(engine.switches(kam, "other-model")), "a caller sees the units it may read");
    }

    @Test
    void switchingOffEveryUnitLeavesUnitsWithAnInstanceOfTheirOwn() throws InterruptedException {
        install(new TestModel("good", GOOD), ScoringModel.EVERY_UNIT, "false");
        install(new TestModel("good", GOOD), new String[] {unit});
        run();
        assertGoodScores();
        assertEquals(List.of(new Switch("*", false, Switch.EVERY_UNIT), new Switch("other", false, Switch.EVERY_UNIT),
                new Switch(unit, true, Switch.UNIT)), sorted(engine.switches(ADMIN, "good")));
        assertEquals("businessUnit", assertThrows(ConflictException.class, () -> engine.rescore(ADMIN, "other"))
                .field(), "nothing scores the other unit");
        assertThrows(NotFoundException.class, () -> engine.switches(ADMIN, "missing"));
    }

    private static List<Switch> sorted(List<Switch> switches) {
        return switches.stream().sorted(java.util.Comparator.comparing(Switch::businessUnit)).toList();
    }

    @Test
    void aChangedAccountIsRescoredWithoutARun() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        engine.accountChanged("acc-2", unit);
        ScoreRecord r = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (r == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
            r = engine.scores(ADMIN, "acc-2").stream().findFirst().orElse(null);
        }
        assertNotNull(r, "the changed account was not rescored");
        assertNull(r.runId(), "a rescoring after a change belongs to no run");
        assertEquals(new BigDecimal("20.0"), r.score().value());
        assertEquals(List.of(), engine.scores(ADMIN, "acc-1"), "only the changed account was rescored");
    }

    @Test
    void aRunCoversTheChangesQueuedBeforeIt() throws InterruptedException {
        engine.stop();
        engine = engine(config(300, 3, false, 0, 500));
        install(new TestModel("good", GOOD), unit);
        engine.accountChanged("acc-2", unit);
        Job job = run();
        engine.accountChanged("acc-3", unit); // after the run: rescored in the same drain acc-2 was queued for
        until(() -> engine.scores(ADMIN, "acc-3").stream().filter(s -> s.runId() == null).findFirst().orElse(null));
        assertEquals(List.of(job.id()), engine.history(ADMIN, "acc-2", "good", 10).stream().map(ScoreRecord::runId)
                .toList(), "acc-2 was scored once, by the run");
    }

    @Test
    void anImportIsScoredByOneFullRun() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        engine.unitImported(unit);
        Job job = jobs.await(firstJob().id());
        assertEquals(JobState.SUCCEEDED, job.state());
        assertGoodScores();
        assertEquals(job.id(), engine.scores(ADMIN, "acc-4").get(0).runId(), "every account scored by the run");
        assertEquals(1, jobs.jobs.size(), "one run for the whole import");
    }

    @Test
    void anImportWhileARunIsUnderWayGetsOneMoreRunAfterIt() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        jobs.gate = new CountDownLatch(1);
        Job underWay = engine.rescore(kam, unit);
        engine.unitImported(unit); // the run may have read the accounts before the import committed
        engine.unitImported(unit);
        jobs.gate.countDown();
        jobs.await(underWay.id());
        Job after = until(() -> jobs.jobs.values().stream().filter(j -> !j.id().equals(underWay.id())).findFirst()
                .orElse(null));
        assertEquals(JobState.SUCCEEDED, jobs.await(after.id()).state());
        assertEquals(after.id(), engine.scores(ADMIN, "acc-1").get(0).runId(), "the accounts' latest scores");
        Thread.sleep(300);
        assertEquals(2, jobs.jobs.size(), "two imports during the run ask for one more run, not two");
    }

    @Test
    void aRescoreAskedForOnceTheRunReadsFinishedStartsANewRun() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        AtomicReference<Job> asked = new AtomicReference<>();
        jobs.finished = id -> { // the earliest moment a poller can see the run finished
            jobs.finished = null;
            asked.set(engine.rescore(kam, unit));
        };
        Job first = run();
        Job next = until(asked::get);
        assertNotEquals(first.id(), next.id(), "the finished run was handed back, and nothing ran");
        assertEquals(JobState.SUCCEEDED, jobs.await(next.id()).state());
        assertEquals(next.id(), engine.scores(ADMIN, "acc-1").get(0).runId());
    }

    @Test
    void scoresAreScopedAndHistoryKept() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        Job first = run();
        Job second = run();
        List<ScoreRecord> history = engine.history(viewer, "acc-1", "good", 10);
        assertEquals(List.of(second.id(), first.id()), history.stream().map(ScoreRecord::runId).toList());
        assertThrows(NotFoundException.class, () -> engine.scores(new Caller("x", "x", false, Map.of()), "acc-1"));
        assertThrows(ValidationException.class, () -> engine.history(viewer, "acc-1", "good", 0));
        engine.removeModel(null, Map.of(Constants.SERVICE_ID, SERVICE_IDS.get()));
        assertEquals(false, engine.scores(viewer, "acc-1").get(0).modelInstalled(),
                "scores of an uninstalled model stay readable, marked as such");
    }

    @Test
    void aSecondRequestWhileARunIsUnderWayGetsTheSameJob() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        jobs.gate = new CountDownLatch(1);
        Job a = engine.rescore(kam, unit);
        Job b = engine.rescore(kam, unit);
        assertSame(a, b);
        jobs.gate.countDown();
        assertEquals(JobState.SUCCEEDED, jobs.await(a.id()).state());
        assertEquals(1, jobs.jobs.size());
    }
    // ---- facts from the key account work --------------------------------------------------------------------

    @Test
    void theAccountsWorkBecomesFactsReadOncePerAccountForAllModels() throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        plans.active.put("acc-1", WorkFixtures.plan("acc-1", RelationshipStage.COOPERATIVE, ActionStatus.DONE,
                ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.CANCELLED));
        pipeline.open.put("acc-1", List.of(
                WorkFixtures.opportunity("acc-1", "300000", "EUR", 50, OurPosition.INCUMBENT),
                WorkFixtures.opportunity("acc-1", "100000", "EUR", 20, OurPosition.CHALLENGER),
                WorkFixtures.opportunity("acc-1", "80000", "USD", 10, OurPosition.OUTSIDER)));
        engagement.last.put("acc-1", WorkFixtures.activity("acc-1", today.minusDays(12).atTime(9, 30)
                .toInstant(ZoneOffset.UTC)));
        List<Map<String, AccountFacts>> seen = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
        for (int i = 0; i < seen.size(); i++) {
            Map<String, AccountFacts> mine = seen.get(i);
            install(new TestModel("capture-" + i, f -> {
                mine.put(f.accountId(), f);
                return GOOD.apply(f);
            }), unit);
        }
        assertEquals(JobState.SUCCEEDED, run().state());

        AccountFacts f = seen.get(0).get("acc-1");
        assertEquals("cooperative", f.relationshipStage());
        assertEquals(new BigDecimal("67"), f.planCompletion(), "2 done of 3 that count");
        assertEquals(0, new BigDecimal("400000").compareTo(f.openPipeline()), "EUR only: " + f.openPipeline());
        assertEquals(new BigDecimal("170000.00"), f.weightedPipeline(), "300,000 x 50 % + 100,000 x 20 %");
        // EUR 300,000 incumbent, 100,000 challenger, the USD one weighs the EUR mean of 200,000 as outsider:
        // (300,000 x 100 + 100,000 x 33 + 200,000 x 0) / 600,000 = 55.5
        assertEquals(new BigDecimal("55.5"), f.competitivePosition());
        assertEquals(12, f.daysSinceLastActivity());
        AccountFacts bare = seen.get(0).get("acc-2");
        assertNull(bare.relationshipStage());
        assertNull(bare.planCompletion());
        assertNull(bare.competitivePosition());
        assertNull(bare.daysSinceLastActivity());
        assertEquals(BigDecimal.ZERO, bare.openPipeline());

        for (int i = 1; i <= 4; i++) {
            assertSame(seen.get(0).get("acc-" + i), seen.get(1).get("acc-" + i), "one facts object for every model");
            assertSame(seen.get(0).get("acc-" + i), seen.get(2).get("acc-" + i));
        }
        assertEquals(4, plans.reads.get(), "one plan read per account, not per model");
        assertEquals(4, pipeline.reads.get());
        assertEquals(4, engagement.reads.get());
    }

    @Test
    void anAccountWhoseWorkCannotBeReadIsLeftOutAndReported() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        pipeline.broken.add("acc-3");
        Job job = run();
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
        assertTrue(job.problems().stream().anyMatch(p -> p.message().startsWith("account acc-3 ")
                && p.message().contains("could not be read")), job.problems().toString());
        assertTrue(job.summary().contains("1 account(s) not scored: their facts could not be read"), job.summary());
        assertEquals(List.of(), engine.scores(ADMIN, "acc-3"), "no score from half the facts");
        assertEquals(1, engine.scores(ADMIN, "acc-4").size());
    }

    // ---- first runs ------------------------------------------------------------------------------------------

    @Test
    void aUnitItsModelsNeverScoredGetsAFullRunOfItsOwnWhichChangesWaitFor() throws InterruptedException {
        useFirstRuns();
        install(new TestModel("good", GOOD), unit);
        engine.accountChanged("acc-2", unit); // waits for the first run instead of a rescoring of its own
        Job job = firstJob();
        assertEquals(JobState.SUCCEEDED, jobs.await(job.id()).state());
        assertEquals(ScoringEngine.SYSTEM.userId(), job.startedBy());
        assertGoodScores();
        for (int i = 1; i <= 4; i++) {
            assertEquals(List.of(job.id()), engine.history(ADMIN, "acc-" + i, "good", 10).stream()
                    .map(ScoreRecord::runId).toList(), "scored once, by the first run");
        }
    }

    @Test
    void aNewlyEnabledModelScoresTheUnitInFull() throws InterruptedException {
        useFirstRuns();
        install(new TestModel("good", GOOD), unit);
        Job first = firstJob();
        jobs.await(first.id());
        install(new TestModel("second", f -> Score.of(7, null, List.of())), unit);
        ScoreRecord second = until(() -> engine.scores(ADMIN, "acc-4").stream()
                .filter(s -> s.modelId().equals("second")).findFirst().orElse(null));
        assertNotNull(second.runId(), second.toString());
        assertTrue(!second.runId().equals(first.id()), "a run of its own");
        assertEquals(JobState.SUCCEEDED, jobs.await(second.runId()).state());
    }

    @Test
    void aUnitScoredInARunBeforeGetsNoFirstRunAndItsChangesAreRescoredOnTheirOwn() throws InterruptedException {
        install(new TestModel("good", GOOD), unit);
        Job run = run();
        useFirstRuns(); // as after a restart
        install(new TestModel("good", GOOD), unit);
        engine.accountChanged("acc-1", unit);
        ScoreRecord r = until(() -> engine.scores(ADMIN, "acc-1").stream().filter(s -> s.runId() == null)
                .findFirst().orElse(null));
        assertEquals(new BigDecimal("10.0"), r.score().value());
        assertEquals(run.id(), engine.history(ADMIN, "acc-1", "good", 10).get(1).runId());
    }

    @Test
    void aFirstRunWaitsForTheQuietTimeAfterTheLatestStoredChangeThoughItsEventNeverCame()
            throws InterruptedException {
        engine.stop();
        engine = engine(config(300, 3, true, 1000));
        // stored as if committed half a second after the model is installed, its event not yet delivered
        Instant stored = Instant.now().plusMillis(500);
        accounts.put(account("acc-5", unit, 5000L, stored));
        install(new TestModel("good", GOOD), unit);
        Job job = firstJob();
        assertFalse(job.createdAt().isBefore(stored.plusMillis(1000)), "started " + job.createdAt()
                + ", before the quiet time after the change stored at " + stored + " had passed");
        Job done = jobs.await(job.id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.toString());
        assertEquals(5, done.total(), "the whole unit: " + done);
    }

    @Test
    void aUnitWithoutAccountsIsScoredWhenItsFirstAccountComes() throws InterruptedException {
        useFirstRuns();
        install(new TestModel("elsewhere", GOOD), "other");
        accounts.put(account("o-1", "other", 500L));
        engine.accountChanged("o-1", "other");
        ScoreRecord r = until(() -> engine.scores(ADMIN, "o-1").stream().findFirst().orElse(null));
        assertNotNull(r.runId(), "the unit's first run: " + r);
        assertEquals(new BigDecimal("5.0"), r.score().value());
    }

    /** Replaces the engine by one with first runs after a quiet time of 50 ms, over the same database. */
    private void useFirstRuns() throws InterruptedException {
        engine.stop();
        engine = engine(config(300, 3, true, 50));
    }

    /** The first job the engine started; waits for it. */
    private Job firstJob() throws InterruptedException {
        return until(() -> jobs.jobs.values().stream().findFirst().orElse(null));
    }

    /** Waits for a value; the timeout is a safety net, not an assertion on speed. */
    private static <T> T until(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing came within 30 s");
    }
}
