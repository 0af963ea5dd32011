package org.openkam.scoring.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.ModelState;
import org.openkam.api.scoring.Score;
import org.openkam.testing.TestDatabase;

/** The scoring tables on every supported database: history, current and previous, model health. */
abstract class ScoreStoreContract {

    ScoreStore store;
    ModelHealthStore health;
    String unit;
    String account;

    abstract TestDatabase db();

    @BeforeEach
    void fixture() {
        store = new ScoreStore(db().database());
        health = new ModelHealthStore(db().database());
        unit = "unit-" + UUID.randomUUID().toString().substring(0, 8);
        account = UUID.randomUUID().toString();
    }

    static Score score(double value, String cell) {
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("attractiveness", new BigDecimal("71.5"));
        measures.put("strength", new BigDecimal("40.0"));
        return Score.of(value, new Classification(cell, "Cell " + cell, "Do something"), List.of(
                FactorContribution.of("attractiveness.sales", "Attractiveness: annual sales", "1200000 EUR", 80.0, 0.25),
                FactorContribution.of("strength.relationship-stage", "Strength: relationship stage (unknown, left out)",
                        null, null, 0)), measures);
    }

    static Instant at(int minute) {
        return Instant.parse("2027-03-31T10:00:00Z").plus(minute, ChronoUnit.MINUTES).plusNanos(123_000);
    }

    private CurrentScore position(String unit, String model, String accountId) {
        return store.positions(unit, model, List.of(accountId)).get(accountId);
    }

    @Test
    void aScoreRoundTripsWithItsExplanation() {
        Score s = score(55.55, "high-medium");
        store.save(List.of(new StoredScore("portfolio-matrix", "1.0.0", account, unit, "run-1", at(0), s)));
        List<StoredScore> current = store.current(account);
        assertEquals(1, current.size());
        StoredScore read = current.get(0);
        assertEquals(s, read.score(), "value, classification, contributions and measures come back as stored");
        assertEquals(new BigDecimal("55.6"), read.score().value());
        assertEquals(List.of("attractiveness", "strength"), List.copyOf(read.score().measures().keySet()));
        assertEquals(at(0), read.scoredAt());
        assertEquals("run-1", read.runId());
        assertEquals(unit, read.businessUnit());
        assertEquals("1.0.0", read.modelVersion());
    }

    @Test
    void aNewScoreBecomesCurrentAndTheOldOnePrevious() {
        store.save(List.of(new StoredScore("portfolio-matrix", "1.0.0", account, unit, "run-1", at(0),
                score(40, "medium-medium"))));
        store.save(List.of(new StoredScore("portfolio-matrix", "1.0.0", account, unit, "run-2", at(1),
                score(70, "high-high"))));
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-2", at(1), score(10, "C"))));
        CurrentScore cs = position(unit, "portfolio-matrix", account);
        assertEquals("run-2", cs.current().runId());
        assertEquals("high-high", cs.current().score().classification().id());
        assertEquals("run-1", cs.previous().runId());
        assertEquals("medium-medium", cs.previous().score().classification().id());
        assertEquals(List.of("abc-analysis", "portfolio-matrix"),
                store.current(account).stream().map(StoredScore::modelId).toList());
        CurrentScore abc = position(unit, "abc-analysis", account);
        assertNull(abc.previous());
    }

