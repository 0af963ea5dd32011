package org.openkam.hierarchy.internal;

import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.openkam.api.Caller;
import org.openkam.api.Page;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.Conversion;
import org.openkam.api.money.ExchangeRate;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.money.RateImport;
import org.openkam.api.persistence.Database;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.testing.TestDatabase;

/**
 * Rollup figures on a generated 1,000,000-node forest in embedded H2 (run by {@code src/bench/run.sh} and by the
 * benchmark command of {@code distribution/bench}; prints figures, asserts nothing): ten roots of 100,000 nodes each
 * (fan-out 10, six levels), every node an account in one of four currencies, a tenth with open pipeline. Measures the
 * rollup of every root, then moves a node deep in the first tree (through the store, with its rules) and measures
 * that 100,000-node subtree's rollup right after it.
 * Accounts and pipelines come from in-memory stand-ins of the registry's services (read by id, as the registry's
 * {@code byIds} does), so the figures are the plugin's own work: walking the shape, summing, converting.
 */
public final class HierarchyBenchmark {

    static final Caller ADMIN = new Caller("bench", "bench", true, Map.of());
    static final LocalDate DAY = LocalDate.of(2027, 3, 8);
    static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF"};

    /** The figures of one run, in ms; the benchmark command (distribution/bench) prints them in its table. */
    public record Figures(long generate, long allRoots, long allRootsSecondPass, long move, long subtreeAfterChange,
            long firstShapeRead) {
    }

    public static void main(String[] args) throws Exception {
        int roots = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perRoot = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        run(roots, perRoot, System.out);
    }

    /** Generates the forest, runs the rollups and prints each figure as it comes. */
    public static Figures run(int roots, int perRoot, PrintStream out) throws Exception {
        return TestDatabase.onH2(HierarchyStore.class, database -> run(database, roots, perRoot, out));
    }

