package org.openkam.api.job;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One thread for jobs that write to the database (imports, scoring runs), which stops them only at safe points.
 * Interrupting a thread inside JDBC or file I/O can close the embedded database's file under every other user
 * (a {@code FileChannel} closes when its thread is interrupted), so a stopping worker never interrupts: it starts
 * nothing new, drops what is queued (such jobs end as {@link JobState#INTERRUPTED} at the next start), and lets
 * the running job end at its next {@link #checkpoint()}.
 *
 * @since 1.2
 */
public final class JobWorker {

    /** Thrown by {@link #checkpoint()} once the worker stops; the job ends there, its last batch committed. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped at a safe point: the node is shutting down", null, false, false);
        }
    }

    private final ScheduledThreadPoolExecutor executor;
    private volatile boolean stopping;

    /** A worker whose thread carries {@code name} (in thread dumps and logs). */
    public JobWorker(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs a job after those queued before it.
     *
     * @throws java.util.concurrent.RejectedExecutionException once the worker stops
     */
    public void execute(Runnable job) {
        executor.execute(job);
    }

    /**
     * Runs a task once after a delay.
     *
     * @throws java.util.concurrent.RejectedExecutionException once the worker stops
     */
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return executor.schedule(task, delay, unit);
    }

    /** Whether the worker is stopping; a job asks between batches. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * A safe point of the running job (between two committed batches, or where rolling back loses nothing
     * acknowledged).
     *
     * @throws Stopped once the worker stops
     */
    public void checkpoint() {
        if (stopping) {
            throw new Stopped();
        }
    }

    /**
     * Stops: nothing queued or delayed starts any more, and the running job gets up to {@code graceMillis} to reach
     * its next checkpoint. Never interrupts.
     *
     * @return whether the worker's thread is done; if not, the job runs on until its next checkpoint or until the
     *         database it writes to is closed
     */
    public boolean stop(long graceMillis) throws InterruptedException {
        stopping = true;
        executor.getQueue().clear();
        executor.shutdown();
        return executor.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
    }
}
