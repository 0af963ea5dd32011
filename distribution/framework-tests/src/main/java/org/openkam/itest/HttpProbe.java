package org.openkam.itest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Asks over HTTP until the answer is the awaited one: services come and go asynchronously in the framework. */
final class HttpProbe {

    /** How long to ask: a safety net, not an assertion on speed. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One request. */
    interface Probe {
        HttpResponse<String> get() throws Exception;
    }

    private HttpProbe() {
    }

    /** The first answer {@code done} accepts; fails naming {@code what} and the last answer when none came. */
    static HttpResponse<String> await(String what, Probe probe, Predicate<HttpResponse<String>> done)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never saw " + what + "; last answer "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }
}
