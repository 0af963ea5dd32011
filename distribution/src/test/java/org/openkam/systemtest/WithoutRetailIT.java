package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Retail is a deployable plugin: with its jar removed from {@code system/} the product starts and serves the core
 * API, scoring and the console, while every retail route answers 404 and the retail pages and paths are gone, even
 * with a retail configuration left in {@code etc/} for the unit.
 */
class WithoutRetailIT {

    private static final String UNIT = "consumer-goods";
    private static OpenKamProcess openkam;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("WithoutRetailIT");
        try (Stream<Path> jars = Files.list(openkam.home().resolve("system"))) {
            List<Path> retail = jars.filter(p -> p.getFileName().toString().startsWith("openkam-retail-")).toList();
            assertEquals(1, retail.size(), "the distribution ships one retail jar: " + retail);
            Files.delete(retail.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A configuration that would enable retail for the unit: without the bundle nobody reads it.
        openkam.writeEtc("org.openkam.retail.settings-" + UNIT + ".cfg", Map.of("businessUnit", UNIT));
        openkam.start();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void theCoreScoringAndConsoleServeWhileRetailIsAbsent() {
        openkam.api().get("/health/ready").expect(200);
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "shelfless");
        Fixtures.createAccount(admin, unit, "Corner Shop");
        assertEquals(1, Fixtures.countAccounts(admin, unit));
        assertFalse(admin.get("/scoring/models").expect(200).items().isEmpty(), "scoring answers");
        assertTrue(admin.get("/openapi.json").expect(200).object().getAsJsonObject("paths").has("/accounts"));

        openkam.api().get("/console/", "Accept", "text/html").expect(200);
        Set<String> pages = pageIds(admin);
        assertTrue(pages.contains("accounts"), pages.toString());
        assertTrue(pages.contains("scoring-portfolio"), pages.toString());
        openkam.api().get("/console/plugins/scoring/portfolio.js", "Accept", "*/*").expect(200);
    }

    @Test
    void everyRetailPathIsGone() {
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "retail-less");
        String account = Fixtures.createAccount(admin, unit, "MegaMart").get("id").getAsString();
        for (String u : List.of(unit, UNIT)) {
            admin.get("/retail/units/" + u + "/products").expectProblem(404);
            admin.post("/retail/units/" + u + "/products", Api.json("gtin", "4006381333931", "name", "Fizz"))
                    .expectProblem(404);
        }
        admin.get("/retail/retailers/" + account + "/stores").expectProblem(404);
        admin.get("/retail/retailers/" + account + "/promotions").expectProblem(404);

        assertTrue(pageIds(admin).stream().noneMatch(id -> id.startsWith("retail-")), "no retail pages");
        assertEquals(404, openkam.api().get("/console/plugins/retail/distribution.js", "Accept", "*/*").status());
        JsonObject paths = admin.get("/openapi.json").expect(200).object().getAsJsonObject("paths");
        assertTrue(paths.keySet().stream().noneMatch(p -> p.startsWith("/retail/")),
                "the retail paths leave the API document with the bundle");
    }

    private static Set<String> pageIds(Api api) {
        Set<String> ids = new HashSet<>();
        for (JsonElement p : api.get("/api/v1/console/pages").expect(200).array()) {
            ids.add(p.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }
}
