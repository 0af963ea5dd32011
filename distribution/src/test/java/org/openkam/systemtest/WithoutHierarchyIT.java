package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The hierarchy plugin is optional: with its jar removed from {@code system/} the product starts, is ready and
 * serves the core, money, pipeline, scoring and console; only the hierarchy's own paths and page are gone, and the
 * account 360 shows no hierarchy panel and no error.
 */
class WithoutHierarchyIT {

    private static OpenKamProcess openkam;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("WithoutHierarchyIT");
        try (Stream<Path> jars = Files.list(openkam.home().resolve("system"))) {
            List<Path> hierarchy = jars.filter(p -> p.getFileName().toString().startsWith("openkam-hierarchy-"))
                    .toList();
            assertEquals(1, hierarchy.size(), "the distribution ships one hierarchy jar: " + hierarchy);
            Files.delete(hierarchy.get(0));
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
    void everythingElseServesWhileTheHierarchyIsAbsent() {
        openkam.api().get("/health/ready").expect(200);
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "flat");
        String account = Fixtures.createAccount(admin, unit, "Flat Industries").get("id").getAsString();
        assertEquals(1, Fixtures.countAccounts(admin, unit));
        admin.get("/accounts/" + account).expect(200);
        admin.post("/accounts/" + account + "/opportunities", json("name", "Line 1", "value", 1000, "currency", "EUR",
                "stage", "qualify", "expectedCloseDate", "2027-09-30", "nextStep", "Visit", "nextStepDue",
                "2027-04-02", "ourPosition", "top-supplier")).expect(201);
        assertEquals(1, admin.get("/accounts/" + account + "/opportunities").expect(200).array().size());
        admin.get("/exchange-rates?date=2027-03-08").expect(200);
        assertFalse(admin.get("/scoring/models").expect(200).items().isEmpty(), "scoring answers");
        assertEquals(200, openkam.api().get("/console/").status(), "the console is served");
        JsonObject paths = admin.get("/openapi.json").expect(200).object().getAsJsonObject("paths");
        assertTrue(paths.has("/accounts"));
        assertTrue(paths.keySet().stream().noneMatch(p -> p.startsWith("/hierarchies")),
                "the hierarchy's paths leave the document with it: " + paths.keySet());
    }

    @Test
    void theHierarchyIsGone() {
        Api admin = openkam.admin();
        admin.get("/hierarchies").expectProblem(404);
        String unit = Fixtures.createUnit(admin, "gone");
        String account = Fixtures.createAccount(admin, unit, "Gone Industries").get("id").getAsString();
        admin.get("/accounts/" + account + "/hierarchy").expectProblem(404);
        assertTrue(StreamSupport.stream(admin.get("/api/v1/console/pages").expect(200).array().spliterator(), false)
                .map(JsonElement::getAsJsonObject).noneMatch(p -> p.get("id").getAsString().equals("hierarchy-tree")),
                "the Global accounts page leaves the navigation");
    }

    @Test
    void theAccount360ShowsNoHierarchyAndNoError() {
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "plain");
        String account = Fixtures.createAccount(admin, unit, "Plain Industries").get("id").getAsString();
        try (Browser browser = Browser.open(openkam)) {
            browser.wide().signInAsAdmin().open("#/accounts/" + account);
            browser.waitForText(By.cssSelector("#main h1"), "Plain Industries");
            browser.waitFor(By.cssSelector("#account-section .cards"));
            assertTrue(browser.findAll(By.cssSelector("#account-panels > *")).isEmpty(),
                    "no plugin adds a panel to the 360");
            assertFalse(browser.mainText().contains("could not be shown"), browser.mainText());
            browser.assertNoErrors("the account 360 without the hierarchy plugin");
        }
    }
}
