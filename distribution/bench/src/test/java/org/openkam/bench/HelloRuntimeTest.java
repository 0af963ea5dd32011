package org.openkam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.bench.hello.HelloBundle;

import com.google.gson.JsonParser;

/**
 * Smoke test of the start-up baseline, so the benchmark cannot rot unseen: the hello runtime built from the product's
 * folders starts and serves the hello servlet (also at a given size), and the Java load generator measures it. A few
 * seconds; the product itself is not started here.
 */
class HelloRuntimeTest {

    @TempDir
    Path work;

    @Test
    void theBaselineRuntimeServesTheHelloServletAndTheLoadGeneratorMeasuresIt() throws Exception {
        Path product = Path.of(System.getProperty("openkam.dist", "../target/openkam"));
        assertTrue(Files.isRegularFile(product.resolve("bin/felix.jar")), "the product is built before this module: "
                + product.toAbsolutePath());
        try (HelloRuntime runtime = new HelloRuntime(product, work.resolve("hello"))) {
            double millis = runtime.start();
            assertTrue(millis > 0 && millis < 60_000, "started in " + millis + " ms");
            String url = "http://127.0.0.1:" + runtime.port() + HelloBundle.PATH;
            assertEquals("{\"hello\":\"world\"}",
                    Http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), 200).body());

            // the answer of a given size, the baseline an API answer of that size is set against
            String sized = Http.send(HttpRequest.newBuilder(URI.create(url + "?bytes=25000")).GET().build(), 200)
                    .body();
            assertEquals(25_000, sized.getBytes(StandardCharsets.UTF_8).length);
            assertEquals(24_988, JsonParser.parseString(sized).getAsJsonObject().get("hello")
                    .getAsString().length(), "JSON of that size");
            Http.send(HttpRequest.newBuilder(URI.create(url + "?bytes=5")).GET().build(), 400);

            Load.Result r = Load.javaGenerator(4, Duration.ofMillis(200), Duration.ofSeconds(1)).run(url, null);
            assertTrue(r.requestsPerSecond() > 10, r.toString());
            assertTrue(r.p50Millis() > 0 && r.p50Millis() <= r.p99Millis(), r.toString());
            assertTrue(Resident.current(runtime.pid()) > 10_000, "a JVM holds more than 10 MB");
        }
    }
}
