package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Readiness is honest: from the moment the process starts, there is no moment where {@code /health/ready} says
 * ready while sign-in still answers 503. The test probes both, alternating, through the whole start, which must
 * log no error.
 */
class ReadinessIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void healthSaysReadyOnlyWhenSignInIsServed() throws Exception {
        try (OpenKamProcess openkam = OpenKamProcess.create("ReadinessIT")) {
            openkam.startWithoutWaiting();
            URI base = openkam.baseUri();
            String credentials = "{\"username\":\"" + OpenKamProcess.ADMIN + "\",\"password\":\""
                    + OpenKamProcess.ADMIN_PASSWORD + "\"}";
            List<String> lies = new ArrayList<>();
            int readyProbes = 0;
            int signInsServed = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            boolean wasReady = false;
            while (System.nanoTime() < deadline && signInsServed < 20) {
                assertTrue(openkam.isAlive(), "the product exited while starting\n" + openkam.outputTail(40));
                int health = status(HttpRequest.newBuilder(base.resolve("/health/ready")).GET());
                if (health == 200) {
                    readyProbes++;
                    wasReady = true;
                    int signIn = status(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(credentials, StandardCharsets.UTF_8)));
                    if (signIn == 200) {
                        signInsServed++;
                    } else {
                        lies.add("health ready, then sign-in answered " + signIn);
                    }
                } else if (wasReady) {
                    lies.add("health went back to " + health + " after it was ready");
                }
            }
            assertTrue(readyProbes > 0, "the product never became ready\n" + openkam.outputTail(40));
            assertEquals(List.of(), lies, "probes where readiness did not hold");
            assertEquals(20, signInsServed);
            openkam.api().get("/health/live").expect(200);
            assertEquals(List.of(), openkam.output().lines().filter(l -> l.contains(" ERROR ")).toList(),
                    "a clean start logs no error");
        }
    }

    /** The status of one request; -1 while nothing listens yet. */
    private static int status(HttpRequest.Builder request) throws InterruptedException {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
