package org.openkam.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.registry.internal.account.AccountRows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.google.gson.JsonObject;

/**
 * The CSV import of generated accounts into a fresh product (-Xmx512m, only the weighted model enabled), the time
 * until the first run has scored them all, a full rescoring; then, with the product stopped, a raw JDBC batch insert
 * of the same rows into the same H2 file, and the same single-row write with and without durable commits. With
 * --postgres the import and its baseline again on an embedded PostgreSQL server (no scoring there).
 */
final class ImportAndScoring {

    static final String UNIT = "bench";
    static final String HEAP = "-Xmx512m";
    /** One account in this many is a key account. */
    static final int KEY_ACCOUNT_EVERY = 10_000;
    /** The shipped models other than the weighted one: their default configurations are removed in the copy. */
    static final List<String> OTHER_MODELS = List.of("abc", "health", "clv", "matrix", "wallet");
    private static final int BATCH = 1000;
    private static final int WRITES = 300;

    private final Options options;
    private final Path work;
    private final Table table;

    ImportAndScoring(Options options, Path work, Table table) {
        this.options = options;
        this.work = work;
        this.table = table;
    }

    /**
     * A database the product imports into, and how the raw baseline connects to it once the product stopped; h2File
     * is the H2 database's file (null on PostgreSQL).
     */
    private record Store(String name, Path dir, ProductSetup setup, Jdbc raw, Path h2File) {
    }

    private interface ProductSetup {
        void apply(Product product) throws IOException;
    }

    private interface Jdbc {
        Connection open() throws SQLException;
    }

