package org.openkam.retail.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openkam.api.Caller;
import org.openkam.api.Violation;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.api.job.JobWorker;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.Tx;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports sell-out and sell-in CSV files as jobs. The file is read twice, streaming: first every line is checked
 * (unknown store, unknown or invalid GTIN, bad week, negative volume, a store/SKU/week repeated) and counted, then
 * the good lines are written in batches: all in one transaction when all-or-nothing (the default, and then any
 * problem stores nothing), else batch by batch, skipping bad lines. A line for a store/SKU/week already stored
 * replaces it: one query reads the stored keys of the file's weeks, those lines become updates and all others plain
 * inserts (see {@link SalesUpsert} for why not an upsert per line). Memory holds the unit's stores and products and,
 * to find repeated and stored keys, a few longs per line, never the file's text.
 */
@Component(service = SalesImport.class)
public final class SalesImport {

    public static final String SELL_OUT_JOB = "retail-sell-out-import";
    public static final String SELL_IN_JOB = "retail-sell-in-import";
    static final String ENTITY = "retail-sales-import";
    private static final Logger LOG = LoggerFactory.getLogger(SalesImport.class);
    private static final int BATCH = 1000;

    /** Where a file goes: the unit, and for sell-in the retailer. */
    record Target(SalesFile.Kind kind, String unit, String retailerId) {
    }

    private final Database database;
    private final JobTracker jobs;
    private final JobWorker worker = new JobWorker("openkam-retail-import");

    @Activate
    public SalesImport(@Reference Database database, @Reference JobTracker jobs) {
        database.migrate(RetailResource.class);
        this.database = database;
        this.jobs = jobs;
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (!worker.stop(10_000)) {
            LOG.warn("A sales import did not reach a safe point within 10 s of the shutdown; it ends with the database");
        }
    }

