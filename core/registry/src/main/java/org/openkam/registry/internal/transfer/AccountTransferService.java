package org.openkam.registry.internal.transfer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.openkam.api.Caller;
import org.openkam.api.Violation;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountTransfer;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobWorker;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.account.AccountRows;
import org.openkam.registry.internal.account.AccountRules;
import org.openkam.registry.internal.account.AccountService;
import org.openkam.registry.internal.audit.AuditLog;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.job.JobService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV import and export of accounts. An import reads the file twice, streaming: first it checks every
 * line and counts them, then it writes in batches, in one transaction when all-or-nothing. Memory stays
 * flat however large the file.
 */
@Component(service = AccountTransfer.class)
public final class AccountTransferService implements AccountTransfer {

    public static final String JOB_TYPE = "account-import";
    private static final Logger LOG = LoggerFactory.getLogger(AccountTransferService.class);
    private static final int BATCH = 500;
    private final Transactions transactions;
    private final AccountRegistry registry;
    private final JobService jobs;
    private final JobWorker worker = new JobWorker("openkam-import");

    @Activate
    public AccountTransferService(@Reference Database database, @Reference EventAdmin events,
            @Reference AccountRegistry registry, @Reference JobService jobs) {
        this.transactions = new Transactions(database.dataSource(), events);
        this.registry = registry;
        this.jobs = jobs;
    }

    @Deactivate
    public void stop() throws InterruptedException {
        if (!worker.stop(10_000)) {
            LOG.warn("An import did not reach a safe point within 10 s of the shutdown; it ends with the database");
        }
    }

    @Override
    public List<String> columns() {
        return AccountCsv.COLUMNS;
    }

    @Override
    public Job startImport(Caller caller, Path csv, boolean allOrNothing) {
        return startImport(caller, csv, allOrNothing, null);
    }

