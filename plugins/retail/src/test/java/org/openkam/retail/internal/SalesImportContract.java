package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.api.Caller;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.testing.TestDatabase;

/** Sell-out and sell-in imports on every supported database: volume, problems by line, all or nothing. */
abstract class SalesImportContract {

    static final Caller MANAGER = new Caller("user-kam", "kam", true, Map.of());
    static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    /** The jobs' last state, as the registry's tracker would record it. */
    static final class RecordingJobs implements JobTracker {
        final Map<String, Job> jobs = new ConcurrentHashMap<>();

        @Override
        public Job create(Caller caller, String type) {
            Job job = new Job(UUID.randomUUID().toString(), type, JobState.QUEUED, 0, -1, List.of(), null,
                    caller.userId(), null, null);
            jobs.put(job.id(), job);
            return job;
        }

        @Override
        public void progress(String id, long done, long total) {
            jobs.computeIfPresent(id, (k, j) -> new Job(id, j.type(), JobState.RUNNING, done, total, List.of(), null,
                    j.startedBy(), null, null));
        }

        @Override
        public void finish(String id, JobState state, long done, long total, List<JobProblem> problems, String summary) {
            jobs.computeIfPresent(id, (k, j) -> new Job(id, j.type(), state, done, total, problems, summary,
                    j.startedBy(), null, null));
        }
    }

    @TempDir
    Path dir;
    RecordingJobs tracker;
    SalesImport imports;
    String unit;
    String retailer;
    List<Store> stores;
    List<Product> products;

    abstract TestDatabase db();

