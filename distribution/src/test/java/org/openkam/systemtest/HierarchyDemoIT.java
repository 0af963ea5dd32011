package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The demo's global accounts: built once the core demo has loaded, with local entities across units and
 * currencies (one without a rate), and left as they are by the next start.
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
}
