package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.Scoring;
import org.openkam.testing.TestDatabase;

/**
 * Rollups from the shape in memory are exact: on a random forest changed by links, moves and unlinks through the
 * store, every node's rollup on several days equals the one computed the old way, from every link read from the
 * tables and summed per node ({@link SubtreeSums}). Then the scores of a chosen model, and none without scoring.
 */
class RollupsOnTheShapeTest {

    static final Caller ADMIN = new Caller("admin", "admin", true, Map.of());
    /** Reads unit "a" only: the accounts of "b" are hidden. */
    static final Caller READER = new Caller("reader", "reader", false, Map.of("a", Set.of(Role.VIEWER)));
    static final LocalDate DAY = HierarchyRollupsTest.DAY;
    static final String[] CURRENCIES = {"EUR", "GBP", "CHF"};

    @RegisterExtension
    final TestDatabase db = TestDatabase.h2(HierarchyStore.class);

    final Map<String, Account> accounts = new HashMap<>();
    final Map<String, PipelineSummary> pipelines = new HashMap<>();

    @Test
    void rollupsOnTheShapeEqualTheOnesSummedFromTheTables() {
        Random random = new Random(42);
        HierarchyStore store = new HierarchyStore(db.database());
        Hierarchy h = store.create(ADMIN, "Random", "a");
        List<HierarchyNode> nodes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String unit = i % 3 == 2 ? "b" : "a";
            String account = i % 7 == 3 ? null : "acc-" + i; // some grouping nodes
            nodes.add(store.addNode(ADMIN, h.id(), account, "Node " + i, unit));
            if (account != null) {
                String currency = CURRENCIES[random.nextInt(3)];
                accounts.put(account, new Account(account, unit, "Node " + i, null, null, null, null,
                        AccountStatus.ACTIVE, KeyAccountTier.NONE, null, BigDecimal.valueOf(random.nextInt(10_000), 2),
                        BigDecimal.valueOf(random.nextInt(500)), null, currency, Map.of(), 1, null, null));
                if (random.nextInt(4) == 0) {
                    pipelines.put(account, new PipelineSummary(1, Map.of(currency, BigDecimal.TEN), Map.of(currency,
                            BigDecimal.ONE)));
                }
            }
            if (i > 0) { // a forest: each node under an earlier one, from a day in the past
                store.link(ADMIN, h.id(), new LinkDraft(nodes.get(random.nextInt(i)).id(), nodes.get(i).id(),
                        LinkType.SUBSIDIARY, DAY.minusDays(60 + random.nextInt(60)), null));
            }
        }
        HierarchyRollups rollups = new HierarchyRollups(store, registry(), opportunities(), HierarchyRollupsTest.RATES);
        rollups.of(ADMIN, h.id(), nodes.get(0).id(), DAY); // the shape is now in memory: changes apply to it
        // the days a link ends or begins are where an off-by-one would show
        java.util.SortedSet<LocalDate> days = new java.util.TreeSet<>(List.of(DAY.minusDays(100), DAY.minusDays(45)));
        for (int i = 0; i < 30; i++) { // every parent is an earlier node, so a move never closes a cycle
            int child = 1 + random.nextInt(119);
            LocalDate on = DAY.minusDays(random.nextInt(30));
            store.move(ADMIN, h.id(), nodes.get(child).id(), nodes.get(random.nextInt(child)).id(), on, null);
            days.add(on);
            days.add(on.minusDays(1));
        }
        HierarchyLink some = store.parentLinks(h.id(), nodes.get(77).id()).get(0);
        store.unlink(ADMIN, h.id(), some.id(), some.version());

