package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The retail plugin over HTTP on the running product: enabled for one unit by a factory configuration, 404 for a
 * unit without it; bad input answered with a 4xx naming the field or line, and nothing stored.
 */
class RetailIT {

    private static final String SETTINGS = "org.openkam.retail.settings";
    private static OpenKamProcess openkam;
    private static Api admin;
    private static String unit;
    private static String retailer;

    @BeforeAll
    static void start() throws InterruptedException {
        openkam = OpenKamProcess.create("RetailIT").start();
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "retail");
        admin.post("/admin/configurations/factories/" + SETTINGS, json("properties", Map.of("businessUnit", unit)))
                .expect(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (admin.get("/retail/units/" + unit + "/products").status() != 200) {
            assertTrue(System.nanoTime() < deadline, "retail never served " + unit + "\n" + openkam.outputTail(40));
            Thread.sleep(100);
        }
        retailer = Fixtures.createAccount(admin, unit, "MegaMart").get("id").getAsString();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void aUnitWithoutRetailSeesNoneOfIt() {
        String other = Fixtures.createUnit(admin, "plain");
        String account = Fixtures.createAccount(admin, other, "Corner Shop").get("id").getAsString();
        admin.get("/retail/units/" + other + "/products").expectProblem(404);
        admin.post("/retail/units/" + other + "/products", product("96385074")).expectProblem(404);
        admin.get("/retail/retailers/" + account + "/stores").expectProblem(404);
        admin.get("/retail/retailers/" + account + "/promotions").expectProblem(404);
        admin.get("/accounts/" + account).expect(200);
        assertTrue(admin.get("/openapi.json").expect(200).body().contains("/retail/units/{unit}/products"),
                "the fragment is in the API document");
    }

    @Test
    void anInvalidGtinIsA400NamingItAndNothingIsStored() {
        String own = Fixtures.createUnit(admin, "gtin");
        enable(own);
        Response bad = admin.post("/retail/units/" + own + "/products", product("4006381333932")).expectProblem(400);
        assertEquals(Set.of("gtin"), bad.problemFields(), bad.body());
        assertEquals(0, admin.get("/retail/units/" + own + "/products").expect(200).items().size());
        admin.post("/retail/units/" + own + "/products", product("4006381333931")).expect(201);
        assertEquals(1, admin.get("/retail/units/" + own + "/products").expect(200).items().size());
    }

    @Test
    void badPromotionsAreRefusedNamingTheFieldAndNothingIsStored() {
        String sku = admin.post("/retail/units/" + unit + "/products", product("5901234123457")).expect(201).text("id");
        String own = Fixtures.createAccount(admin, unit, "PromoMart").get("id").getAsString();
        String path = "/retail/retailers/" + own + "/promotions";
        Map<String, Object> good = promotion(sku, "2027-05-03", "2027-05-16", 1000);

        Map<String, Object> endsEarly = promotion(sku, "2027-05-03", "2027-05-02", 1000);
        assertEquals(Set.of("endsOn"), admin.post(path, endsEarly).expectProblem(400).problemFields());
        Map<String, Object> negative = promotion(sku, "2027-05-03", "2027-05-16", -5);
        assertEquals(Set.of("plannedVolume"), admin.post(path, negative).expectProblem(400).problemFields());
        Map<String, Object> unknownSku = promotion("no-such-sku", "2027-05-03", "2027-05-16", 1000);
        assertEquals(Set.of("productIds[0]"), admin.post(path, unknownSku).expectProblem(400).problemFields());
        assertEquals(0, admin.get(path).expect(200).items().size(), "nothing stored");

        JsonObject created = admin.post(path, good).expect(201).object();
        String id = created.getAsJsonObject("promotion").get("id").getAsString();
        assertTrue(created.get("evaluation").isJsonNull(), "no evaluation before the actuals");
        Response stale = admin.patch(path + "/" + id, json("actualVolume", 1100), "If-Match", Fixtures.etag(7));
        assertEquals(412, stale.status(), stale.body());
        JsonObject evaluated = admin.patch(path + "/" + id, json("actualVolume", 1100, "baselineVolume", 400),
                "If-Match", Fixtures.etag(1)).expect(200).object().getAsJsonObject("evaluation");
        assertEquals(700, evaluated.get("incrementalVolume").getAsInt());
        assertEquals(175, evaluated.get("liftPercent").getAsInt());
        assertTrue(evaluated.get("roiConvention").getAsString().contains("incremental gross profit / trade spend"));
    }

    @Test
    void aJointBusinessPlanLinksOnlyToAPlanOfItsAccount() {
        String own = Fixtures.createAccount(admin, unit, "PlanMart").get("id").getAsString();
        String other = Fixtures.createAccount(admin, unit, "OtherMart").get("id").getAsString();
        String foreignPlan = admin.post("/accounts/" + other + "/plans", accountPlan()).expect(201).text("id");
        String path = "/retail/retailers/" + own + "/plans/2027";
        for (String bad : List.of("no-such-plan", foreignPlan)) {
            Response refused = admin.put(path, json("accountPlanId", bad, "sellOutTarget", 1000)).expectProblem(400);
            assertEquals(Set.of("accountPlanId"), refused.problemFields(), refused.body());
        }
        admin.get(path).expectProblem(404);
        String plan = admin.post("/accounts/" + own + "/plans", accountPlan()).expect(201).text("id");
        JsonObject linked = admin.put(path, json("accountPlanId", plan, "sellOutTarget", 1000)).expect(201).object();
        assertTrue(linked.toString().contains(plan), linked.toString());
    }

    @Test
    void retailForEveryUnitServesExistingUnitsOnly() throws InterruptedException {
        String existing = Fixtures.createUnit(admin, "every");
        String pid = admin.post("/admin/configurations/factories/" + SETTINGS,
                json("properties", Map.of("businessUnit", "*"))).expect(201).text("pid");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (admin.get("/retail/units/" + existing + "/products").status() != 200) {
                assertTrue(System.nanoTime() < deadline, "retail never served every unit");
                Thread.sleep(100);
            }
            String missing = "no-such-unit-" + Fixtures.unique("u").toLowerCase();
            admin.get("/retail/units/" + missing + "/products").expectProblem(404);
            admin.post("/retail/units/" + missing + "/products", product("96385074")).expectProblem(404);
            admin.post("/retail/units/" + missing + "/categories", json("name", "Drinks")).expectProblem(404);
            admin.request("POST", "/retail/units/" + missing + "/sell-out").body("text/csv",
                    "store,gtin,week,volume\n".getBytes(StandardCharsets.UTF_8)).send().expectProblem(404);
            admin.post("/retail/units/" + existing + "/products", product("96385074")).expect(201);
        } finally {
            admin.delete("/admin/configurations/" + pid).expect(204);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (admin.get("/retail/units/" + existing + "/products").status() != 404) {
            assertTrue(System.nanoTime() < deadline, "retail kept serving every unit");
            Thread.sleep(100);
        }
    }

    @Test
    void aSellOutFileWithBadLinesIsRefusedByLineAndStoresNothing() {
        String code = Fixtures.unique("S");
        String sku = admin.post("/retail/units/" + unit + "/products", product("036000291452")).expect(201).text("id");
        String banner = admin.post("/retail/retailers/" + retailer + "/banners", json("name", "MegaMart",
                "format", "hypermarket")).expect(201).text("id");
        admin.post("/retail/retailers/" + retailer + "/stores", json("bannerId", banner, "code", code, "name",
                "Berlin", "region", "north", "acv", 1000, "pcv", 80)).expect(201);

        String csv = "store,gtin,week,volume\n"
                + code + ",036000291452,2027-03-01,100\n"
                + "NO-SUCH-STORE,036000291452,2027-03-01,100\n"
                + code + ",036000291453,2027-03-08,100\n"
                + code + ",4006381333931,2027-03-08,100\n"
                + code + ",036000291452,2027-03-15,-3\n";
        JsonObject failed = importSellOut(csv);
        assertEquals("failed", failed.get("state").getAsString(), failed.toString());
        List<String> problems = failed.getAsJsonArray("problems").asList().stream().map(JsonElement::getAsJsonObject)
                .map(p -> p.get("line").getAsInt() + " " + p.get("field").getAsString()).toList();
        assertEquals(List.of("3 store", "4 gtin", "5 gtin", "6 volume"), problems, failed.toString());
        assertEquals(0, baseline(sku), "nothing stored: no sell-out before the promotion");

        JsonObject done = importSellOut("store,gtin,week,volume\n" + code + ",036000291452,2027-03-01,100\n"
                + code + ",036000291452,2027-03-08,300\n");
        assertEquals("succeeded", done.get("state").getAsString(), done.toString());
        assertEquals(100, baseline(sku), "400 units over the 8 weeks looked at: 50 a week, over a promotion of 2 weeks");

        admin.request("POST", "/retail/units/" + unit + "/sell-out").body("application/json",
                "{}".getBytes(StandardCharsets.UTF_8)).send().expectProblem(415);
    }

    private static JsonObject importSellOut(String csv) {
        Response started = admin.request("POST", "/retail/units/" + unit + "/sell-out")
                .body("text/csv", csv.getBytes(StandardCharsets.UTF_8)).send().expect(202);
        return admin.awaitJob(started.text("id"), job -> { });
    }

    /** The sell-out baseline of a new two-week promotion starting after the imported weeks. */
    private static int baseline(String sku) {
        JsonObject view = admin.post("/retail/retailers/" + retailer + "/promotions",
                promotion(sku, "2027-03-15", "2027-03-28", 10)).expect(201).object();
        assertEquals("sell-out", view.get("baselineSource").getAsString());
        return view.get("baseline").getAsInt();
    }

    private static void enable(String unitId) {
        admin.post("/admin/configurations/factories/" + SETTINGS, json("properties", Map.of("businessUnit", unitId)))
                .expect(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (admin.get("/retail/units/" + unitId + "/products").status() != 200) {
            assertTrue(System.nanoTime() < deadline, "retail never served " + unitId);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Map<String, Object> accountPlan() {
        return json("title", "Grow the category", "period", json("start", "2027-01-01", "end", "2027-12-31"),
                "status", "draft", "relationshipStage", "cooperative");
    }

    private static Map<String, Object> product(String gtin) {
        return json("gtin", gtin, "name", "Cola " + gtin, "brand", "Fizz", "listPrice", 4.99, "cost", 1.8);
    }

    private static Map<String, Object> promotion(String sku, String startsOn, String endsOn, int planned) {
        return json("name", "Spring TPR", "mechanic", "temporary-price-reduction", "discountPercent", 20,
                "startsOn", startsOn, "endsOn", endsOn, "productIds", List.of(sku), "plannedVolume", planned,
                "fixedSpend", 5000);
    }
}
