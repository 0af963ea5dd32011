package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.NotFoundException;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.registry.internal.job.JobService;

/** A plugin's job through the {@link JobTracker} contract, read back through {@code Jobs}, on every database. */
abstract class JobTrackerContract {

    StoreFixture f;
    JobTracker tracker;

    abstract DataSource dataSource();

    @BeforeEach
    void fixture() {
        f = new StoreFixture(dataSource());
        tracker = f.jobs;
    }

    @Test
    void aTrackedJobGoesFromQueuedThroughRunningToItsEnd() {
        Job created = tracker.create(f.kamA, "scoring-run");
        assertEquals(JobState.QUEUED, created.state());
        assertEquals(-1, created.total());
        Job queued = f.jobs.get(f.kamA, created.id());
        assertEquals("scoring-run", queued.type());
        assertEquals(JobState.QUEUED, queued.state());
        assertEquals(f.kamA.userId(), queued.startedBy());

        tracker.progress(created.id(), 3, 10);
        Job running = f.jobs.get(f.kamA, created.id());
        assertEquals(JobState.RUNNING, running.state());
        assertEquals(3, running.done());
        assertEquals(10, running.total());
        assertNull(running.finishedAt());

        tracker.finish(created.id(), JobState.SUCCEEDED, 10, 10,
                List.of(new JobProblem(0, "model", "model x failed on account y")), "10 account(s) scored");
        Job done = f.jobs.get(f.admin, created.id());
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals(10, done.done());
        assertEquals("10 account(s) scored", done.summary());
        assertEquals(List.of(new JobProblem(0, "model", "model x failed on account y")), done.problems());
        assertNotNull(done.finishedAt());
    }

    @Test
    void aTrackedJobIsHiddenFromOtherUsers() {
        Job created = tracker.create(f.kamA, "scoring-run");
        assertThrows(NotFoundException.class, () -> f.jobs.get(f.kamB, created.id()));
        assertThrows(NotFoundException.class, () -> f.jobs.get(f.viewerA, created.id()));
    }

    @Test
    void aJobWhoseNodeStoppedIsInterruptedAndOneWhoseNodeRunsIsNot() throws InterruptedException {
        Duration lease = Duration.ofMillis(600);
        JobService crashed = new JobService(f.database, lease, false);
        JobService alive = new JobService(f.database, lease, false);
        Job orphan = crashed.create(f.kamA, "account-import");
        crashed.progress(orphan.id(), 10, 100);
        Job running = alive.create(f.kamA, "account-import");
        alive.progress(running.id(), 10, 100);
        crashed.deactivate(); // kill -9: its leases are no longer renewed
        Thread.sleep(lease.toMillis() * 3);

        Job interrupted = alive.get(f.kamA, orphan.id());
        assertEquals(JobState.INTERRUPTED, interrupted.state());
        assertTrue(interrupted.state().finished());
        assertNotNull(interrupted.finishedAt());
        assertTrue(interrupted.summary().contains("start it again"), interrupted.summary());
        assertEquals(JobState.RUNNING, alive.get(f.kamA, running.id()).state(), "a job whose node renews stays running");

        Job again = alive.create(f.kamA, "account-import");
        assertEquals(JobState.QUEUED, alive.get(f.kamA, again.id()).state(), "the work can be started again");
        alive.deactivate();
    }

    @Test
    void aRestartedNodeFindsTheJobsOfItsCrashInterrupted() throws InterruptedException {
        Duration lease = Duration.ofMillis(300);
        JobService before = new JobService(f.database, lease, false);
        Job orphan = before.create(f.kamA, "scoring-run");
        before.deactivate();
        Thread.sleep(lease.toMillis() * 3);
        JobService restarted = new JobService(f.database, lease, false);
        assertEquals(JobState.INTERRUPTED, stateInDatabase(orphan.id()), "marked at start, before anyone asks");
        restarted.deactivate();
    }

    @Test
    void aNodeAloneOnItsDatabaseFindsTheJobsOfItsCrashInterruptedAtOnce() {
        Duration lease = Duration.ofMinutes(10);
        JobService before = new JobService(f.database, lease, false);
        Job orphan = before.create(f.kamA, "account-import");
        before.progress(orphan.id(), 10, 100);
        before.deactivate();
        JobService restarted = new JobService(f.database, lease, true);
        assertEquals(JobState.INTERRUPTED, stateInDatabase(orphan.id()), "its lease has not run out, nobody runs it");
        Job again = restarted.create(f.kamA, "account-import");
        assertEquals(JobState.QUEUED, restarted.get(f.kamA, again.id()).state(), "its own new job is untouched");
        restarted.deactivate();
    }

    private JobState stateInDatabase(String id) {
        try (var c = dataSource().getConnection(); var ps = c.prepareStatement("SELECT state FROM job WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return JobState.valueOf(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
