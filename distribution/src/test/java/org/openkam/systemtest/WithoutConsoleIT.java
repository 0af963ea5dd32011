package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console is a plugin like any other: with its jar removed from {@code system/} the product starts, is ready,
 * signs in and serves the core and scoring API; only the console's own paths are gone.
 */
class WithoutConsoleIT {

    private static OpenKamProcess openkam;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("WithoutConsoleIT");
        try (Stream<Path> jars = Files.list(openkam.home().resolve("system"))) {
            List<Path> console = jars.filter(p -> p.getFileName().toString().startsWith("openkam-console-")).toList();
            assertEquals(1, console.size(), "the distribution ships one console jar: " + console);
            Files.delete(console.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openkam.start();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void theApiServesWhileTheConsoleIsAbsent() {
        Api anonymous = openkam.api();
        anonymous.get("/health/ready").expect(200);
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "headless");
        Fixtures.createAccount(admin, unit, "Headless Industries");
        assertEquals(1, Fixtures.countAccounts(admin, unit));
        assertFalse(admin.get("/scoring/models").expect(200).items().isEmpty(), "scoring answers");
        assertTrue(admin.get("/openapi.json").expect(200).object().getAsJsonObject("paths").has("/accounts"));
    }

    @Test
    void theConsoleIsGone() {
        Api admin = openkam.admin();
        assertEquals(404, openkam.api().get("/console/").status());
        // the server's address leads nowhere without a console: a 404, neither a redirect nor a 401
        openkam.api().get(openkam.baseUri() + "/", "Accept", "text/html").expectProblem(404);
        openkam.api().get(openkam.baseUri() + "/favicon.ico", "Accept", "image/*").expectProblem(404);
        admin.get("/console/pages").expectProblem(404);
        admin.get("/admin/bundles").expectProblem(404);
        assertFalse(admin.get("/openapi.json").expect(200).object().getAsJsonObject("paths").has("/console/pages"),
                "the console's paths leave the document with it");
    }
}
