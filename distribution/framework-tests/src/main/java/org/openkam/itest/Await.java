package org.openkam.itest;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition: OSGi starts bundles, activates components and delivers configurations asynchronously. */
final class Await {

    private Await() {
    }

    /**
     * Returns the first non-null value {@code probe} yields within {@code timeout}, or null if it never does.
     */
    static <T> T until(Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null || System.nanoTime() > deadline) {
                return value;
            }
            Thread.sleep(50);
        }
    }
}
