package org.openkam.registry.internal.job;

import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.api.job.Jobs;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.registry.internal.db.DatabaseComponent;
import org.openkam.registry.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/**
 * Job records in the {@code job} table. Progress is written in its own short transactions, so a poller on
 * any node sees it while the job's own work is still uncommitted. Plugins record their jobs through the
 * {@link JobTracker} service.
 */
@Component(service = {Jobs.class, JobTracker.class, JobService.class})
public final class JobService implements Jobs, JobTracker {

    /** At most this many problems are kept per job; the summary still counts them all. */
    public static final int MAX_PROBLEMS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final Gson GSON = new Gson();
    private static final Type PROBLEMS = new TypeToken<List<JobProblem>>() { }.getType();
    /** How long a job stays running without its node renewing the lease. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final String INTERRUPTED_SUMMARY = "Interrupted: the node running this job stopped before it "
            + "finished. What it committed stays; start it again.";
    private final Transactions transactions;
    private final Duration lease;
    /** No other node uses the database, so at start every unfinished job is an orphan, whatever its lease. */
    private final boolean alone;
    /** This node's runs, for the lease: a new id per start, since a restarted node runs none of the old jobs. */
    private final String node = UUID.randomUUID().toString();
    private final ScheduledExecutorService heartbeat;

    @Activate
    public JobService(@Reference Database database) {
        this(database, LEASE, database instanceof DatabaseComponent configured && configured.embedded());
    }

    /** With a lease of its own, for tests; {@code alone} if no other node can use the database. */
    public JobService(Database database, Duration lease, boolean alone) {
        this.transactions = new Transactions(database.dataSource(), null);
        this.lease = lease;
        this.alone = alone;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openkam-job-lease");
            t.setDaemon(true);
            return t;
        });
        interruptOrphans(alone);
        long every = Math.max(1, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops renewing this node's leases (its jobs become interrupted unless they finish first). */
    @Deactivate
    public void deactivate() {
        heartbeat.shutdownNow();
    }

    /** Renews the lease of every job this node runs; a failure (database away) only lets leases run out. */
    private void renewLeases() {
        try {
            transactions.write(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE job SET lease_until = ? "
                        + "WHERE node_id = ? AND state IN ('QUEUED', 'RUNNING')")) {
                    Rows.setInstant(ps, 1, Rows.now().plus(lease));
                    ps.setString(2, node);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the leases of this node's jobs", e);
        }
    }

    /**
     * Marks every job whose node stopped renewing its lease as {@link JobState#INTERRUPTED}: at start (the jobs of a
     * node killed before) and before a job is read, so no poller waits for a job nobody runs. With {@code all}, every
     * unfinished job, leased or not: at the start of a node alone on its database, which runs none of them yet.
     */
    void interruptOrphans(boolean all) {
        Instant now = Rows.now();
        String orphans = all ? "" : " AND (lease_until IS NULL OR lease_until < ?)";
        int interrupted = transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE job SET state = ?, summary = ?, "
                    + "finished_at = ? WHERE state IN ('QUEUED', 'RUNNING')" + orphans)) {
                ps.setString(1, JobState.INTERRUPTED.name());
                ps.setString(2, INTERRUPTED_SUMMARY);
                Rows.setInstant(ps, 3, now);
                if (!all) {
                    Rows.setInstant(ps, 4, now);
                }
                return ps.executeUpdate();
            }
        });
        if (interrupted > 0) {
            LOG.warn("{} job(s) marked interrupted: their node stopped before they finished", interrupted);
        }
    }

    @Override
    public Job get(Caller caller, String id) {
        interruptOrphans(false);
        Job job = transactions.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM job WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Job(rs.getString("id"), rs.getString("type"), JobState.valueOf(rs.getString("state")),
                            rs.getLong("done"), rs.getLong("total"), GSON.fromJson(rs.getString("problems"), PROBLEMS),
                            rs.getString("summary"), rs.getString("started_by"), Rows.instant(rs, "created_at"),
                            Rows.instant(rs, "finished_at"));
                }
            }
        });
        if (job == null || !(caller.admin() || caller.userId().equals(job.startedBy()))) {
            throw new NotFoundException("job", id);
        }
        return job;
    }

    @Override
    public Job create(Caller caller, String type) {
        Job job = new Job(Rows.newId(), type, JobState.QUEUED, 0, -1, List.of(), null,
                caller.userId(), Rows.now(), null);
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO job (id, type, state, done, total, "
                    + "problems, started_by, created_at, node_id, lease_until) VALUES (?, ?, ?, 0, -1, '[]', ?, ?, ?, ?)")) {
                ps.setString(1, job.id());
                ps.setString(2, type);
                ps.setString(3, job.state().name());
                ps.setString(4, job.startedBy());
                Rows.setInstant(ps, 5, job.createdAt());
                ps.setString(6, node);
                Rows.setInstant(ps, 7, job.createdAt().plus(lease));
                ps.executeUpdate();
            }
            return null;
        });
        return job;
    }

    @Override
    public void progress(String id, long done, long total) {
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE job SET state = ?, done = ?, total = ?, node_id = ?, lease_until = ? WHERE id = ?")) {
                ps.setString(1, JobState.RUNNING.name());
                ps.setLong(2, done);
                ps.setLong(3, total);
                ps.setString(4, node);
                Rows.setInstant(ps, 5, Rows.now().plus(lease));
                ps.setString(6, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void finish(String id, JobState state, long done, long total, List<JobProblem> problems, String summary) {
        List<JobProblem> kept = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
        Instant now = Rows.now();
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE job SET state = ?, done = ?, total = ?, "
                    + "problems = ?, summary = ?, finished_at = ? WHERE id = ?")) {
                ps.setString(1, state.name());
                ps.setLong(2, done);
                ps.setLong(3, total);
                ps.setString(4, GSON.toJson(kept));
                ps.setString(5, summary.length() > 1000 ? summary.substring(0, 1000) : summary);
                Rows.setInstant(ps, 6, now);
                ps.setString(7, id);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