    @BeforeEach
    void fixture() {
        tracker = new RecordingJobs();
        imports = new SalesImport(db().database(), tracker);
        unit = "cg-" + UUID.randomUUID().toString().substring(0, 8);
        retailer = UUID.randomUUID().toString();
        ProductCatalog catalog = new ProductCatalog(db().database());
        RetailerStructure structure = new RetailerStructure(db().database());
        Banner banner = structure.createBanner(MANAGER, retailer, unit, "MegaMart", "hypermarket");
        stores = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stores.add(structure.createStore(MANAGER, retailer, unit, new StoreDraft(banner.id(), "S" + i,
                    "Store " + i, i % 2 == 0 ? "north" : "south", null, BigDecimal.TEN, BigDecimal.ONE)));
        }
        products = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            products.add(catalog.create(MANAGER, unit, new ProductDraft(gtin(i), "SKU " + i, "Fizz", null, null,
                    BigDecimal.TEN, BigDecimal.ONE)));
        }
    }

    /** A GTIN-13 with its check digit. */
    static String gtin(int i) {
        String body = String.format("400000000%03d", i);
        return body + Gtin.checkDigit(body);
    }

    Path file(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "sales", ".csv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    Job run(SalesFile.Kind kind, Path file, boolean allOrNothing) {
        Job job = tracker.create(MANAGER, "test");
        imports.run(MANAGER, new SalesImport.Target(kind, unit, kind == SalesFile.Kind.SELL_IN ? retailer : null), file,
                allOrNothing, job.id());
        return tracker.jobs.get(job.id());
    }

    long rows(String table) {
        return db().database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT COUNT(*), COALESCE(SUM(volume), 0) FROM "
                    + table + " WHERE business_unit = ?")) {
                ps.setString(1, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void aYearOfWeeklySellOutFor50StoresAnd40SkusImportsInOneGo() throws IOException {
        Path file = Files.createTempFile(dir, "year", ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("store,gtin,week,volume,value\n");
            for (int week = 0; week < 50; week++) {
                for (int s = 0; s < 50; s++) {
                    for (int p = 0; p < 40; p++) {
                        out.write("S" + s + "," + gtin(p) + "," + MONDAY.plusWeeks(week).plusDays(s % 7) + ","
                                + (s + p + week) + "," + (s + p + week) * 2 + ".5\n");
                    }
                }
            }
        }
        // Figures, not a pass/fail: wall time depends on the machine's load, the thread's CPU time much less.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        Job job = run(SalesFile.Kind.SELL_OUT, file, true);
        System.out.printf("%s: 100,000 new sell-out lines imported in %d ms (%d ms CPU)%n", getClass().getSimpleName(),
                (System.nanoTime() - started) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000);
        assertEquals(JobState.SUCCEEDED, job.state(), job::toString);
        assertEquals(100_000, job.done());
        assertEquals(100_000, job.total());
        assertEquals(100_000, rows("retail_sell_out"));
        assertEquals(1, db().audit(SalesImport.ENTITY, job.id()).size(), "one audit entry for the import");

        // The weekly feed: the last week again (2,000 stored keys, now updates) and a new week.
        Path weeks = Files.createTempFile(dir, "weeks", ".csv");
        try (Writer out = Files.newBufferedWriter(weeks, StandardCharsets.UTF_8)) {
            out.write("store,gtin,week,volume,value\n");
            for (int week = 49; week < 51; week++) {
                for (int s = 0; s < 50; s++) {
                    for (int p = 0; p < 40; p++) {
                        out.write("S" + s + "," + gtin(p) + "," + MONDAY.plusWeeks(week) + ",1,1\n");
                    }
                }
            }
        }
        started = System.nanoTime();
        cpuStarted = threads.getCurrentThreadCpuTime();
        Job feed = run(SalesFile.Kind.SELL_OUT, weeks, true);
        System.out.printf("%s: 2,000 stored and 2,000 new sell-out lines imported in %d ms (%d ms CPU)%n",
                getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000);
        assertEquals(JobState.SUCCEEDED, feed.state(), feed::toString);
        assertEquals(102_000, rows("retail_sell_out"));
    }

    @Test
    void everyBadLineIsNamedAndAllOrNothingStoresNothing() throws IOException {
        Path file = file("store,gtin,week,volume",
                "S1," + gtin(1) + ",2027-01-04,10",
                "S999," + gtin(1) + ",2027-01-04,10",
                "S1,4006381333931,2027-01-04,10",
                "S1," + gtin(2) + ",2027-01-04,-5",
                "S1,4006381333932,2027-01-04,1",
                "S1," + gtin(3) + ",next week,1",
                "S1," + gtin(1) + ",2027-01-06,7");
        Job job = run(SalesFile.Kind.SELL_OUT, file, true);
        assertEquals(JobState.FAILED, job.state());
        assertEquals(List.of(
                new JobProblem(3, "store", "is not the code of a store of the unit: S999"),
                new JobProblem(4, "gtin", "is not a product of the unit: 4006381333931"),
                new JobProblem(5, "volume", "must not be negative"),
                new JobProblem(6, "gtin", "has the check digit 2 where 1 is due"),
                new JobProblem(7, "week", "must be a date such as 2027-03-29")), job.problems());
        assertEquals(0, rows("retail_sell_out"), "nothing stored");
    }

    @Test
    void aRepeatedKeyIsFoundByTheDatabaseAndNamesTheEarlierLine() throws IOException {
        // more than a batch of lines between the first line and its repeat: found by the write's lookup, not in memory
        List<String> lines = new java.util.ArrayList<>();
        lines.add("store,gtin,week,volume");
        lines.add("S1," + gtin(1) + ",2027-01-04,10");
        for (int w = 1; w <= 1500; w++) {
            lines.add("S2," + gtin(1) + "," + MONDAY.plusWeeks(w) + ",1");
        }
        lines.add("S1," + gtin(1) + ",2027-01-06,7"); // line 1503: the same store, product and week as line 2
        lines.add("S3," + gtin(2) + ",2027-01-04,5");
        lines.add("S3," + gtin(2) + ",2027-01-04,6"); // line 1505: a repeat within the batch
        Path file = file(lines.toArray(String[]::new));
        Job refused = run(SalesFile.Kind.SELL_OUT, file, true);
        assertEquals(JobState.FAILED, refused.state(), refused::toString);
        assertEquals(List.of(new JobProblem(1503, "store", "repeats the store, product and week of line 2"),
                new JobProblem(1505, "store", "repeats the store, product and week of line 1504")), refused.problems());
        assertEquals(0, rows("retail_sell_out"), "all or nothing: nothing stored");

        Job partial = run(SalesFile.Kind.SELL_OUT, file, false);
        assertEquals(JobState.SUCCEEDED, partial.state(), partial::toString);
        assertEquals(1502, partial.done());
        assertEquals(refused.problems(), partial.problems());
        assertEquals(1502, rows("retail_sell_out"));
        assertEquals(List.of(new BigDecimal("10")), new SalesLedger(db().database()).weeklySellOut(retailer, null,
                List.of(products.get(1).id()), MONDAY.plusWeeks(1), 1).stream().map(Money::plain).toList(),
                "the first line of a repeated key is stored, its repeat skipped");

        Job again = run(SalesFile.Kind.SELL_OUT, file("store,gtin,week,volume", "S1," + gtin(1) + ",2027-01-04,12"),
                true);
        assertEquals(JobState.SUCCEEDED, again.state(), "a later import replaces the key: no repeat " + again);
    }

    @Test
    void partialStoresTheGoodLinesAndAReimportReplacesThem() throws IOException {
        Job partial = run(SalesFile.Kind.SELL_OUT, file("store,gtin,week,volume",
                "S1," + gtin(1) + ",2027-01-04,10", "S2," + gtin(1) + ",2027-01-04,-1"), false);
        assertEquals(JobState.SUCCEEDED, partial.state());
        assertEquals(1, partial.done());
        assertEquals(List.of(new JobProblem(3, "volume", "must not be negative")), partial.problems());
        Job again = run(SalesFile.Kind.SELL_OUT, file("\uFEFFstore,gtin,week,volume",
                "S1," + gtin(1) + ",2027-01-07,25"), true);
        assertEquals(JobState.SUCCEEDED, again.state());
        assertEquals(1, rows("retail_sell_out"), "the same store, product and week");
        assertEquals(List.of(BigDecimal.ZERO, new BigDecimal("25")), new SalesLedger(db().database()).weeklySellOut(
                retailer, null, List.of(products.get(1).id()), MONDAY.plusWeeks(1), 2).stream().map(Money::plain).toList());
    }

    @Test
    void aReimportUpdatesTheStoredKeysAndInsertsTheNewOnesInBothModes() throws IOException {
        Job first = run(SalesFile.Kind.SELL_OUT, file("store,gtin,week,volume,value",
                "S1," + gtin(1) + ",2027-01-04,10,20", "S2," + gtin(1) + ",2027-01-04,5,10"), true);
        assertEquals(JobState.SUCCEEDED, first.state(), first::toString);
        // A stored key, a new key in a stored week, a new week; and a bad line the partial import skips.
        Job partial = run(SalesFile.Kind.SELL_OUT, file("store,gtin,week,volume,value",
                "S1," + gtin(1) + ",2027-01-05,30,60", "S3," + gtin(1) + ",2027-01-04,7,14",
                "S1," + gtin(1) + ",2027-01-11,3,6", "S1," + gtin(2) + ",2027-01-11,-1,0"), false);
        assertEquals(JobState.SUCCEEDED, partial.state(), partial::toString);
        assertEquals(3, partial.done());
        assertEquals(4, rows("retail_sell_out"));
        assertEquals(List.of(new BigDecimal("42"), new BigDecimal("3")), new SalesLedger(db().database())
                .weeklySellOut(retailer, null, List.of(products.get(1).id()), MONDAY.plusWeeks(2), 2).stream().map(Money::plain)
                .toList(), "S1 replaced (30), S2 kept (5), S3 added (7); the next week added");

        Job sellIn = run(SalesFile.Kind.SELL_IN, file("gtin,week,volume", gtin(0) + ",2027-01-04,100"), true);
        assertEquals(JobState.SUCCEEDED, sellIn.state(), sellIn::toString);
        Job again = run(SalesFile.Kind.SELL_IN, file("gtin,week,volume", gtin(0) + ",2027-01-06,40",
                gtin(1) + ",2027-01-04,10"), true);
        assertEquals(JobState.SUCCEEDED, again.state(), again::toString);
        assertEquals(Map.of(products.get(0).id(), new BigDecimal("40"), products.get(1).id(), BigDecimal.TEN),
                new SalesLedger(db().database()).sellInByProduct(retailer, 2027));
    }

    @Test
    void sellInGoesToTheRetailer() throws IOException {
        Job job = run(SalesFile.Kind.SELL_IN, file("gtin,week,volume", gtin(0) + ",2027-01-04,100",
                gtin(0) + ",2027-01-11,50", gtin(1) + ",2027-02-01,10"), true);
        assertEquals(JobState.SUCCEEDED, job.state(), job::toString);
        assertEquals(Map.of(products.get(0).id(), new BigDecimal("150"), products.get(1).id(), BigDecimal.TEN),
                new SalesLedger(db().database()).sellInByProduct(retailer, 2027));
    }

    @Test
    void aWrongHeaderIsAProblemOfLineOne() throws IOException {
        Job job = run(SalesFile.Kind.SELL_IN, file("sku,week,volume,colour", "x,2027-01-04,1"), true);
        assertEquals(JobState.FAILED, job.state());
        assertEquals(1, job.problems().size());
        assertEquals(1, job.problems().get(0).line());
        assertTrue(job.problems().get(0).message().contains("missing column(s) [gtin]"), job.problems()::toString);
        assertTrue(job.problems().get(0).message().contains("unknown column(s) [sku, colour]"), job.problems()::toString);
    }
}
