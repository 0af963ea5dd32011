package org.openkam.scoring.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

    /** The start time of a run of calls whose thread has not started yet. */
    private static final long NOT_STARTED = Long.MIN_VALUE;
    /** Numbers this engine's model threads (a count per engine, not per JVM: no state outlives the component). */
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "openkam-scoring-model-" + threads.incrementAndGet());
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
            return failed(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome<>(Kind.ABORTED, null, "the call was interrupted: the scoring engine is stopping");
        }
    }

    /** A call of untrusted code on one input. */
    @FunctionalInterface
    public interface Call<I, T> {
        T apply(I input) throws Exception;
    }

    /**
     * Calls {@code call} on each input in turn on one thread, each call with its own {@code budget}: a run of calls
     * costs one hand-over between threads, not one per call. The outcomes are in the inputs' order; after a call
     * that exceeded its budget (the last outcome, {@link Kind#TIMED_OUT}) or an interruption ({@link Kind#ABORTED})
     * the remaining inputs are not called.
     */
    public <I, T> List<Outcome<T>> each(String what, List<I> inputs, Call<I, T> call, Duration budget) {
        int n = inputs.size();
        List<Outcome<T>> outcomes = new ArrayList<>(Collections.nCopies(n, null));
        AtomicInteger current = new AtomicInteger();
        AtomicLong startedAt = new AtomicLong(NOT_STARTED);
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<?> future;
        try {
            future = pool.submit(() -> {
                runner.set(Thread.currentThread());
                try {
                    for (int i = 0; i < n && !abandoned.get(); i++) {
                        startedAt.set(System.nanoTime());
                        current.set(i);
                        outcomes.set(i, outcome(call, inputs.get(i)));
                    }
                    current.set(n); // a volatile write after the outcomes: the waiting thread sees them all
                } finally {
                    runner.set(null);
                }
            });
        } catch (RejectedExecutionException e) {
            return List.of(new Outcome<>(Kind.ABORTED, null, "the scoring engine is stopping"));
        }
        while (true) {
            int i = current.get();
            long started = startedAt.get();
            long wait = started == NOT_STARTED ? budget.toNanos() : budget.toNanos() - (System.nanoTime() - started);
            try {
                future.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
                return outcomes;
            } catch (TimeoutException e) {
                if (started == NOT_STARTED || current.get() != i || startedAt.get() != started) {
                    continue; // no call yet (a busy machine), or the next one started: each has a budget of its own
                }
                abandoned.set(true);
                future.cancel(true);
                Thread stuck = runner.get();
                if (stuck != null) {
                    stuck.setName("openkam-scoring-abandoned (" + what + ")");
                }
                return done(outcomes, i, new Outcome<>(Kind.TIMED_OUT, null, "exceeded its time budget of "
                        + budget.toMillis() + " ms"));
            } catch (ExecutionException e) {
                return done(outcomes, i, failed(e.getCause() == null ? e : e.getCause()));
            } catch (InterruptedException e) {
                abandoned.set(true);
                future.cancel(true);
                Thread.currentThread().interrupt();
                return done(outcomes, i, new Outcome<>(Kind.ABORTED, null, "the call was interrupted: the scoring "
                        + "engine is stopping"));
            }
        }
    }

    private static <I, T> Outcome<T> outcome(Call<I, T> call, I input) {
        try {
            return new Outcome<>(Kind.DONE, call.apply(input), null);
        } catch (Throwable e) { // as a future would: whatever the model throws is its failure
            return failed(e);
        }
    }

    /** The outcomes of the calls before {@code index}, then {@code last}. */
    private static <T> List<Outcome<T>> done(List<Outcome<T>> outcomes, int index, Outcome<T> last) {
        List<Outcome<T>> out = new ArrayList<>(outcomes.subList(0, index));
        out.add(last);
        return out;
    }

    private static <T> Outcome<T> failed(Throwable cause) {
        String message = cause.getMessage();
        return new Outcome<>(Kind.FAILED, null, "threw " + cause.getClass().getName()
                + (message == null ? "" : ": " + message));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
