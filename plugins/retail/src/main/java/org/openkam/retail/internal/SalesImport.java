package org.openkam.retail.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * (unknown store, unknown or invalid GTIN, bad week, negative volume) and counted, then the good lines are written in
 * batches: all in one transaction when all-or-nothing (the default, and then any problem stores nothing), else batch
 * by batch, skipping bad lines. One query per batch reads the stored rows of the batch's keys: a key written by this
 * same import is a line repeating an earlier one (a problem naming that line), a key stored before is updated, the
 * others are plain inserts (see {@link SalesUpsert} for why not an upsert per line). Memory holds the unit's stores
 * and products, one batch and the first {@value #KEPT_PROBLEMS} problems: flat in the file's length.
 */
@Component(service = SalesImport.class)
public final class SalesImport {

    public static final String SELL_OUT_JOB = "retail-sell-out-import";
    public static final String SELL_IN_JOB = "retail-sell-in-import";
    static final String ENTITY = "retail-sales-import";
    private static final Logger LOG = LoggerFactory.getLogger(SalesImport.class);
    private static final int BATCH = 1000;
    /** The job keeps the first 1000 problems; more are counted, not held. */
    static final int KEPT_PROBLEMS = 1000;

    /** Where a file goes: the unit, and for sell-in the retailer. */
    record Target(SalesFile.Kind kind, String unit, String retailerId) {
    }

    /** A good line, its store and product by their number in the lookup (store 0 for sell-in). */
    private record Row(long line, int store, int product, LocalDate week, BigDecimal volume, BigDecimal value) {

        long key() {
            return SalesImport.key(store, product, week);
        }
    }

    /** The import's problems: the first {@value #KEPT_PROBLEMS} kept, all counted, and the bad lines. */
    private static final class Problems {
        final List<JobProblem> kept = new ArrayList<>();
        long count;
        long lines;

        void add(long line, List<Violation> violations) {
            lines++;
            violations.forEach(v -> keep(new JobProblem(line, v.field(), v.message())));
        }

        /** A problem of the whole file (its header, its encoding), tied to no column. */
        void ofFile(long line, String message) {
            lines++;
            keep(new JobProblem(line, null, message));
        }

        private void keep(JobProblem problem) {
            count++;
            if (kept.size() < KEPT_PROBLEMS) {
                kept.add(problem);
            }
        }

        boolean any() {
            return lines > 0;
        }
    }

    /** Rolls an all-or-nothing import back once its write found repeated keys. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
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
        Problems problems = new Problems();
        long total = check(target, lookup, csv, problems);
        if (total < 0 || (allOrNothing && problems.any())) {
            fail(jobId, Math.max(total, 0), problems);
            return;
        }
        Dialect dialect = database.dialect();
        long[] written = {0};
        long good = total - problems.lines;
        if (allOrNothing) {
            try {
                database.write(caller, tx -> {
                    forEachBatch(target, lookup, csv, batch -> {
                        worker.checkpoint(); // rolls the whole import back
                        written[0] += write(tx, dialect, target, lookup, batch, jobId, problems);
                        jobs.progress(jobId, written[0], good);
                    });
                    if (problems.any()) {
                        throw new Refused();
                    }
                    audit(tx, target, jobId, written[0]);
                    return null;
                });
            } catch (Refused e) {
                fail(jobId, total, problems);
                return;
            }
        } else {
            forEachBatch(target, lookup, csv, batch -> database.write(caller, tx -> {
                worker.checkpoint();
                long stored = write(tx, dialect, target, lookup, batch, jobId, problems);
                written[0] += stored;
                jobs.progress(jobId, written[0], good);
                audit(tx, target, jobId + "-" + written[0], stored);
                return null;
            }));
        }
        String summary = written[0] + " line(s) stored"
                + (problems.any() ? "; " + problems.lines + " line(s) skipped, see problems." : ".");
        jobs.finish(jobId, JobState.SUCCEEDED, written[0], total, problems.kept, summary);
    }

    private void fail(String jobId, long total, Problems problems) {
        jobs.finish(jobId, JobState.FAILED, 0, total, problems.kept, problems.count + " problem(s) found; nothing was "
                + "stored. Fix the lines listed and import the file again.");
    }

    /** Checks every line; returns the number of data lines, or -1 if the file cannot be imported at all. */
    private static long check(Target target, Lookup lookup, Path csv, Problems problems) {
        long count = 0;
        try (Reader in = SalesFile.withoutBom(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(SalesFile.FORMAT).get()) {
            String header = SalesFile.headerProblem(target.kind(), parser.getHeaderNames());
            if (header != null) {
                problems.ofFile(1, header);
                return -1;
            }
            long lastEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                count++;
                long line = lastEnd + 1;
                lastEnd = parser.getCurrentLineNumber();
                List<Violation> violations = violations(target, lookup, SalesFile.parse(target.kind(), record, line));
                if (!violations.isEmpty()) {
                    problems.add(line, violations);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.ofFile(0, "the file is not valid CSV: " + e.getMessage());
            return -1;
        }
        return count;
    }

    /** What is wrong with a parsed line: its own violations, an unknown store or product. */
    private static List<Violation> violations(Target target, Lookup lookup, SalesFile.Line parsed) {
        List<Violation> violations = new ArrayList<>(parsed.violations());
        if (parsed.store() != null && !lookup.storeIndex.containsKey(parsed.store())) {
            violations.add(new Violation("store", "is not the code of a store of the unit: " + parsed.store()));
        }
        if (parsed.gtin() != null && !lookup.productIndex.containsKey(parsed.gtin())) {
            violations.add(new Violation("gtin", "is not a product of the unit: " + parsed.gtin()));
        }
        return violations;
    }

    /** One long per store, product and week: 20 bits each for store and product, the rest for the day. */
    private static long key(int store, int product, LocalDate week) {
        return ((long) store << 44) | ((long) product << 24) | (week.toEpochDay() & 0xFFFFFF);
    }

    /** The good lines in batches of {@value #BATCH}; the bad ones (reported by the check) are left out. */
    private static void forEachBatch(Target target, Lookup lookup, Path csv, Consumer<List<Row>> batches) {
        boolean out = target.kind() == SalesFile.Kind.SELL_OUT;
        try (Reader in = SalesFile.withoutBom(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(SalesFile.FORMAT).get()) {
            List<Row> batch = new ArrayList<>(BATCH);
            long lastEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = lastEnd + 1;
                lastEnd = parser.getCurrentLineNumber();
                SalesFile.Line parsed = SalesFile.parse(target.kind(), record, line);
                if (violations(target, lookup, parsed).isEmpty()) {
                    batch.add(new Row(line, out ? lookup.storeIndex.get(parsed.store()) : 0,
                            lookup.productIndex.get(parsed.gtin()), parsed.week(), parsed.volume(), parsed.value()));
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

    /**
     * Writes a batch as two JDBC batches, inserts for new keys and updates for stored ones, after one query for the
     * stored rows of its keys; a key this import wrote already (or repeated within the batch) is a problem naming
     * the earlier line, and its line is not written. Returns the lines written.
     */
    private static long write(Tx tx, Dialect dialect, Target target, Lookup lookup, List<Row> batch, String jobId,
            Problems problems) {
        boolean out = target.kind() == SalesFile.Kind.SELL_OUT;
        Map<Long, Long> firstLine = new HashMap<>();
        Map<Long, Long> repeats = new TreeMap<>(); // line -> the earlier line, reported in line order
        List<Row> rows = new ArrayList<>(batch.size());
        for (Row row : batch) {
            Long earlier = firstLine.putIfAbsent(row.key(), row.line());
            if (earlier == null) {
                rows.add(row);
            } else {
                repeats.put(row.line(), earlier);
            }
        }
        try {
            Map<Long, Long> stored = stored(tx.connection(), target, lookup, rows, jobId);
            long written = 0;
            try (PreparedStatement insert = tx.connection().prepareStatement(SalesUpsert.insert(dialect, target.kind()));
                    PreparedStatement update = tx.connection().prepareStatement(SalesUpsert.update(target.kind()))) {
                int inserts = 0;
                int updates = 0;
                for (Row row : rows) {
                    Long state = stored.get(row.key());
                    if (state != null && state > 0) {
                        repeats.put(row.line(), state);
                        continue;
                    }
                    String product = lookup.productIds.get(row.product());
                    String owner = out ? lookup.storeIds.get(row.store()) : target.retailerId();
                    int i = 1;
                    if (state != null) {
                        update.setBigDecimal(i++, row.volume());
                        if (out) {
                            update.setBigDecimal(i++, row.value());
                        }
                        update.setString(i++, jobId);
                        update.setLong(i++, row.line());
                        update.setString(i++, owner);
                        update.setString(i++, product);
                        update.setObject(i, row.week());
                        update.addBatch();
                        updates++;
                    } else {
                        insert.setString(i++, owner);
                        insert.setString(i++, product);
                        insert.setObject(i++, row.week());
                        if (out) {
                            insert.setString(i++, lookup.storeRetailers.get(row.store()));
                        }
                        insert.setString(i++, target.unit());
                        insert.setBigDecimal(i++, row.volume());
                        if (out) {
                            insert.setBigDecimal(i++, row.value());
                        }
                        insert.setString(i++, jobId);
                        insert.setLong(i, row.line());
                        insert.addBatch();
                        inserts++;
                    }
                    written++;
                }
                if (inserts > 0) {
                    insert.executeBatch();
                }
                if (updates > 0) {
                    update.executeBatch();
                }
            }
            repeats.forEach((line, earlier) -> problems.add(line, List.of(repeat(target, earlier))));
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException("writing the batch from line " + batch.get(0).line() + " failed", e);
        }
    }

    private static Violation repeat(Target target, long earlierLine) {
        boolean out = target.kind() == SalesFile.Kind.SELL_OUT;
        return new Violation(out ? "store" : "gtin", "repeats the " + (out ? "store, " : "")
                + "product and week of line " + earlierLine);
    }

    /**
     * The stored keys among the rows': 0 for a row stored before this import, else the line of this import that
     * wrote it.
     */
    private static Map<Long, Long> stored(Connection c, Target target, Lookup lookup, List<Row> rows, String jobId)
            throws SQLException {
        Map<Long, Long> stored = new HashMap<>();
        if (rows.isEmpty()) {
            return stored;
        }
        boolean out = target.kind() == SalesFile.Kind.SELL_OUT;
        Map<Long, Row> keys = new LinkedHashMap<>();
        for (Row row : rows) {
            keys.putIfAbsent(row.key(), row);
        }
        try (PreparedStatement ps = c.prepareStatement(SalesUpsert.stored(target.kind(), keys.size()))) {
            int i = 1;
            for (Row row : keys.values()) {
                ps.setString(i++, out ? lookup.storeIds.get(row.store()) : target.retailerId());
                ps.setString(i++, lookup.productIds.get(row.product()));
                ps.setObject(i++, row.week());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer store = out ? lookup.storeById.get(rs.getString(1)) : Integer.valueOf(0);
                    Integer product = lookup.productById.get(rs.getString(2));
                    if (store == null || product == null) {
                        continue;
                    }
                    long key = key(store, product, rs.getObject(3, LocalDate.class));
                    if (keys.containsKey(key)) {
                        stored.put(key, jobId.equals(rs.getString(4)) ? rs.getLong(5) : 0L);
                    }
                }
            }
        }
        return stored;
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