    void run() throws Exception {
        Path csv = generate(work.resolve("accounts.csv"), options.accounts());
        Store raw = importInto(csv, h2(work.resolve("import-h2")), true);
        durableWrites(raw.h2File());
        String postgres = String.format("import of %,d accounts on PostgreSQL", options.accounts());
        if (!options.postgres()) {
            table.notMeasured(postgres, "run with --postgres", "<= 20 s for 1,000,000 (H2's)");
            return;
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String version;
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE openkam_bench");
                version = c.getMetaData().getDatabaseProductVersion();
            }
            String url = server.getJdbcUrl("postgres", "openkam_bench");
            ProductSetup configure = product -> Files.writeString(product.home().resolve(
                    "etc/org.openkam.database.cfg"), "url=" + url + "\nuser=postgres\n"
                    + "dataSourceFactory.target=(osgi.jdbc.driver.class=org.postgresql.Driver)\n");
            importInto(csv, new Store("PostgreSQL " + version, work.resolve("import-postgres"), configure,
                    () -> DriverManager.getConnection(url, "postgres", ""), null), false);
        }
    }

    private static Store h2(Path dir) {
        Path file = dir.resolve("data/db/openkam");
        return new Store("H2", dir, product -> { }, () -> DriverManager.getConnection(url(file, true), "", ""), file);
    }

    /** Imports, scores if asked, then runs the raw baseline; returns the store the baseline wrote to. */
    private Store importInto(Path csv, Store store, boolean scoring) throws Exception {
        int n = options.accounts();
        String count = String.format("%,d", n);
        double importSeconds;
        long peak;
        boolean peakReset;
        try (Product product = new Product(options.product(), store.dir(), options.productOpts())
                .javaOpts(HEAP)) {
            for (String model : OTHER_MODELS) {
                Files.delete(product.home().resolve("etc/org.openkam.scoring." + model + "-default.cfg"));
            }
            store.setup().apply(product);
            product.start();
            Http api = product.api();
            api.post("/api/v1/business-units", "{\"id\":\"" + UNIT + "\",\"name\":\"Benchmark\"}", 201, 200);
            Product.sleep(2_000); // the unit's first run of the (empty) unit passes before the import
            peakReset = Resident.resetPeak(product.pid());
            long t = System.nanoTime();
            JsonObject job = api.postFile("/api/v1/accounts/import?businessUnit=" + UNIT, "text/csv", csv, 202);
            JsonObject done = api.awaitJob(job.get("id").getAsString(), options.importBudget());
            importSeconds = (System.nanoTime() - t) / 1e9;
            peak = Resident.peak(product.pid());
            String state = done.get("state").getAsString();
            if (state.equals("failed")) {
                throw new IllegalStateException("the import failed: " + done);
            }
            String figure = "import of " + count + " generated accounts (" + store.name() + ", CSV over HTTP, " + HEAP
                    + ")";
            String tool = "bench: POST /api/v1/accounts/import until its job succeeded";
            boolean finished = state.equals("succeeded");
            table.add(figure, finished ? Table.seconds(importSeconds) : String.format(Locale.ROOT, "not finished "
                    + "within the %d s budget: %,d of %s written in its transaction", options.importBudget()
                    .toSeconds(), done.get("done").getAsLong(), count), "", "", "<= 20 s for 1,000,000", tool);
            table.add("peak resident memory during the import (" + store.name() + ", " + HEAP + ")",
                    Table.megabytes(peak), "", "", "heap flat at " + HEAP, peakReset
                            ? "VmHWM of /proc/PID/status, reset before the import"
                            : "VmHWM of /proc/PID/status since the start (could not reset)");
            if (!finished) {
                importSeconds = -importSeconds; // a lower bound: the ratio below says so
                if (scoring) {
                    table.notMeasured("time from the end of the import until every account is scored", "the import "
                            + "did not finish (the product was stopped, its transaction rolled back)", "");
                    table.notMeasured("full rescoring of " + count + " accounts, weighted model, persisted", "the "
                            + "import did not finish", "<= 15 s for 1,000,000");
                }
            } else if (scoring) {
                Instant imported = Instant.parse(done.get("finishedAt").getAsString());
                if (scored(api, product, imported, count)) {
                    rescore(api, count);
                } else {
                    table.notMeasured("full rescoring of " + count + " accounts, weighted model, persisted", "the "
                            + "first run was still running (a full run waits for it)", "<= 15 s for 1,000,000");
                }
                new LargeUnitReads(table).run(api, count); // after the runs: on a quiet product
            }
        }
        Store raw = store;
        if (importSeconds < 0 && store.h2File() != null) {
            // H2 would first roll back the stopped import's transaction (it had grown the file by gigabytes)
            raw = h2(store.dir().resolveSibling(store.dir().getFileName() + "-raw"));
            try (Product fresh = new Product(options.product(), raw.dir(), options.productOpts())) {
                fresh.start();
                fresh.api().post("/api/v1/business-units", "{\"id\":\"" + UNIT + "\",\"name\":\"Benchmark\"}", 201,
                        200);
            }
        }
        rawJdbc(raw, n, count, importSeconds, raw != store);
        return raw;
    }

    /** The time from the end of the import until the unit's first run (started by the import) scored every account. */
    private boolean scored(Http api, Product product, Instant imported, String count) throws InterruptedException {
        String figure = "time from the end of the import until every account is scored (weighted model)";
        Matcher m;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Pattern run = Pattern.compile("Scoring " + UNIT + " in full \\(job ([0-9a-f-]+)\\)");
        String jobId = null;
        while (jobId == null && System.nanoTime() < deadline) {
            m = run.matcher(product.output());
            while (m.find()) {
                jobId = m.group(1); // the last one: the run after the import
            }
            if (jobId != null && Instant.parse(api.get("/api/v1/jobs/" + jobId).get("createdAt").getAsString())
                    .isBefore(imported)) {
                jobId = null; // the empty unit's run before the import
            }
            Product.sleep(200);
        }
        if (jobId == null) {
            table.notMeasured(figure, "no full run started within 60 s of the import", "");
            return false;
        }
        JsonObject done = api.awaitJob(jobId, options.scoringBudget());
        if (!done.get("state").getAsString().equals("succeeded")) {
            table.add(figure, unfinished(done, imported, count), "", "", "", "the import job's finishedAt, the run's "
                    + "progress");
            return false;
        }
        double seconds = Duration.between(imported, Instant.parse(done.get("finishedAt").getAsString())).toMillis() / 1e3;
        table.add(figure, Table.seconds(seconds), "", "", "", "the jobs' finishedAt (import, first run)");
        return true;
    }

    /** A run stopped by the time budget: how far it got, and its pace so far. */
    private String unfinished(JsonObject job, Instant since, String count) {
        long scored = job.get("done").getAsLong();
        double seconds = Duration.between(since, Instant.now()).toMillis() / 1e3;
        return String.format(Locale.ROOT, "not finished within the %d s budget: %,d of %s scored after %.0f s "
                + "(%,.0f /s)", options.scoringBudget().toSeconds(), scored, count, seconds, scored / seconds);
    }

    private void rescore(Http api, String count) throws InterruptedException {
        String figure = "full rescoring of " + count + " accounts, weighted model, persisted";
        long t = System.nanoTime();
        JsonObject job = api.post("/api/v1/scoring/runs", "{\"businessUnit\":\"" + UNIT + "\"}", 202);
        Instant started = Instant.now();
        JsonObject done = api.awaitJob(job.get("id").getAsString(), options.scoringBudget());
        double seconds = (System.nanoTime() - t) / 1e9;
        if (!done.get("state").getAsString().equals("succeeded")) {
            table.add(figure, unfinished(done, started, count), "", "", "<= 15 s for 1,000,000", "the run's progress");
            return;
        }
        table.add(figure, Table.seconds(seconds), "", "", "<= 15 s for 1,000,000",
                "bench: POST /api/v1/scoring/runs until its job succeeded");
    }

    /** The same rows as the CSV, as the importer maps them, in JDBC batches straight into the product's database. */
    private void rawJdbc(Store store, int n, String count, double importSeconds, boolean fresh) throws SQLException {
        double seconds;
        Instant now = Instant.now();
        try (Connection c = store.raw().open()) {
            long t = System.nanoTime(); // opening the file is not part of the insert
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(AccountRows.INSERT)) {
                for (int i = 0; i < n; i++) {
                    AccountRows.bind(insert, account(UUID.randomUUID().toString(), i, now));
                    insert.addBatch();
                    if (i % BATCH == BATCH - 1 || i == n - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            seconds = (System.nanoTime() - t) / 1e9;
        }
        boolean finished = importSeconds > 0; // negative: stopped by the budget, a lower bound
        table.add("import vs raw JDBC batch insert of the same " + count + " rows (" + store.name() + ", "
                + (fresh ? "a fresh database of the product" : "same database") + ")", (finished ? "" : "> ") + Table.seconds(Math.abs(importSeconds)),
                Table.seconds(seconds) + " raw JDBC", (finished ? "" : "< ") + Table.ratio(seconds,
                        Math.abs(importSeconds)) + " of raw speed", ">= 0.5x raw JDBC",
                "bench: JDBC batches of " + BATCH + ", a commit each, product stopped");
    }

    /** One account row updated and committed, {@value #WRITES} times, with the product's durable URL and without. */
    private void durableWrites(Path database) throws SQLException {
        double durable = writeLatency(url(database, true));
        double delayed = writeLatency(url(database, false));
        table.add("write latency, one account row updated and committed (durable: WRITE_DELAY=0)",
                Table.millis(durable), Table.millis(delayed) + " without durable commits",
                Table.ratio(durable, delayed), "", "bench: JDBC on the product's H2 file, mean of " + WRITES);
    }

    private static double writeLatency(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "", "");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE account SET name = ?, version = version + 1 WHERE id = (SELECT MIN(id) FROM account)")) {
            c.setAutoCommit(true);
            for (int i = 0; i < 20; i++) { // warm-up
                update.setString(1, "Warm-up " + i);
                update.executeUpdate();
            }
            long t = System.nanoTime();
            for (int i = 0; i < WRITES; i++) {
                update.setString(1, "Write " + i);
                update.executeUpdate();
            }
            return (System.nanoTime() - t) / 1e6 / WRITES;
        }
    }

    /** The product's H2 URL (DatabaseComponent), with or without its durable commits. */
    private static String url(Path database, boolean durable) {
        return "jdbc:h2:file:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + (durable ? ";WRITE_DELAY=0" : "") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    static Path generate(Path csv, int n) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("businessUnit,name,industry,country,status,tier,annualSales,contributionMargin,potential,"
                    + "currency\n");
            for (int i = 0; i < n; i++) {
                out.write(UNIT + "," + name(i) + ",Machinery,DE,ACTIVE," + tier(i).name() + "," + sales(i) + ","
                        + margin(i) + "," + potential(i) + ",EUR\n");
            }
        }
        return csv;
    }

    static Account account(String id, int i, Instant now) {
        return new Account(id, UNIT, name(i), null, "Machinery", "DE", null, AccountStatus.ACTIVE,
                tier(i), null, BigDecimal.valueOf(sales(i)), BigDecimal.valueOf(margin(i)),
                BigDecimal.valueOf(potential(i)), "EUR", Map.of(), 1, now, now);
    }

    /**
     * The i-th account's name, distinct and scrambled (an odd multiplier is a bijection of the ints): in a real unit
     * the order of names has nothing to do with the order accounts were created in, which their ids follow.
     */
    static String name(int i) {
        return "Benchmark account " + Integer.toHexString(i * 0x9E3779B1);
    }

    /** A key account now and then: the few a key account manager lists, found among the many. */
    static KeyAccountTier tier(int i) {
        return i % KEY_ACCOUNT_EVERY == 0 ? KeyAccountTier.KEY : KeyAccountTier.NONE;
    }

    static long sales(int i) {
        return 10_000 + (i * 7919L) % 5_000_000;
    }

    static long margin(int i) {
        return sales(i) / 7;
    }

    static long potential(int i) {
        return sales(i) * 2;
    }
}
