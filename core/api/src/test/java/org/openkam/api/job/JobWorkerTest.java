package org.openkam.api.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class JobWorkerTest {

    private static final long LONG = 30_000;

    @Test
    void theRunningJobEndsAtItsNextCheckpointWithoutBeingInterrupted() throws InterruptedException {
        JobWorker worker = new JobWorker("test-worker");
        CountDownLatch started = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        worker.execute(() -> {
            started.countDown();
            try {
                for (int batch = 0; batch < 1_000_000; batch++) {
                    busy(); // a batch: never cut off in the middle
                    worker.checkpoint();
                }
                seen.add("finished");
            } catch (JobWorker.Stopped e) {
                seen.add("stopped" + (Thread.currentThread().isInterrupted() ? ", interrupted" : ""));
            }
        });
        worker.execute(() -> seen.add("queued job ran"));
        assertTrue(started.await(LONG, TimeUnit.MILLISECONDS));
        assertTrue(worker.stop(LONG), "the job reached its checkpoint");
        assertEquals(List.of("stopped"), seen, "stopped at a checkpoint, not interrupted; the queued job never ran");
        assertTrue(worker.stopping());
        assertThrows(RejectedExecutionException.class, () -> worker.execute(() -> { }));
    }

    @Test
    void aDelayedTaskDoesNotRunOnceTheWorkerStops() throws InterruptedException {
        JobWorker worker = new JobWorker("test-worker");
        List<String> seen = new CopyOnWriteArrayList<>();
        worker.schedule(() -> seen.add("ran"), 200, TimeUnit.MILLISECONDS);
        assertTrue(worker.stop(LONG));
        Thread.sleep(400);
        assertEquals(List.of(), seen);
    }

    @Test
    void aJobThatReachesNoCheckpointWithinTheGraceTimeIsLeftRunning() throws InterruptedException {
        JobWorker worker = new JobWorker("test-worker");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        worker.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.add(true);
            }
        });
        assertTrue(started.await(LONG, TimeUnit.MILLISECONDS));
        assertFalse(worker.stop(50), "still running after the grace time");
        release.countDown();
        assertEquals(List.of(), interrupted, "never interrupted");
    }

    private static void busy() {
        long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(100);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
