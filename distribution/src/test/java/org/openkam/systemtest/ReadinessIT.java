package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Readiness is honest: from the moment the process starts, there is no moment where {@code /health/ready} says
 * ready while sign-in still answers 503. The test probes both, alternating, through the whole start, which must
 * log no error. A plugin lying in {@code deploy/} at start is installed and started before readiness says ready, and
 * FileInstall keeps its working folder in the data folder, not in the system's temporary folder.
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
            String output = openkam.output();
            assertEquals(List.of(), output.lines().filter(l -> l.contains(" ERROR ")).toList(),
                    "a clean start logs no error");
            // Jetty logs only through slf4j: its start line shows that slf4j found logback (through org.openkam.logging)
            assertTrue(output.contains(" org.eclipse.jetty.server.Server - jetty-"), "Jetty logs through logback\n"
                    + openkam.outputTail(40));
            assertEquals(List.of(), output.lines().filter(l -> l.startsWith("SLF4J")).toList(),
                    "slf4j reports no problem with its provider");
            assertEquals(List.of(), output.lines().filter(l -> l.contains("asks a ServiceLoader Mediator")).toList(),
                    "none of the product's own bundles needs the Mediator it does not run");
        }
    }

    /**
     * FileInstall scans {@code deploy/} once while it starts ({@code felix.fileinstall.noInitialDelay}), installing
     * and starting what lies there, and the framework is ready only after every start-up bundle started; readiness
     * waits for the framework, so the plugin is active by the first ready answer.
     */
    @Test
    void aPluginLyingInDeployIsActiveWhenReadinessFirstSaysReady() throws Exception {
        try (OpenKamProcess openkam = OpenKamProcess.create("ReadinessDeployIT")) {
            Files.copy(Fixtures.examplePlugin(), openkam.home().resolve("deploy").resolve("openkam-example-scoring.jar"));
            openkam.startWithoutWaiting();
            URI ready = openkam.baseUri().resolve("/health/ready");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int health = -1;
            while (health != 200 && System.nanoTime() < deadline) {
                assertTrue(openkam.isAlive(), "the product exited while starting\n" + openkam.outputTail(40));
                health = status(HttpRequest.newBuilder(ready).GET());
            }
            assertEquals(200, health, "the product never became ready\n" + openkam.outputTail(40));
            JsonObject plugin = StreamSupport.stream(openkam.admin().get("/admin/bundles").expect(200).items()
                    .spliterator(), false).map(JsonElement::getAsJsonObject)
                    .filter(b -> !b.get("symbolicName").isJsonNull()
                            && b.get("symbolicName").getAsString().equals("com.example.kam.scoring"))
                    .findFirst().orElseThrow(() -> new AssertionError("the plugin in deploy/ is not installed"));
            assertEquals("active", plugin.get("state").getAsString(), plugin::toString);
            try (Stream<Path> files = Files.list(openkam.temporaryFolder())) {
                assertEquals(List.of(), files.map(f -> f.getFileName().toString())
                        .filter(f -> f.startsWith("fileinstall")).toList(), "FileInstall left nothing in java.io.tmpdir");
            }
            assertTrue(Files.isDirectory(openkam.data().resolve("fileinstall")), "FileInstall works in the data folder");
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
