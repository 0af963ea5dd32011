package org.openkam.registry.internal.store;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.job.Job;
import org.openkam.api.persistence.Rows;
import org.openkam.registry.internal.account.AccountRows;
import org.openkam.registry.internal.db.SqlDatabase;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A command, not a test: the all-or-nothing import of generated accounts through {@code AccountTransferService}
 * into an H2 file database with the product's options (durable commits), against a raw JDBC batch insert of the
 * same rows into a fresh database of the same schema, with the heap after GC sampled while the import runs.
 * Isolates the registry's import from HTTP and the rest of the product (the bench command measures those too).
 *
 * <pre>
 * mvn -pl core/registry test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.openkam.registry.internal.store.ImportBenchmark 100000 [work folder]
 * </pre>
 */
public final class ImportBenchmark {

    private static final int RAW_BATCH = 1000;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("import-bench");
        Files.createDirectories(work);
        Path csv = work.resolve("accounts.csv");
        double seconds;
        double importCpu;
        long peakHeap;
        try (HikariDataSource pool = pool(work.resolve("import"))) {
            StoreFixture f = new StoreFixture(pool);
            generate(csv, n, f.unitA);
            AtomicLong peak = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(heapAfterGc(), Math::max), 500, 500,
                    TimeUnit.MILLISECONDS);
            long cpu = cpu();
            long t = System.nanoTime();
            Job job = f.transfer.startImport(f.kamA, csv, true);
            while (!job.state().finished()) {
                Thread.sleep(20);
                job = f.jobs.get(f.kamA, job.id());
            }
            seconds = (System.nanoTime() - t) / 1e9;
            importCpu = (cpu() - cpu) / 1e9;
            sampler.shutdownNow();
            f.transfer.stop();
            peakHeap = peak.get();
            System.err.println(job.state() + ": " + job.summary());
        }
        long cpu = cpu();
        double raw = raw(work.resolve("raw"), n);
        double rawCpu = (cpu() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "import of %,d accounts (H2 file, durable commits, all or nothing): %.1f s, "
                + "%,.0f /s; heap after GC at most %d MB; raw JDBC batches of %d: %.1f s; ratio %.2fx of raw speed; "
                + "CPU of the process %.1f s against %.1f s raw (%.2fx); load average %.1f%n", n, seconds, n / seconds,
                peakHeap >> 20, RAW_BATCH, raw, raw / seconds, importCpu, rawCpu, rawCpu / importCpu,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static HikariDataSource pool(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("openkam") + SqlDatabase.H2_OPTIONS
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64"); // the product's (DatabaseComponent)
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    /**
     * The bench command's raw baseline: the same rows in JDBC batches with a commit each, into a fresh schema; with
     * time-ordered ids as the import writes them (the bench command's baseline uses random ones, which cost H2 more).
     */
    private static double raw(Path dir, int n) throws Exception {
        try (HikariDataSource pool = pool(dir)) {
            StoreFixture f = new StoreFixture(pool);
            Instant now = Instant.now();
            try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(AccountRows.INSERT)) {
                long t = System.nanoTime();
                c.setAutoCommit(false);
                for (int i = 0; i < n; i++) {
                    AccountRows.bind(insert, new Account(Rows.newId(), f.unitA, "Benchmark account " + i, null,
                            "Machinery", "DE", null, AccountStatus.ACTIVE, KeyAccountTier.NONE, null,
                            java.math.BigDecimal.valueOf(sales(i)), java.math.BigDecimal.valueOf(sales(i) / 7),
                            java.math.BigDecimal.valueOf(sales(i) * 2), "EUR", java.util.Map.of(), 1, now, now));
                    insert.addBatch();
                    if (i % RAW_BATCH == RAW_BATCH - 1 || i == n - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                c.setAutoCommit(true);
                return (System.nanoTime() - t) / 1e9;
            }
        }
    }

    /** The bench command's generated file (distribution/bench ImportAndScoring). */
    private static void generate(Path csv, int n, String unit) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("businessUnit,name,industry,country,status,tier,annualSales,contributionMargin,potential,"
                    + "currency\n");
            for (int i = 0; i < n; i++) {
                out.write(unit + ",Benchmark account " + i + ",Machinery,DE,ACTIVE,NONE," + sales(i) + ","
                        + sales(i) / 7 + "," + sales(i) * 2 + ",EUR\n");
            }
        }
    }

    private static long sales(int i) {
        return 10_000 + (i * 7919L) % 5_000_000;
    }

    /** CPU time of this process in nanoseconds: on a busy machine steadier than wall time. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long heapAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }
}
