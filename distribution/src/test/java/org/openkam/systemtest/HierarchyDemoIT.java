package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.google.gson.JsonObject;

/**
 * The demo's global accounts: built once the core demo has loaded, with local entities across units and
 * currencies (one without a rate), and left as they are by the next start; the console shows one's rollup, treemap and
 * coverage.
 */
class HierarchyDemoIT {

    private static final String BUILT = "Hierarchy demo: the global accounts";
    private static OpenKamProcess openkam;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.startWithDemo("HierarchyDemoIT");
        assertEquals(BUILT, openkam.awaitOutput(Duration.ofSeconds(120), BUILT, "Hierarchy demo: building failed",
                "Hierarchy demo: the core demo data did not appear"), openkam.outputTail(40));
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    private static List<JsonObject> hierarchies(Api api) {
        return StreamSupport.stream(api.get("/hierarchies").expect(200).object().getAsJsonArray("items").spliterator(),
                false).map(e -> e.getAsJsonObject()).filter(h -> h.get("name").getAsString().endsWith(" worldwide"))
                .toList();
    }

    private static JsonObject rootRollup(Api api, JsonObject hierarchy) {
        String id = hierarchy.get("id").getAsString();
        JsonObject roots = api.get("/hierarchies/" + id + "/nodes").expect(200).object();
        assertEquals(1, roots.getAsJsonArray("items").size(), roots.toString());
        String root = roots.getAsJsonArray("items").get(0).getAsJsonObject().get("id").getAsString();
        return api.get("/hierarchies/" + id + "/nodes/" + root + "/rollup").expect(200).object();
    }

    @Test
    void twoGlobalAccountsAcrossUnitsAndCurrenciesAndTheNextStartChangesNothing() {
        Api admin = openkam.admin();
        List<JsonObject> built = hierarchies(admin);
        assertEquals(List.of("Alpine Retail worldwide", "Nordwerk worldwide"), built.stream()
                .map(h -> h.get("name").getAsString()).toList());
        JsonObject nordwerk = rootRollup(admin, built.get(1));
        assertEquals(5, nordwerk.getAsJsonObject("counts").getAsJsonObject("accounts").get("total").getAsInt());
        JsonObject sales = nordwerk.getAsJsonObject("money").getAsJsonObject("sales").getAsJsonObject("total");
        assertTrue(sales.getAsJsonObject("unconverted").has("BRL"), "no BRL rate: reported apart " + sales);
        assertTrue(nordwerk.getAsJsonArray("rates").toString().contains("\"USD\""), nordwerk.toString());
        JsonObject alpine = rootRollup(admin, built.get(0));
        assertEquals(4, alpine.getAsJsonObject("counts").getAsJsonObject("accounts").get("total").getAsInt(),
                "Alpine Logistik of the industrial unit included");

        openkam.stop();
        openkam.start();
        assertEquals(BUILT, openkam.awaitOutput(Duration.ofSeconds(120), BUILT, "Hierarchy demo: building failed"));
        Api again = openkam.admin();
        assertEquals(built.stream().map(h -> h.get("id").getAsString()).toList(),
                hierarchies(again).stream().map(h -> h.get("id").getAsString()).toList());
        assertEquals(nordwerk.get("nodes").getAsInt(), rootRollup(again, built.get(1)).get("nodes").getAsInt());
    }

    @Test
    void theConsoleShowsAGlobalAccountsFiguresChartAndCoverage() {
        JsonObject nordwerk = hierarchies(openkam.admin()).get(1);
        String id = nordwerk.get("id").getAsString();
        String root = openkam.admin().get("/hierarchies/" + id + "/nodes").expect(200).object()
                .getAsJsonArray("items").get(0).getAsJsonObject().get("id").getAsString();
        try (Browser browser = Browser.open(openkam)) {
            browser.wide().signInAsAdmin().open("#/hierarchy-tree/" + id + "?node=" + root);
            browser.waitForText(By.cssSelector("#hierarchy-rollup table"), "Sales");
            WebElement chart = browser.waitFor(By.cssSelector("#hierarchy-treemap[data-tiles]"));
            assertTrue(Integer.parseInt(browser.dataset(chart).get("tiles")) >= 2, browser.dataset(chart).toString());
            assertTrue(browser.waitFor(By.id("hierarchy-chart-apart")).getText().contains("without a rate"),
                    "the BRL sales have no rate: said, not summed");
            browser.waitForText(By.cssSelector("#hierarchy-coverage table"), "Key account manager");
            assertTrue(browser.waitFor(By.id("hierarchy-gap-count")).getText().matches("\\d+ gap\\(s\\): .*|Every .*"));
            browser.assertNoErrors("the demo's global account").assertAccessible("the demo's global account");
            browser.screenshot("hierarchy-demo-nordwerk");
        }
    }
}
