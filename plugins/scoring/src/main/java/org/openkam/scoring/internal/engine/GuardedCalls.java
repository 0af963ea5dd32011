package org.openkam.scoring.internal.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs untrusted model code with a time budget. Each call runs on a daemon thread of a cached pool, so a call
 * that never returns (a sleep, a busy loop that ignores interruption) only costs its own thread: the caller
 * waits no longer than the budget, the next call gets a fresh thread, and the abandoned thread cannot keep the
 * JVM from exiting. Abandoned threads are renamed after the model, so a thread dump shows who spins.
 */
public final class GuardedCalls implements AutoCloseable {

    /** How a call ended. */
    public enum Kind {
        DONE, FAILED, TIMED_OUT,
        /** Not the model's fault: the engine is stopping. */
        ABORTED
    }

    /** The outcome of a call: its value, or why it has none. */
    public record Outcome<T>(Kind kind, T value, String reason) {

        public boolean done() {
            return kind == Kind.DONE;
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "openkam-scoring-model-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Calls {@code task} and waits at most {@code budget}; {@code what} names the model in reasons and threads. */
    public <T> Outcome<T> call(String what, Callable<T> task, Duration budget) {
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<T> future;
        try {
            future = pool.submit(() -> {
                runner.set(Thread.currentThread());
                try {
                    return task.call();
                } finally {
                    runner.set(null);
                }
            });
        } catch (RejectedExecutionException e) {
            return new Outcome<>(Kind.ABORTED, null, "the scoring engine is stopping");
        }
        try {
            return new Outcome<>(Kind.DONE, future.get(budget.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            Thread stuck = runner.get();
            if (stuck != null) {
                stuck.setName("openkam-scoring-abandoned (" + what + ")");
            }
            return new Outcome<>(Kind.TIMED_OUT, null, "exceeded its time budget of " + budget.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage();
            return new Outcome<>(Kind.FAILED, null, "threw " + cause.getClass().getName()
                    + (message == null ? "" : ": " + message));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome<>(Kind.ABORTED, null, "the call was interrupted: the scoring engine is stopping");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