        Map<String, HierarchyNode> byId = store.nodes(h.id());
        for (LocalDate day : days) {
            for (HierarchyNode node : nodes) {
                for (Caller caller : List.of(ADMIN, READER)) {
                    assertEquals(fromTheTables(store, byId, rollups, h.id(), node.id(), day, caller),
                            rollups.of(caller, h.id(), node.id(), day), node.name() + " on " + day);
                }
            }
        }
    }

    /** The old way: the day's links from the tables, each readable account's figures, sums per node. */
    Rollup fromTheTables(HierarchyStore store, Map<String, HierarchyNode> byId, HierarchyRollups rollups,
            String hierarchyId, String nodeId, LocalDate day, Caller caller) {
        Map<String, List<String>> children = new HashMap<>();
        store.links(hierarchyId).stream().filter(l -> !l.validFrom().isAfter(day)
                && (l.validTo() == null || l.validTo().isAfter(day)))
                .forEach(l -> children.computeIfAbsent(l.parentId(), k -> new ArrayList<>()).add(l.childId()));
        Map<String, NodeFigures> own = new HashMap<>();
        Map<String, SubtreeSums.Parts<NodeFigures>> parts = SubtreeSums.of(nodeId, children, Map.of());
        int hidden = 0;
        for (String id : parts.keySet()) {
            String accountId = byId.get(id).accountId();
            if (accountId != null) {
                Account a = accounts.get(accountId);
                if (caller.canRead(a.businessUnit())) {
                    own.put(id, HierarchyRollups.figures(a, pipelines.get(accountId)));
                } else {
                    hidden++;
                }
            }
        }
        return rollups.report(hierarchyId, nodeId, day, SubtreeSums.of(nodeId, children, own).get(nodeId),
                parts.size(), hidden);
    }

    @Test
    void scoresOfAChosenModelAreRolledUpAndAbsentWithoutScoring() {
        HierarchyStore store = new HierarchyStore(db.database());
        Hierarchy h = store.create(ADMIN, "Scored", "a");
        HierarchyNode root = store.addNode(ADMIN, h.id(), "acc-1", "Holding", "a");
        HierarchyNode region = store.addNode(ADMIN, h.id(), null, "Region", "a");
        store.link(ADMIN, h.id(), new LinkDraft(root.id(), region.id(), LinkType.REGIONAL_GROUPING, DAY, null));
        for (int i = 2; i <= 5; i++) {
            HierarchyNode n = store.addNode(ADMIN, h.id(), "acc-" + i, "Sub " + i, i == 5 ? "b" : "a");
            store.link(ADMIN, h.id(), new LinkDraft(region.id(), n.id(), LinkType.SUBSIDIARY, DAY, null));
        }
        for (int i = 1; i <= 5; i++) {
            accounts.put("acc-" + i, new Account("acc-" + i, i == 5 ? "b" : "a", "A" + i, null, null, null, null,
                    AccountStatus.ACTIVE, KeyAccountTier.NONE, null, null, null, null, "EUR", Map.of(), 1, null, null));
        }
        // acc-2 60, acc-3 unscored (insufficient facts), acc-4 25.5, acc-5 0 but hidden from the reader
        Map<String, BigDecimal> values = new HashMap<>(Map.of("acc-1", new BigDecimal("40"), "acc-2",
                new BigDecimal("60"), "acc-4", new BigDecimal("25.5"), "acc-5", BigDecimal.ZERO));
        Scoring scoring = scoring(values);

        assertNull(new HierarchyRollups(store, registry(), opportunities(), HierarchyRollupsTest.RATES, () -> null)
                .of(READER, h.id(), root.id(), DAY, "abc-analysis").scores(), "no scoring: no scores, no error");
        HierarchyRollups rollups = new HierarchyRollups(store, registry(), opportunities(),
                HierarchyRollupsTest.RATES, () -> scoring);
        assertNull(rollups.of(READER, h.id(), root.id(), DAY, null).scores(), "no model asked for");

        Rollup.Scores s = rollups.of(READER, h.id(), root.id(), DAY, "abc-analysis").scores();
        assertEquals("abc-analysis", s.model());
        assertEquals(new Rollup.Part<>(new BigDecimal("40.00"), new BigDecimal("42.75"), new BigDecimal("41.83")),
                s.mean());
        assertEquals(new Rollup.Part<>(new BigDecimal("40.0"), new BigDecimal("25.5"), new BigDecimal("25.5")),
                s.minimum());
        assertEquals(new Rollup.Part<>(1, 2, 3), s.scored());
        assertEquals(new BigDecimal("0.0"), rollups.of(ADMIN, h.id(), root.id(), DAY, "abc-analysis").scores()
                .minimum().total(), "the administrator reads the hidden account's score too");
        Rollup.Scores ofRegion = rollups.of(READER, h.id(), region.id(), DAY, "abc-analysis").scores();
        assertEquals(new Rollup.Part<>(null, new BigDecimal("42.75"), new BigDecimal("42.75")), ofRegion.mean(),
                "a grouping node has no score of its own");
    }

    /** Scores by "abc-analysis" only, for the readable accounts; acc-3 scored without a value. */
    Scoring scoring(Map<String, BigDecimal> values) {
        return (Scoring) java.lang.reflect.Proxy.newProxyInstance(Scoring.class.getClassLoader(),
                new Class<?>[] {Scoring.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("currentScores")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Caller caller = (Caller) args[0];
                    Map<String, ScoreRecord> out = new HashMap<>();
                    if (args[1].equals("abc-analysis")) {
                        for (Object id : (Collection<?>) args[2]) {
                            Account a = accounts.get(id);
                            if (a != null && caller.canRead(a.businessUnit())
                                    && (values.containsKey(id) || id.equals("acc-3"))) {
                                BigDecimal v = values.get(id);
                                out.put(a.id(), new ScoreRecord("abc-analysis", "1.0.0", true, a.id(),
                                        a.businessUnit(), Instant.EPOCH, null,
                                        v == null ? null : Score.of(v.doubleValue(), null, List.of())));
                            }
                        }
                    }
                    return out;
                });
    }

    /** The registry's reads by id, scoped like the registry: unreadable accounts are left out. */
    AccountRegistry registry() {
        Map<String, Account> all = accounts;
        return (AccountRegistry) java.lang.reflect.Proxy.newProxyInstance(AccountRegistry.class.getClassLoader(),
                new Class<?>[] {AccountRegistry.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("byIds")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Caller caller = (Caller) args[0];
                    Map<String, Account> out = new HashMap<>();
                    for (Object id : (Collection<?>) args[1]) {
                        Account a = all.get(id);
                        if (a != null && caller.canRead(a.businessUnit())) {
                            out.put(a.id(), a);
                        }
                    }
                    return out;
                });
    }

    org.openkam.api.pipeline.Opportunities opportunities() {
        return HierarchyBenchmark.opportunities(pipelines);
    }
}
