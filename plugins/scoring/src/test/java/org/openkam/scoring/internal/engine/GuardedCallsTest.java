package org.openkam.scoring.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedCallsTest {

    private final GuardedCalls calls = new GuardedCalls();
    private volatile boolean spinning = true;

    @AfterEach
    void stop() {
        spinning = false;
        calls.close();
    }

    @Test
    void eachCallOfARunHasABudgetOfItsOwn() {
        // five calls of 120 ms under a 400 ms budget: 600 ms in all, yet none exceeds its own budget
        List<GuardedCalls.Outcome<Integer>> outcomes = calls.each("sleeper", List.of(1, 2, 3, 4, 5), i -> {
            Thread.sleep(120);
            return i * 10;
        }, Duration.ofMillis(400));
        assertEquals(List.of(10, 20, 30, 40, 50), outcomes.stream().map(GuardedCalls.Outcome::value).toList());
        assertTrue(outcomes.stream().allMatch(GuardedCalls.Outcome::done));
    }

    @Test
    void aFailureIsThatCallsOutcomeAndTheRunGoesOn() {
        List<GuardedCalls.Outcome<Integer>> outcomes = calls.each("thrower", List.of(1, 2, 3), i -> {
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
            return i;
        }, Duration.ofSeconds(5));
        assertEquals(List.of(GuardedCalls.Kind.DONE, GuardedCalls.Kind.FAILED, GuardedCalls.Kind.DONE),
                outcomes.stream().map(GuardedCalls.Outcome::kind).toList());
        assertEquals("threw java.lang.IllegalStateException: boom", outcomes.get(1).reason());
    }

    @Test
    void aCallPastItsBudgetEndsTheRunAndTheRestIsNeverCalled() throws InterruptedException {
        Set<Integer> called = ConcurrentHashMap.newKeySet();
        List<GuardedCalls.Outcome<Integer>> outcomes = calls.each("spinner", List.of(1, 2, 3, 4), i -> {
            called.add(i);
            while (i == 2 && spinning) {
                Thread.onSpinWait(); // ignores interruption
            }
            return i;
        }, Duration.ofMillis(200));
        assertEquals(List.of(GuardedCalls.Kind.DONE, GuardedCalls.Kind.TIMED_OUT),
                outcomes.stream().map(GuardedCalls.Outcome::kind).toList());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("openkam-scoring-abandoned (spinner)") && t.isDaemon()),
                "the spinning thread is abandoned as a named daemon thread");
        spinning = false; // the abandoned thread returns from the spin and must not go on to 3 and 4
        Thread.sleep(300);
        assertEquals(Set.of(1, 2), called);
    }
}