    @Test
    void currentScoresOfManyAccountsByOneModel() {
        List<String> accounts = new java.util.ArrayList<>();
        List<StoredScore> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 501; i++) { // more than one chunk of 500
            String id = UUID.randomUUID().toString();
            accounts.add(id);
            batch.add(new StoredScore("abc-analysis", "1.0.0", id, unit, "run-1", at(0), score(i % 100, "C")));
        }
        store.save(batch);
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", accounts.get(500), unit, null, at(1),
                score(99, "A"))));
        store.save(List.of(new StoredScore("portfolio-matrix", "1.0.0", account, unit, "run-1", at(0),
                score(50, "C"))));
        List<String> asked = new java.util.ArrayList<>(accounts);
        asked.add(account); // scored by another model only
        asked.add("unknown");

        Map<String, StoredScore> read = new java.util.HashMap<>();
        store.current("abc-analysis", asked).forEach(s -> read.put(s.accountId(), s));

        assertEquals(java.util.Set.copyOf(accounts), read.keySet());
        assertEquals(new BigDecimal("99.0"), read.get(accounts.get(500)).score().value(), "the current one");
        assertEquals(new BigDecimal("7.0"), read.get(accounts.get(7)).score().value());
        assertEquals(List.of(), store.current("abc-analysis", List.of()));
    }

    @Test
    void aPageOfAUnitsPositionsIsReadByIdWithThePositionBefore() {
        String other = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        store.save(List.of(new StoredScore("portfolio-matrix", "1.0.0", account, unit, "run-1", at(0),
                score(40, "medium-medium")), new StoredScore("portfolio-matrix", "1.0.0", other, unit, "run-1", at(0),
                score(50, "medium-medium")), new StoredScore("portfolio-matrix", "1.0.0", elsewhere, "other-unit",
                "run-1", at(0), score(60, "high-high"))));
        store.save(List.of(new StoredScore("portfolio-matrix", "1.0.0", account, unit, "run-2", at(1),
                score(70, "high-high"))));

        Map<String, CurrentScore> page = store.positions(unit, "portfolio-matrix",
                List.of(account, elsewhere, "unknown"));

        assertEquals(java.util.Set.of(account), page.keySet(), "only the asked accounts scored in the unit");
        assertEquals("run-2", page.get(account).current().runId());
        assertEquals("run-1", page.get(account).previous().runId());
        assertEquals(store.current("portfolio-matrix", List.of(account)).get(0).score(),
                page.get(account).current().score(), "the current score");
        assertTrue(store.positions(unit, "abc-analysis", List.of(account, other)).isEmpty(), "another model");
        assertTrue(store.positions(unit, "portfolio-matrix", List.of()).isEmpty());
        List<String> tooMany = java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(501)
                .toList();
        assertThrows(IllegalArgumentException.class, () -> store.positions(unit, "portfolio-matrix", tooMany));
    }

    @Test
    void aUnitsPlacementsAreReadAPageAtATimeInIdOrderWithoutTheUnplacedOrOtherUnitsAndModels() {
        List<StoredScore> batch = new java.util.ArrayList<>();
        List<String> placed = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = UUID.randomUUID().toString();
            placed.add(id);
            batch.add(new StoredScore("portfolio-matrix", "1.0.0", id, unit, "run-1", at(0), score(10 * i, "B")));
        }
        String insufficient = UUID.randomUUID().toString();
        String unclassified = UUID.randomUUID().toString();
        batch.add(new StoredScore("portfolio-matrix", "1.0.0", insufficient, unit, "run-1", at(0), null));
        batch.add(new StoredScore("portfolio-matrix", "1.0.0", unclassified, unit, "run-1", at(0), Score.of(50, null,
                List.of(), Map.of())));
        batch.add(new StoredScore("portfolio-matrix", "1.0.0", account, "other-" + unit, "run-1", at(0),
                score(90, "A")));
        batch.add(new StoredScore("abc-analysis", "1.0.0", placed.get(0), unit, "run-1", at(0), score(90, "A")));
        store.save(batch);
        store.save(List.of(new StoredScore("portfolio-matrix", "1.0.0", placed.get(3), unit, null, at(1),
                score(95, "A"))));

        List<Placement> read = new java.util.ArrayList<>();
        String after = "";
        for (List<Placement> page; !(page = store.placements(unit, "portfolio-matrix", after, 3)).isEmpty();
                after = page.get(page.size() - 1).accountId()) {
            assertTrue(page.size() <= 3, "a page holds at most the limit");
            read.addAll(page);
        }

        assertEquals(placed.stream().sorted().toList(), read.stream().map(Placement::accountId).toList(),
                "each placed account of the unit once, in id order");
        Placement changed = read.stream().filter(p -> p.accountId().equals(placed.get(3))).findFirst().orElseThrow();
        assertEquals(new Placement(placed.get(3), new BigDecimal("95.0"), "A"), changed, "the current score's place");
        assertEquals(List.of(), store.placements(unit, "abc-analysis", placed.get(0), 3), "after the last one");
    }

    @Test
    void theAccountsThatMovedMostSinceTheRunBeforeComeFirst() {
        List<String> ids = new java.util.ArrayList<>();
        List<StoredScore> first = new java.util.ArrayList<>();
        List<StoredScore> second = new java.util.ArrayList<>();
        double[] before = {50, 50, 50, 50, 50, 50};
        double[] after = {50, 62, 41, 50, 80, 50}; // 0, +12, -9, 0 in another cell, +30, none: the fifth is missing
        String[] cells = {"B", "B", "B", "A", "B", "B"};
        for (int i = 0; i < before.length; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            first.add(new StoredScore("abc-analysis", "1.0.0", id, unit, "run-1", at(0), score(before[i], "B")));
            second.add(new StoredScore("abc-analysis", "1.0.0", id, unit, "run-2", at(1),
                    i == 5 ? null : score(after[i], cells[i])));
        }
        store.save(first);
        store.save(second);
        String once = UUID.randomUUID().toString(); // one score only: nothing to move from
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", once, unit, "run-1", at(0), score(90, "A"))));

        assertEquals(List.of(ids.get(4), ids.get(1), ids.get(2), ids.get(3)), store.movers(unit, "abc-analysis", 10),
                "largest change first; a change of cell alone is a move; unchanged, unscored and new accounts are not");
        assertEquals(List.of(ids.get(4), ids.get(1)), store.movers(unit, "abc-analysis", 2));
        assertEquals(List.of(), store.movers("other-unit", "abc-analysis", 10));

        // a rescoring after a change moves against the last run; the next run against the run before it
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", ids.get(0), unit, null, at(2), score(75, "B"))));
        assertEquals(List.of(ids.get(4), ids.get(0), ids.get(1), ids.get(2), ids.get(3)),
                store.movers(unit, "abc-analysis", 10));
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", ids.get(0), unit, "run-3", at(3), score(75, "B")),
                new StoredScore("abc-analysis", "1.0.0", ids.get(4), unit, "run-3", at(3), score(80, "B"))));
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3)), store.movers(unit, "abc-analysis", 10),
                "the fifth stands still since run 2; the first moved 25 against it");
    }

    @Test
    void theMigrationFillsInTheValuesOfScoresStoredBeforeThem() throws Exception {
        String moved = UUID.randomUUID().toString();
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-1", at(0), score(50, "B")),
                new StoredScore("abc-analysis", "1.0.0", moved, unit, "run-1", at(0), score(50, "B"))));
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-2", at(1), score(50, "B")),
                new StoredScore("abc-analysis", "1.0.0", moved, unit, "run-2", at(1), score(61, "A"))));
        String script;
        try (var in = ScoreStore.class.getResourceAsStream("/OSGI-INF/openkam/migrations/V2__current_values.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String fill = script.substring(script.indexOf("UPDATE scoring_current"), script.lastIndexOf(';'));
        db().database().write(tx -> {
            try (var forget = tx.connection().createStatement()) {
                return forget.executeUpdate("UPDATE scoring_current SET current_score = NULL, current_class = NULL, "
                        + "run_score = NULL, run_class = NULL, previous_score = NULL, previous_class = NULL");
            }
        });
        assertEquals(List.of(), store.movers(unit, "abc-analysis", 10), "the values are gone");
        db().database().write(tx -> {
            try (var migrate = tx.connection().createStatement()) {
                return migrate.executeUpdate(fill);
            }
        });

        assertEquals(List.of(moved), store.movers(unit, "abc-analysis", 10));
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-3", at(2), score(90, "A"))));
        assertEquals(List.of(account, moved), store.movers(unit, "abc-analysis", 10),
                "the run scores were filled in too: run 2's became the previous one");
    }

    @Test
    void historyIsNewestFirstAndLimited() {
        for (int i = 0; i < 5; i++) {
            store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-" + i, at(i),
                    score(10 * i, "C"))));
        }
        List<StoredScore> history = store.history(account, "abc-analysis", 3);
        assertEquals(List.of("run-4", "run-3", "run-2"), history.stream().map(StoredScore::runId).toList());
        assertEquals(5, store.history(account, "abc-analysis", 100).size());
        assertEquals(List.of(), store.history(account, "other-model", 10));
    }

    @Test
    void movementIsMeasuredAgainstTheLastRunNotAgainstRescoringsAfterChanges() {
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-1", at(0), score(10, "C"))));
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, null, at(1), score(20, "B"))));
        CurrentScore changed = position(unit, "abc-analysis", account);
        assertNull(changed.current().runId());
        assertEquals("run-1", changed.previous().runId());
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, null, at(2), score(30, "B"))));
        assertEquals("run-1", position(unit, "abc-analysis", account).previous().runId());
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-2", at(3), score(40, "A"))));
        CurrentScore run = position(unit, "abc-analysis", account);
        assertEquals("run-2", run.current().runId());
        assertEquals("run-1", run.previous().runId(), "the previous run, not the rescorings between");
        assertEquals(4, store.history(account, "abc-analysis", 10).size(), "history keeps every score");
        String fresh = UUID.randomUUID().toString();
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", fresh, unit, null, at(0), score(5, "C"))));
        assertNull(position(unit, "abc-analysis", fresh).previous(), "no run yet, nothing to move from");
    }

    @Test
    void aMissingScoreIsStoredAsSuchAndAMovedAccountFollowsItsUnit() {
        store.save(List.of(new StoredScore("share-of-wallet", "1.0.0", account, unit, "run-1", at(0), null)));
        StoredScore read = store.current(account).get(0);
        assertNull(read.score());
        assertEquals("run-1", read.runId());
        String other = unit + "-b";
        store.save(List.of(new StoredScore("share-of-wallet", "1.0.0", account, other, "run-2", at(1),
                score(20, "low"))));
        assertNull(position(unit, "share-of-wallet", account), "the account left the unit");
        CurrentScore moved = position(other, "share-of-wallet", account);
        assertNull(moved.previous().score(), "the previous entry was the missing score");
    }

    @Test
    void manyScoresInOneSaveAndNoTwoForTheSameModelAndAccount() {
        List<StoredScore> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(new StoredScore("abc-analysis", "1.0.0", "acc-" + unit + "-" + i, unit, "run-1", at(0),
                    score(i, "B")));
        }
        store.save(batch);
        assertEquals(30, store.placements(unit, "abc-analysis", "", 500).size());
        StoredScore one = new StoredScore("abc-analysis", "1.0.0", account, unit, "r", at(0), score(1, "C"));
        assertThrows(IllegalArgumentException.class, () -> store.save(List.of(one, one)));
        assertEquals(List.of(), store.current(account), "a refused save stores nothing");
    }

    @Test
    void modelHealthIsWrittenAndReplaced() {
        String model = "model-" + unit;
        health.put(new ModelHealthRecord(model, "1.0.0", ModelState.ACTIVE, 1, "threw x", at(0)));
        health.put(new ModelHealthRecord(model, "1.0.0", ModelState.QUARANTINED, 3, "3 in a row", at(1)));
        health.put(new ModelHealthRecord(model, "2.0.0", ModelState.ACTIVE, 0, null, at(2)));
        List<ModelHealthRecord> mine = health.all().stream().filter(r -> r.modelId().equals(model)).toList();
        assertEquals(2, mine.size());
        ModelHealthRecord v1 = mine.stream().filter(r -> r.modelVersion().equals("1.0.0")).findFirst().orElseThrow();
        assertEquals(ModelState.QUARANTINED, v1.state());
        assertEquals(3, v1.failures());
        assertEquals("3 in a row", v1.reason());
        assertEquals(at(1), v1.changedAt());
    }
    @Test
    void aUnitCountsAsScoredInARunByTheModelVersionThatScoredIt() {
        assertFalse(store.scoredInRun(unit, "abc-analysis", "1.0.0"));
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, null, at(0), score(10, "C"))));
        assertFalse(store.scoredInRun(unit, "abc-analysis", "1.0.0"), "a rescoring after a change is no run");
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-1", at(1), score(10, "C"))));
        assertTrue(store.scoredInRun(unit, "abc-analysis", "1.0.0"));
        store.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, null, at(2), score(20, "C"))));
        assertTrue(store.scoredInRun(unit, "abc-analysis", "1.0.0"), "the run's score stays the reference");
        assertFalse(store.scoredInRun(unit, "abc-analysis", "1.1.0"), "a new version has not scored the unit");
        assertFalse(store.scoredInRun(unit, "portfolio-matrix", "1.0.0"));
        assertFalse(store.scoredInRun("other-" + unit, "abc-analysis", "1.0.0"));
    }

    @Test
    void aFirstScoreAnotherNodeStoredMeanwhileBecomesThePreviousOne() {
        ScoreStore otherNode = new ScoreStore(db().database());
        AtomicBoolean raced = new AtomicBoolean();
        // the other node stores its first score of the account just before this node inserts its own
        ScoreStore thisNode = new ScoreStore(db().database(shared -> racing(shared, sql -> {
            if (sql.startsWith("INSERT INTO scoring_current") && raced.compareAndSet(false, true)) {
                otherNode.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-b", at(0),
                        score(20, "B"))));
            }
        })));
        thisNode.save(List.of(new StoredScore("abc-analysis", "1.0.0", account, unit, "run-a", at(1),
                score(30, "A"))));
        assertTrue(raced.get(), "the other node's save came in between");
        CurrentScore current = position(unit, "abc-analysis", account);
        assertEquals("run-a", current.current().runId());
        assertEquals("run-b", current.previous().runId());
        assertEquals(2, store.history(account, "abc-analysis", 10).size(), "both scores, each once");
    }

    /** A data source whose connections tell {@code beforePrepare} each statement before preparing it. */
    private static DataSource racing(DataSource real, Consumer<String> beforePrepare) {
        return (DataSource) Proxy.newProxyInstance(ScoreStoreContract.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection c = (Connection) result;
                    return Proxy.newProxyInstance(ScoreStoreContract.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("prepareStatement")) {
                                    beforePrepare.accept((String) a[0]);
                                }
                                return invoke(c, m, a);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