    private static Figures run(Database database, int roots, int perRoot, PrintStream out) {
        HierarchyStore store = new HierarchyStore(database);
        Hierarchy forest = store.create(ADMIN, "Benchmark forest", "industrial");
        Map<String, Account> accounts = new HashMap<>();
        Map<String, PipelineSummary> pipelines = new HashMap<>();

        long t0 = System.nanoTime();
        List<String> rootIds = generate(database, forest.id(), roots, perRoot, accounts, pipelines);
        long generated = millis(t0);
        out.printf("generated %,d nodes and %,d links in %,d ms%n", roots * perRoot, roots * (perRoot - 1),
                generated);

        HierarchyRollups rollups = new HierarchyRollups(store, registry(accounts), opportunities(pipelines), RATES);
        rollups.of(ADMIN, forest.id(), rootIds.get(0), DAY); // warm-up: class loading, JIT
        long all = System.nanoTime();
        for (String root : rootIds) {
            long t = System.nanoTime();
            Rollup r = rollups.of(ADMIN, forest.id(), root, DAY);
            out.printf("rollup of root %s: %,d nodes in %,d ms (sales total %s EUR)%n", root,
                    r.nodes(), millis(t), r.money().get("sales").total().amount().toBigInteger());
        }
        long allRoots = millis(all);
        out.printf("rollup of all %d roots: %,d ms%n", roots, allRoots);
        long again = System.nanoTime(); // the same once more, the JIT having seen ten rollups
        for (String root : rootIds) {
            rollups.of(ADMIN, forest.id(), root, DAY);
        }
        long secondPass = millis(again);
        out.printf("rollup of all %d roots, second pass: %,d ms%n", roots, secondPass);

        // a deep change: a node on the fifth level moves under another fifth-level node of the same tree
        String deep = "n0-" + (1 + 10 + 100 + 1000 + 5);
        String target = "n0-" + (1 + 10 + 100 + 1000 + Math.min(7777, perRoot - 1112));
        long m = System.nanoTime();
        store.move(ADMIN, forest.id(), deep, target, DAY, null);
        long moved = millis(m);
        out.printf("move of a subtree five levels deep: %,d ms%n", moved);
        long afterChange = 0;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            Rollup r = rollups.of(ADMIN, forest.id(), rootIds.get(0), DAY);
            long took = millis(t);
            if (i == 0) {
                afterChange = took;
            }
            out.printf("rollup of the %,d-node subtree right after the change, run %d: %,d ms (%,d nodes)%n",
                    perRoot, i + 1, took, r.nodes());
        }
        long s = System.nanoTime();
        HierarchyShape.Walk shape = store.walk(forest.id(), rootIds.get(0), DAY);
        out.printf("of which walking the subtree's shape in memory (%,d nodes): %,d ms%n", shape.size(),
                millis(s));
        HierarchyStore other = new HierarchyStore(database); // another cluster node: reads the shape anew
        long o = System.nanoTime();
        other.walk(forest.id(), rootIds.get(0), DAY);
        long firstRead = millis(o);
        out.printf("first read of the %,d-node shape into memory (once per node and change elsewhere): %,d ms%n",
                roots * perRoot, firstRead);
        return new Figures(generated, allRoots, secondPass, moved, afterChange, firstRead);
    }

    /** Inserts the forest with JDBC batches straight into the plugin's tables: node i's parent is (i - 1) / 10. */
    static List<String> generate(Database database, String hierarchyId, int roots, int perRoot,
            Map<String, Account> accounts, Map<String, PipelineSummary> pipelines) {
        List<String> rootIds = new ArrayList<>();
        database.write(tx -> {
            Connection c = tx.connection();
            try (PreparedStatement node = c.prepareStatement("INSERT INTO hierarchy_node (id, hierarchy_id, "
                    + "account_id, name, business_unit, version, created_at) VALUES (?, ?, ?, ?, 'industrial', 1, ?)");
                    PreparedStatement link = c.prepareStatement("INSERT INTO hierarchy_link (id, hierarchy_id, "
                            + "parent_id, child_id, link_type, valid_from, valid_to, version, created_at) VALUES "
                            + "(?, ?, ?, ?, 'SUBSIDIARY', ?, NULL, 1, ?)")) {
                java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
                for (int r = 0; r < roots; r++) {
                    for (int i = 0; i < perRoot; i++) {
                        String id = "n" + r + "-" + i;
                        String accountId = "a" + r + "-" + i;
                        node.setString(1, id);
                        node.setString(2, hierarchyId);
                        node.setString(3, accountId);
                        node.setString(4, "Entity " + id);
                        node.setTimestamp(5, now);
                        node.addBatch();
                        String currency = CURRENCIES[i % CURRENCIES.length];
                        accounts.put(accountId, new Account(accountId, "industrial", "Entity " + id, null, null, null,
                                null, AccountStatus.ACTIVE, KeyAccountTier.NONE, null, BigDecimal.valueOf(1000 + i % 97),
                                BigDecimal.valueOf(150), BigDecimal.valueOf(4000), currency, Map.of(), 1, null, null));
                        if (i % 10 == 0) {
                            pipelines.put(accountId, new PipelineSummary(2, Map.of(currency, BigDecimal.valueOf(500)),
                                    Map.of(currency, BigDecimal.valueOf(200))));
                        }
                        if (i > 0) {
                            link.setString(1, "l" + r + "-" + i);
                            link.setString(2, hierarchyId);
                            link.setString(3, "n" + r + "-" + (i - 1) / 10);
                            link.setString(4, id);
                            link.setObject(5, LocalDate.of(2020, 1, 1));
                            link.setTimestamp(6, now);
                            link.addBatch();
                        }
                        if (i % 5000 == 4999) {
                            node.executeBatch();
                            link.executeBatch();
                        }
                    }
                    node.executeBatch();
                    link.executeBatch();
                    rootIds.add("n" + r + "-0");
                }
            }
            return null;
        });
        return rootIds;
    }

    static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static AccountRegistry registry(Map<String, Account> accounts) {
        return new AccountRegistry() {
            @Override
            public Account create(Caller caller, AccountDraft draft) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Account get(Caller caller, String id) {
                return accounts.get(id);
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
                accounts.values().forEach(consumer);
            }

            @Override
            public Map<String, Account> byIds(Caller caller, java.util.Collection<String> ids) {
                Map<String, Account> out = new HashMap<>(ids.size() * 2);
                for (String id : ids) {
                    Account a = accounts.get(id);
                    if (a != null) {
                        out.put(id, a);
                    }
                }
                return out;
            }
        };
    }

    static Opportunities opportunities(Map<String, PipelineSummary> pipelines) {
        return (Opportunities) java.lang.reflect.Proxy.newProxyInstance(Opportunities.class.getClassLoader(),
                new Class<?>[] {Opportunities.class}, (proxy, method, args) -> {
                    if (method.getName().equals("summaries")) {
                        Map<String, PipelineSummary> out = new HashMap<>();
                        for (Object id : (java.util.Collection<?>) args[1]) {
                            PipelineSummary p = pipelines.get(id);
                            if (p != null) {
                                out.put((String) id, p);
                            }
                        }
                        return out;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static final ExchangeRates RATES = new ExchangeRates() {
        private final Map<String, BigDecimal> perEuro = Map.of("EUR", BigDecimal.ONE, "USD", new BigDecimal("1.085"),
                "GBP", new BigDecimal("0.845"), "CHF", new BigDecimal("0.94"));

        @Override
        public String reportingCurrency() {
            return "EUR";
        }

        @Override
        public Optional<AppliedRate> rate(String from, String to, LocalDate day) {
            return Optional.of(new AppliedRate(from, to, perEuro.get(to).divide(perEuro.get(from),
                    java.math.MathContext.DECIMAL64), day));
        }

        @Override
        public List<ExchangeRate> rates(LocalDate day) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Conversion convert(Map<String, BigDecimal> amounts, String currency, LocalDate day) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RateImport importEcb(Caller caller, Reader csv) {
            throw new UnsupportedOperationException();
        }
    };
}
