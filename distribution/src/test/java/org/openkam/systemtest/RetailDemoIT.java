package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code --demo} with the retail plugin: the consumer-goods unit gets retail enabled and its demo data (two retailers,
 * 50 stores, 40 SKUs, evaluated promotions, a price waterfall, a joint business plan), once: a restart loads nothing
 * twice.
 */
class RetailDemoIT {

    private static OpenKamProcess openkam;
    private static Api admin;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.startWithDemo("RetailDemoIT");
        admin = openkam.admin();
        String outcome = openkam.awaitOutput(Duration.ofSeconds(180), "Retail demo: loaded",
                "Retail demo data could not be loaded");
        assertEquals("Retail demo: loaded", outcome, openkam.outputTail(40));
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void theConsumerGoodsUnitShowsRetailAndARestartLoadsNothingTwice() throws InterruptedException {
        assertEquals(40, admin.get("/retail/units/consumer-goods/products").expect(200).items().size());
        List<String> retailers = admin.get("/accounts?businessUnit=consumer-goods&sort=name&limit=2").expect(200)
                .items().asList().stream().map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
        int stores = 0;
        for (String retailer : retailers) {
            stores += admin.get("/retail/retailers/" + retailer + "/stores").expect(200).items().size();
        }
        assertEquals(50, stores);

        // the sales imports run as jobs after the load: the evaluation needs the sell-out
        int year = LocalDate.now().minusWeeks(1).getYear();
        JsonObject spend = null;
        for (int i = 0; i < 240; i++) {
            spend = admin.get("/retail/retailers/" + retailers.get(1) + "/trade-spend?year=" + year).expect(200).object();
            if (spend.get("grossSales").getAsDouble() > 0) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(spend.get("percentOfGrossSales").getAsDouble() > 0, spend.toString());
        List<JsonObject> promotions = admin.get("/retail/retailers/" + retailers.get(1) + "/promotions").expect(200)
                .items().asList().stream().map(JsonElement::getAsJsonObject).toList();
        assertTrue(promotions.stream().anyMatch(p -> !p.get("evaluation").isJsonNull()
                && p.getAsJsonObject("evaluation").get("liftPercent").getAsDouble() < 0), promotions.toString());
        JsonObject plan = admin.get("/retail/retailers/" + retailers.get(0) + "/plans/" + year).expect(200).object();
        assertEquals(3, plan.getAsJsonObject("plan").getAsJsonArray("initiatives").size());
        String product = admin.get("/retail/units/consumer-goods/products").expect(200).items().get(0)
                .getAsJsonObject().get("id").getAsString();
        JsonObject waterfall = admin.get("/retail/retailers/" + retailers.get(0) + "/waterfall?productId=" + product
                + "&year=" + year).expect(200).object().getAsJsonObject("waterfall");
        assertTrue(waterfall.get("pocketPrice").getAsDouble() < waterfall.get("listPrice").getAsDouble(), waterfall.toString());

        openkam.stop();
        openkam.start();
        admin = openkam.admin();
        assertEquals("Retail demo: consumer-goods has retail data already",
                openkam.awaitOutput(Duration.ofSeconds(180), "Retail demo: consumer-goods has retail data already",
                        "Retail demo: loaded"));
        assertEquals(40, admin.get("/retail/units/consumer-goods/products").expect(200).items().size());
    }
}
