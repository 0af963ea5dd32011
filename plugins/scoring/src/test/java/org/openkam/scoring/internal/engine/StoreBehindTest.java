package org.openkam.scoring.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.api.Caller;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Work;
import org.openkam.api.scoring.Score;
import org.openkam.scoring.internal.store.ScoreStore;
import org.openkam.scoring.internal.store.StoredScore;
import org.openkam.testing.TestDatabase;

/** Scores stored a page behind the scoring, on a real database whose writes the test can hold. */
class StoreBehindTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2(ScoreStore.class);

    /** The real database; a write waits while {@link #held} is closed, and fails with {@link #failure} if set. */
    final class Held implements Database {
        volatile CountDownLatch held = new CountDownLatch(0);
        volatile RuntimeException failure;
        final List<String> writers = new ArrayList<>();

        @Override
        public DataSource dataSource() {
            return DB.database().dataSource();
        }

        @Override
        public Dialect dialect() {
            return DB.database().dialect();
        }

        @Override
        public int migrate(Class<?> owner) {
            return DB.database().migrate(owner);
        }

        @Override
        public <T> T write(Caller caller, Work<T> work) {
            return DB.database().write(caller, work);
        }

        @Override
        public <T> T write(Work<T> work) {
            synchronized (writers) {
                writers.add(Thread.currentThread().getName());
            }
            try {
                held.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failure != null) {
                throw failure;
            }
            return DB.database().write(work);
        }

        @Override
        public <T> T read(Work<T> work) {
            return DB.database().read(work);
        }
    }

    final Held database = new Held();
    final ScoreStore scores = new ScoreStore(database);
    final StoreBehind storing = new StoreBehind(scores);
    final String unit = "unit-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void close() {
        database.held = new CountDownLatch(0);
        storing.close();
    }

    List<StoredScore> page(String... accounts) {
        List<StoredScore> page = new ArrayList<>();
        for (String a : accounts) {
            page.add(new StoredScore("m", "1", a, unit, "run-1", Rows.now(), Score.of(42, null, List.of())));
        }
        return page;
    }

    boolean stored(String account) {
        return scores.current(account).size() == 1;
    }

    @Test
    void aPageIsStoredBehindTheCallerOnAThreadOfItsOwnAndAwaitWaitsForIt() {
        CountDownLatch held = new CountDownLatch(1);
        database.held = held;
        String a = UUID.randomUUID().toString();
        storing.store(page(a)); // returns while the write is held
        assertFalse(stored(a));
        held.countDown();
        storing.await();
        assertTrue(stored(a));
        assertEquals(List.of("openkam-scoring-store"), database.writers);
    }

    @Test
    void theNextPageWaitsForThePageBeforeSoPagesAreStoredInOrder() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        database.held = held;
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        storing.store(page(a));
        CountDownLatch handedOver = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            storing.store(page(b));
            handedOver.countDown();
        });
        second.start();
        assertFalse(handedOver.await(200, TimeUnit.MILLISECONDS), "handed over while the page before was in flight");
        held.countDown();
        second.join();
        storing.await();
        assertTrue(stored(a) && stored(b));
    }

    @Test
    void aFailedSaveIsThrownAtTheNextHandOverAndThatPageIsNotStored() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        database.failure = new IllegalStateException("the disk is full");
        storing.store(page(a));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> storing.store(page(b)));
        assertEquals("the disk is full", e.getMessage());
        database.failure = null;
        storing.await();
        assertFalse(stored(a));
        assertFalse(stored(b));
    }

    @Test
    void awaitThrowsAFailedSaveOnceAndAfterARunsFailureAddsIt() {
        database.failure = new IllegalStateException("the disk is full");
        storing.store(page("x"));
        assertThrows(IllegalStateException.class, storing::await);
        storing.await(); // nothing in flight any more

        storing.store(page("y"));
        RuntimeException runFailure = new IllegalStateException("the run's reads failed");
        storing.awaitAfter(runFailure);
        assertEquals(1, runFailure.getSuppressed().length);
        assertEquals("the disk is full", runFailure.getSuppressed()[0].getMessage());
    }

    @Test
    void aPageWithTwoScoresOfOneAccountIsRefusedAtOnceWhileThePageBeforeIsStillStored() {
        CountDownLatch held = new CountDownLatch(1);
        database.held = held;
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        storing.store(page(a));
        // made ready on the caller's thread before it waits for the page in flight, which the database holds
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IllegalArgumentException.class, () -> storing.store(page(b, b))));
        assertTrue(e.getMessage().contains("two scores of " + b), e.getMessage());
        held.countDown();
        storing.await();
        assertTrue(stored(a));
        assertFalse(stored(b));
    }

    @Test
    void anInterruptedCallerStillWaitsUntilThePageIsStoredAndKeepsItsFlag() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        database.held = held;
        String a = UUID.randomUUID().toString();
        List<Object> seen = new ArrayList<>();
        Thread caller = new Thread(() -> {
            storing.store(page(a));
            Thread.currentThread().interrupt();
            storing.await();
            seen.add(stored(a));
            seen.add(Thread.currentThread().isInterrupted());
        });
        caller.start();
        while (caller.getState() != Thread.State.WAITING && caller.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait(); // until it waits for the page
        }
        held.countDown();
        caller.join();
        assertEquals(List.of(true, true), seen, "stored when await returned; the flag kept");
    }

    @Test
    void closingLetsThePageInFlightFinish() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        database.held = held;
        String a = UUID.randomUUID().toString();
        storing.store(page(a));
        storing.close();
        held.countDown();
        storing.await();
        assertTrue(stored(a));
    }
}