    /** Starts importing {@code csv}, which the job deletes when done. */
    public Job start(Caller caller, Target target, Path csv, boolean allOrNothing) {
        Job job = jobs.create(caller, target.kind() == SalesFile.Kind.SELL_OUT ? SELL_OUT_JOB : SELL_IN_JOB);
        worker.execute(() -> {
            try {
                run(caller, target, csv, allOrNothing, job.id());
            } catch (JobWorker.Stopped e) {
                jobs.finish(job.id(), JobState.INTERRUPTED, 0, -1, List.of(), allOrNothing
                        ? "The node shut down during the import; nothing was stored. Import the file again."
                        : "The node shut down during the import; the batches stored before stay. Import the file again "
                                + "to store the rest.");
            } catch (RuntimeException | Error e) {
                LOG.error("Retail import job {} failed", job.id(), e);
                jobs.finish(job.id(), JobState.FAILED, 0, -1, List.of(new JobProblem(0, null, "internal error: " + e)),
                        "The import failed unexpectedly; nothing was stored by its last batch.");
            } finally {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException e) {
                    LOG.warn("Could not delete import file {}", csv, e);
                }
            }
        });
        return job;
    }

    /** Runs an import in the calling thread; the job records the outcome. */
    void run(Caller caller, Target target, Path csv, boolean allOrNothing, String jobId) {
        jobs.progress(jobId, 0, -1);
        Lookup lookup = database.read(tx -> Lookup.load(tx.connection(), target));
        List<JobProblem> problems = new ArrayList<>();
        Set<Long> bad = new HashSet<>();
        Keys keys = new Keys();
        long total = check(target, lookup, csv, problems, bad, keys);
        if (total < 0 || (allOrNothing && !problems.isEmpty())) {
            jobs.finish(jobId, JobState.FAILED, 0, Math.max(total, 0), problems, problems.size()
                    + " problem(s) found; nothing was stored. Fix the lines listed and import the file again.");
            return;
        }
        Dialect dialect = database.dialect();
        long[] written = {0};
        long good = total - bad.size();
        if (allOrNothing) {
            database.write(caller, tx -> {
                // Read in the writing transaction, so the keys to update are those it sees.
                keys.loadStored(tx.connection(), target, lookup);
                forEachBatch(target, csv, bad, batch -> {
                    worker.checkpoint(); // rolls the whole import back
                    write(tx, dialect, target, lookup, keys, batch);
                    written[0] += batch.size();
                    jobs.progress(jobId, written[0], good);
                });
                audit(tx, target, jobId, written[0]);
                return null;
            });
        } else {
            // The node's single worker runs one import at a time, so the keys read here stay those stored (on
            // PostgreSQL, shared by a cluster, the insert is an upsert besides).
            database.read(tx -> {
                keys.loadStored(tx.connection(), target, lookup);
                return null;
            });
            forEachBatch(target, csv, bad, batch -> database.write(caller, tx -> {
                worker.checkpoint();
                write(tx, dialect, target, lookup, keys, batch);
                written[0] += batch.size();
                jobs.progress(jobId, written[0], good);
                audit(tx, target, jobId + "-" + written[0], batch.size());
                return null;
            }));
        }
        String summary = written[0] + " line(s) stored"
                + (problems.isEmpty() ? "." : "; " + bad.size() + " line(s) skipped, see problems.");
        jobs.finish(jobId, JobState.SUCCEEDED, written[0], total, problems, summary);
    }

    /** Checks every line; returns the number of data lines, or -1 if the file cannot be imported at all. */
    private static long check(Target target, Lookup lookup, Path csv, List<JobProblem> problems, Set<Long> bad,
            Keys keys) {
        Map<Long, Long> seen = keys.lines;
        long count = 0;
        try (Reader in = SalesFile.withoutBom(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(SalesFile.FORMAT).get()) {
            String header = SalesFile.headerProblem(target.kind(), parser.getHeaderNames());
            if (header != null) {
                problems.add(new JobProblem(1, null, header));
                return -1;
            }
            long lastEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                count++;
                long line = lastEnd + 1;
                lastEnd = parser.getCurrentLineNumber();
                SalesFile.Line parsed = SalesFile.parse(target.kind(), record, line);
                List<Violation> violations = new ArrayList<>(parsed.violations());
                Integer store = null;
                if (parsed.store() != null) {
                    store = lookup.storeIndex.get(parsed.store());
                    if (store == null) {
                        violations.add(new Violation("store", "is not the code of a store of the unit: " + parsed.store()));
                    }
                }
                Integer product = null;
                if (parsed.gtin() != null) {
                    product = lookup.productIndex.get(parsed.gtin());
                    if (product == null) {
                        violations.add(new Violation("gtin", "is not a product of the unit: " + parsed.gtin()));
                    }
                }
                if (violations.isEmpty()) {
                    Long earlier = seen.putIfAbsent(key(store == null ? 0 : store, product, parsed.week()), line);
                    keys.span(parsed.week());
                    if (earlier != null) {
                        violations.add(new Violation(target.kind() == SalesFile.Kind.SELL_OUT ? "store" : "gtin",
                                "repeats the " + (target.kind() == SalesFile.Kind.SELL_OUT ? "store, " : "")
                                        + "product and week of line " + earlier));
                    }
                }
                if (!violations.isEmpty()) {
                    bad.add(line);
                    violations.forEach(v -> problems.add(new JobProblem(line, v.field(), v.message())));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new JobProblem(0, null, "the file is not valid CSV: " + e.getMessage()));
            return -1;
        }
        return count;
    }

    /** One long per store, product and week: 20 bits each for store and product, the rest for the day. */
    private static long key(int store, int product, LocalDate week) {
        return ((long) store << 44) | ((long) product << 24) | (week.toEpochDay() & 0xFFFFFF);
    }

    /**
     * The keys of the file's good lines with their line numbers (repeats are problems), the weeks they span, and
     * which of them are already stored: those lines update their row, every other line is a plain insert.
     */
    private static final class Keys {
        final Map<Long, Long> lines = new HashMap<>();
        final Set<Long> stored = new HashSet<>();
        LocalDate first;
        LocalDate last;

        void span(LocalDate week) {
            first = first == null || week.isBefore(first) ? week : first;
            last = last == null || week.isAfter(last) ? week : last;
        }

        /** One query for the stored keys of the file's weeks; only those the file holds are kept. */
        void loadStored(Connection c, Target target, Lookup lookup) throws SQLException {
            stored.clear();
            if (first == null) {
                return;
            }
            boolean out = target.kind() == SalesFile.Kind.SELL_OUT;
            try (PreparedStatement ps = c.prepareStatement(SalesUpsert.existing(target.kind()))) {
                int i = 1;
                if (!out) {
                    ps.setString(i++, target.retailerId());
                }
                ps.setString(i++, target.unit());
                ps.setObject(i++, first);
                ps.setObject(i, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer store = out ? lookup.storeById.get(rs.getString(1)) : Integer.valueOf(0);
                        Integer product = lookup.productById.get(rs.getString(2));
                        if (store != null && product != null) {
                            long key = key(store, product, rs.getObject(3, LocalDate.class));
                            if (lines.containsKey(key)) {
                                stored.add(key);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void forEachBatch(Target target, Path csv, Set<Long> skip, Consumer<List<SalesFile.Line>> batches) {
        try (Reader in = SalesFile.withoutBom(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(SalesFile.FORMAT).get()) {
            List<SalesFile.Line> batch = new ArrayList<>(BATCH);
            long lastEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = lastEnd + 1;
                lastEnd = parser.getCurrentLineNumber();
                if (!skip.contains(line)) {
                    batch.add(SalesFile.parse(target.kind(), record, line));
                }
                if (batch.size() == BATCH) {
                    batches.accept(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                batches.accept(batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the batch as two JDBC batches: inserts for new keys, updates for the keys already stored. */
    private static void write(Tx tx, Dialect dialect, Target target, Lookup lookup, Keys keys,
            List<SalesFile.Line> batch) {
        boolean out = target.kind() == SalesFile.Kind.SELL_OUT;
        try (PreparedStatement insert = tx.connection().prepareStatement(SalesUpsert.insert(dialect, target.kind()));
                PreparedStatement update = tx.connection().prepareStatement(SalesUpsert.update(target.kind()))) {
            int updates = 0;
            for (SalesFile.Line line : batch) {
                int productIndex = lookup.productIndex.get(line.gtin());
                String product = lookup.productIds.get(productIndex);
                int store = out ? lookup.storeIndex.get(line.store()) : 0;
                String owner = out ? lookup.storeIds.get(store) : target.retailerId();
                if (keys.stored.contains(key(store, productIndex, line.week()))) {
                    int i = 1;
                    update.setBigDecimal(i++, line.volume());
                    if (out) {
                        update.setBigDecimal(i++, line.value());
                    }
                    update.setString(i++, owner);
                    update.setString(i++, product);
                    update.setObject(i, line.week());
                    update.addBatch();
                    updates++;
                } else if (out) {
                    insert.setString(1, owner);
                    insert.setString(2, product);
                    insert.setObject(3, line.week());
                    insert.setString(4, lookup.storeRetailers.get(store));
                    insert.setString(5, target.unit());
                    insert.setBigDecimal(6, line.volume());
                    insert.setBigDecimal(7, line.value());
                    insert.addBatch();
                } else {
                    insert.setString(1, owner);
                    insert.setString(2, product);
                    insert.setObject(3, line.week());
                    insert.setString(4, target.unit());
                    insert.setBigDecimal(5, line.volume());
                    insert.addBatch();
                }
            }
            if (updates < batch.size()) {
                insert.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the batch from line " + batch.get(0).line() + " failed", e);
        }
    }

    /** One audit entry per import (or per batch of a partial one), not per line. */
    private static void audit(Tx tx, Target target, String id, long lines) throws SQLException {
        tx.audit(ENTITY, id, target.retailerId(), target.unit(), null, Map.of("kind", target.kind().name(),
                "lines", Long.toString(lines)));
    }

    /** The unit's stores by code and products by GTIN, each numbered for the line keys. */
    private static final class Lookup {
        final Map<String, Integer> storeIndex = new HashMap<>();
        final List<String> storeIds = new ArrayList<>();
        final List<String> storeRetailers = new ArrayList<>();
        final Map<String, Integer> storeById = new HashMap<>();
        final Map<String, Integer> productIndex = new HashMap<>();
        final List<String> productIds = new ArrayList<>();
        final Map<String, Integer> productById = new HashMap<>();

        static Lookup load(Connection c, Target target) throws SQLException {
            Lookup lookup = new Lookup();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, id, retailer_id FROM retail_store "
                    + "WHERE business_unit = ?")) {
                ps.setString(1, target.unit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lookup.storeIndex.put(rs.getString(1), lookup.storeIds.size());
                        lookup.storeById.put(rs.getString(2), lookup.storeIds.size());
                        lookup.storeIds.add(rs.getString(2));
                        lookup.storeRetailers.add(rs.getString(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT gtin, id FROM retail_product WHERE business_unit = ?")) {
                ps.setString(1, target.unit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lookup.productIndex.put(rs.getString(1), lookup.productIds.size());
                        lookup.productById.put(rs.getString(2), lookup.productIds.size());
                        lookup.productIds.add(rs.getString(2));
                    }
                }
            }
            return lookup;
        }
    }
}
