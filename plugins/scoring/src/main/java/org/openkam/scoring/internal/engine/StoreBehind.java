package org.openkam.scoring.internal.engine;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.openkam.scoring.internal.store.ScorePage;
import org.openkam.scoring.internal.store.ScoreStore;
import org.openkam.scoring.internal.store.StoredScore;

/**
 * Stores the engine's scores a page behind its scoring, on a thread of its own: storing a page was most of a run's
 * time on one core, and now overlaps the next page's reads and model calls on the other. The caller writes a page's
 * explanations itself ({@link ScorePage}): storing is still the longer part, and the caller's thread has time. At
 * most one page is in flight, so a run holds two pages at most; pages are stored in the order handed over, each in
 * its own transaction, and a failed save is thrown to the run at its next hand-over. The thread is never interrupted
 * (an interrupted thread closes the database's file channel).
 *
 * <p>Used by the engine's one worker thread only.
 */
final class StoreBehind {

    private final ScoreStore scores;
    private final ExecutorService storing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "openkam-scoring-store");
        t.setDaemon(true);
        return t;
    });
    private Future<?> inFlight;

    StoreBehind(ScoreStore scores) {
        this.scores = scores;
    }

    /**
     * Makes the page ready on the caller's thread (its explanations written while the page before is stored), waits
     * until that page is stored, then stores this one behind the caller.
     */
    void store(List<StoredScore> page) {
        ScorePage ready = ScorePage.of(page);
        await();
        inFlight = storing.submit(() -> scores.save(ready));
    }

    /**
     * Waits until every page handed over is stored, also when the waiting thread is interrupted (its flag is kept).
     *
     * @throws RuntimeException what the failed save threw
     */
    void await() {
        Future<?> page = inFlight;
        inFlight = null;
        if (page == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    page.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After a run failed: waits for its page in flight; that page's failure is added to the run's. */
    void awaitAfter(RuntimeException failure) {
        try {
            await();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Lets a page in flight finish; nothing new starts. */
    void close() {
        storing.shutdown();
    }
}
