package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.NotFoundException;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;

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
}