    @Override
    public Job startImport(Caller caller, Path csv, boolean allOrNothing, String businessUnit) {
        Job job = jobs.create(caller, JOB_TYPE);
        worker.execute(() -> {
            try {
                run(caller, csv, allOrNothing, businessUnit, job.id());
            } catch (JobWorker.Stopped e) {
                jobs.finish(job.id(), JobState.INTERRUPTED, 0, -1, List.of(), allOrNothing
                        ? "The node shut down during the import; nothing was stored. Import the file again."
                        : "The node shut down during the import; the batches stored before stay. Import the file "
                                + "again: lines with an id update, lines without one create accounts again.");
            } catch (RuntimeException | Error e) {
                LOG.error("Import job {} failed", job.id(), e);
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
    void run(Caller caller, Path csv, boolean allOrNothing, String businessUnit, String jobId) {
        jobs.progress(jobId, 0, -1);
        Problems problems = new Problems();
        long total = check(caller, csv, businessUnit, problems);
        if (total < 0 || (allOrNothing && problems.count() > 0)) {
            jobs.finish(jobId, JobState.FAILED, 0, Math.max(total, 0), problems.kept(), problems.count()
                    + " problem(s) found; nothing was stored. Fix the lines listed and import the file again.");
            return;
        }
        Set<Long> bad = problems.lines();
        Progress progress = new Progress(jobId, total - bad.size());
        if (allOrNothing) {
            transactions.write(tx -> {
                Map<String, Long> units = new HashMap<>();
                forEachChunk(csv, businessUnit, bad, chunk -> {
                    worker.checkpoint(); // rolls the whole import back
                    try {
                        write(tx, caller, chunk, units);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    progress.add(chunk.size());
                });
                announce(tx, caller, jobId, units);
                return null;
            });
        } else {
            forEachChunk(csv, businessUnit, bad, chunk -> {
                worker.checkpoint();
                transactions.write(tx -> {
                    Map<String, Long> units = new HashMap<>();
                    write(tx, caller, chunk, units);
                    announce(tx, caller, jobId, units);
                    return null;
                });
                progress.add(chunk.size());
            });
        }
        String summary = progress.written + " account(s) stored"
                + (problems.count() == 0 ? "." : "; " + bad.size() + " line(s) skipped, see problems.");
        jobs.finish(jobId, JobState.SUCCEEDED, progress.written, total, problems.kept(), summary);
    }

    /**
     * Counts what is written and reports the first batch at once, then at most once a second: a progress update is a
     * commit of its own, and on H2 every commit writes out the pages the import's open transaction has changed so far.
     */
    private final class Progress {

        private final String jobId;
        private final long total;
        private long written;
        private long reportedAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);

        Progress(String jobId, long total) {
            this.jobId = jobId;
            this.total = total;
        }

        void add(int rows) {
            written += rows;
            if (System.nanoTime() - reportedAt >= TimeUnit.SECONDS.toNanos(1)) {
                jobs.progress(jobId, written, total);
                reportedAt = System.nanoTime();
            }
        }
    }

    /** One event per unit for the accounts a transaction imported, posted when it commits. */
    private static void announce(Tx tx, Caller caller, String jobId, Map<String, Long> units) {
        units.forEach((unit, count) -> tx.post(AccountEvents.ACCOUNTS_IMPORTED, Map.of(AccountEvents.BUSINESS_UNIT,
                unit, AccountEvents.ACTOR, caller.userId(), AccountEvents.COUNT, count, AccountEvents.JOB_ID, jobId)));
    }

    /** Checks every line; returns the number of data lines, or -1 if the file cannot be imported at all. */
    private long check(Caller caller, Path csv, String businessUnit, Problems problems) {
        return transactions.read(tx -> {
            AccountRules rules = new AccountRules(tx, caller);
            Set<String> ids = new HashSet<>();
            long[] count = {0};
            try (Reader in = AccountCsv.open(csv);
                    CSVParser parser = CSVParser.builder().setReader(in).setFormat(AccountCsv.FORMAT).get()) {
                List<String> unknown = AccountCsv.unknownColumns(parser.getHeaderNames());
                if (!unknown.isEmpty() || !parser.getHeaderNames().contains("name")) {
                    problems.add(new JobProblem(1, null, unknown.isEmpty() ? "the header needs a name column"
                            : "unknown column(s) " + unknown + "; known columns are " + AccountCsv.COLUMNS));
                    return -1L;
                }
                long lastEnd = parser.getCurrentLineNumber();
                for (CSVRecord record : parser) {
                    worker.checkpoint();
                    count[0]++;
                    long line = lastEnd + 1;
                    lastEnd = parser.getCurrentLineNumber();
                    AccountCsv.Row row = resolve(rules, AccountCsv.parse(record, line, businessUnit));
                    List<Violation> violations = new ArrayList<>(row.violations());
                    violations.addAll(rules.check(row.draft()).list());
                    if (row.id() != null && !ids.add(row.id())) {
                        violations.add(new Violation("id", "appears on an earlier line too"));
                    } else if (row.id() != null && !updatable(tx, caller, row.id())) {
                        violations.add(new Violation("id", "is not an account you may change; leave it empty to create one"));
                    }
                    violations.forEach(v -> problems.add(new JobProblem(row.line(), v.field(), v.message())));
                }
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                problems.add(new JobProblem(0, null, "the file is not valid CSV: " + e.getMessage()));
                return -1L;
            }
            return count[0];
        });
    }

    private void forEachChunk(Path csv, String businessUnit, Set<Long> skip, Consumer<List<AccountCsv.Row>> chunks) {
        try (Reader in = AccountCsv.open(csv);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(AccountCsv.FORMAT).get()) {
            List<AccountCsv.Row> chunk = new ArrayList<>(BATCH);
            long lastEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = lastEnd + 1;
                lastEnd = parser.getCurrentLineNumber();
                if (!skip.contains(line)) {
                    chunk.add(AccountCsv.parse(record, line, businessUnit));
                }
                if (chunk.size() == BATCH) {
                    chunks.accept(chunk);
                    chunk = new ArrayList<>(BATCH);
                }
            }
            if (!chunk.isEmpty()) {
                chunks.accept(chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Tx tx, Caller caller, List<AccountCsv.Row> chunk, Map<String, Long> units)
            throws SQLException {
        AccountRules rules = new AccountRules(tx, caller);
        Instant now = Rows.now();
        try (PreparedStatement insert = tx.connection().prepareStatement(AccountRows.INSERT);
                PreparedStatement update = tx.connection().prepareStatement(AccountRows.UPDATE);
                AuditLog audit = new AuditLog(tx, caller)) {
            for (AccountCsv.Row parsed : chunk) {
                AccountCsv.Row row = resolve(rules, parsed);
                Account before = row.id() == null ? null : AccountService.load(tx, row.id(), true);
                Account after;
                if (before == null) {
                    after = AccountService.from(Rows.newId(), row.draft(), 1, now, now);
                    AccountRows.bind(insert, after);
                    insert.addBatch();
                } else {
                    after = AccountService.from(before.id(), row.draft(), before.version() + 1, before.createdAt(), now);
                    AccountRows.bind(update, after);
                    update.addBatch();
                }
                audit.add("account", after.id(), after.id(), after.businessUnit(),
                        before == null ? null : AccountRows.auditFields(before), AccountRows.auditFields(after));
                units.merge(after.businessUnit(), 1L, Long::sum);
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    /** The row with its owner resolved from a username to a user id. */
    private static AccountCsv.Row resolve(AccountRules rules, AccountCsv.Row row) throws SQLException {
        return new AccountCsv.Row(row.line(), row.id(), rules.withOwnerId(row.draft()), row.violations());
    }

    private static boolean updatable(Tx tx, Caller caller, String id) throws SQLException {
        Account current = AccountService.load(tx, id, false);
        return current != null && caller.canEdit(current.businessUnit());
    }

    @Override
    public void exportCsv(Caller caller, AccountQuery query, Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, AccountCsv.EXPORT);
            registry.forEach(caller, query, account -> {
                try {
                    printer.printRecord(AccountCsv.values(account));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
