package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The retail plugin over HTTP on the running product: enabled for one unit by a factory configuration, 404 for a
 * unit without it; bad input answered with a 4xx naming the field or line, and nothing stored; the figures'
 * values; and the product serving on while the retail bundle is stopped in the middle of an import.
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
        // the console lists the retail pages for the units retail serves only
        assertTrue(pageIds("?businessUnit=" + other).stream().noneMatch(id -> id.startsWith("retail-")),
                pageIds("?businessUnit=" + other).toString());
        assertTrue(pageIds("?businessUnit=" + other).contains("accounts"));
        assertTrue(pageIds("?businessUnit=" + unit).contains("retail-distribution"));
        assertTrue(pageIds().contains("retail-distribution"), "an administrator's units: some are served");
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

    @Test
    void aClientThatPrefersToWaitGetsTheImportsOutcome() {
        String code = Fixtures.unique("W");
        String own = Fixtures.createAccount(admin, unit, "WaitMart").get("id").getAsString();
        String sku = admin.post("/retail/units/" + unit + "/products", product("4012345678901")).expect(201)
                .text("id");
        String banner = admin.post("/retail/retailers/" + own + "/banners", json("name", "WaitMart",
                "format", "supermarket")).expect(201).text("id");
        admin.post("/retail/retailers/" + own + "/stores", json("bannerId", banner, "code", code, "name", "Bonn",
                "region", "west", "acv", 100, "pcv", 10)).expect(201);

        Response refused = admin.request("POST", "/retail/units/" + unit + "/sell-out").header("Prefer", "wait=30")
                .body("text/csv", ("store,gtin,week,volume\n" + code + ",4012345678901,2027-03-01,100\n"
                        + "NO-SUCH-STORE,4012345678901,2027-03-01,100\n").getBytes(StandardCharsets.UTF_8))
                .send().expectProblem(422);
        assertEquals(Set.of("line 3.store"), refused.problemFields(), refused.body());
        JsonObject problem = refused.object();
        assertEquals(3, problem.getAsJsonArray("problems").get(0).getAsJsonObject().get("line").getAsInt());
        assertEquals("store", problem.getAsJsonArray("problems").get(0).getAsJsonObject().get("field").getAsString());
        assertTrue(problem.get("detail").getAsString().contains("nothing was stored"), refused.body());
        String jobUrl = problem.get("job").getAsString();
        assertTrue(jobUrl.contains("/api/v1/jobs/"), refused.body());
        assertEquals("failed", admin.get(jobUrl).expect(200).text("state"));
        assertEquals("Prefer", refused.header("Vary"));
        assertEquals(0, baseline(own, sku), "nothing stored");

        Response done = admin.request("POST", "/retail/units/" + unit + "/sell-out").header("Prefer", "wait=30")
                .body("text/csv", ("store,gtin,week,volume\n" + code + ",4012345678901,2027-03-01,100\n"
                        + code + ",4012345678901,2027-03-08,300\n").getBytes(StandardCharsets.UTF_8))
                .send().expect(200);
        assertEquals("succeeded", done.text("state"), done.body());
        assertTrue(done.header("Location").endsWith("/api/v1/jobs/" + done.text("id")), done.describe());
        assertEquals(100, baseline(own, sku), "400 units over the 8 weeks before: 50 a week, 2 weeks");

        // without the preference (or with wait=0) the answer does not wait
        Response queued = admin.request("POST", "/retail/units/" + unit + "/sell-out").header("Prefer", "wait=0")
                .body("text/csv", ("store,gtin,week,volume\nNO-SUCH-STORE,4012345678901,2027-03-01,1\n")
                        .getBytes(StandardCharsets.UTF_8)).send().expect(202);
        assertEquals("failed", admin.awaitJob(queued.text("id"), j -> { }).get("state").getAsString());
    }

    @Test
    void distributionWaterfallAndTradeSpendFiguresWithAdditiveDiscountsConfiguredForTheUnit() {
        int year = 2027;
        String additive = Fixtures.createUnit(admin, "additive");
        admin.post("/admin/configurations/factories/" + SETTINGS, json("properties", Map.of("businessUnit", additive,
                "discounts.compound", false))).expect(201);
        awaitServed(additive);
        String own = Fixtures.createAccount(admin, additive, "SumMart").get("id").getAsString();
        String r = "/retail/retailers/" + own;
        String sku = admin.post("/retail/units/" + additive + "/products", json("gtin", "4006381333931", "name",
                "Cola", "brand", "Fizz", "listPrice", 10, "cost", 6)).expect(201).text("id");
        String hyper = admin.post(r + "/banners", json("name", "SumMart Hyper", "format", "hypermarket")).expect(201)
                .text("id");
        String mini = admin.post(r + "/banners", json("name", "SumMart Mini", "format", "convenience")).expect(201)
                .text("id");
        String code = Fixtures.unique("A");
        String a = admin.post(r + "/stores", json("bannerId", hyper, "code", code + "-1", "name", "Aachen",
                "region", "north", "acv", 600, "pcv", 60)).expect(201).text("id");
        String b = admin.post(r + "/stores", json("bannerId", hyper, "code", code + "-2", "name", "Bremen",
                "region", "north", "acv", 200, "pcv", 20)).expect(201).text("id");
        admin.post(r + "/stores", json("bannerId", mini, "code", code + "-3", "name", "Calw", "region", "south",
                "acv", 200, "pcv", 20)).expect(201);
        admin.post(r + "/listings", json("productId", sku, "bannerId", hyper, "listedFrom", year + "-01-01",
                "listingFee", 2500)).expect(201);
        String day = year + "-05-03";
        admin.post(r + "/store-audits", json("storeId", a, "productId", sku, "auditedOn", day, "available", false))
                .expect(204);
        admin.post(r + "/store-audits", json("storeId", b, "productId", sku, "auditedOn", day, "available", true))
                .expect(204);

        JsonObject all = admin.get(r + "/distribution?productId=" + sku + "&date=" + day).expect(200).object()
                .getAsJsonObject("figures");
        assertEquals(3, all.get("stores").getAsInt());
        assertEquals(2, all.get("carrying").getAsInt());
        assertEquals(new BigDecimal("66.67"), all.get("numeric").getAsBigDecimal(), all.toString());
        assertEquals(new BigDecimal("80"), all.get("acvWeighted").getAsBigDecimal(), "ACV 800 of 1,000");
        assertEquals(new BigDecimal("80"), all.get("pcvWeighted").getAsBigDecimal(), "PCV 80 of 100");
        assertEquals(1, all.get("outOfStock").getAsInt());
        assertEquals(new BigDecimal("50"), all.get("outOfStockNumeric").getAsBigDecimal());
        assertEquals(new BigDecimal("75"), all.get("outOfStockAcvWeighted").getAsBigDecimal(), "ACV 600 of 800");
        JsonObject south = admin.get(r + "/distribution?productId=" + sku + "&date=" + day + "&region=south")
                .expect(200).object().getAsJsonObject("figures");
        assertEquals(new BigDecimal("0"), south.get("acvWeighted").getAsBigDecimal(), south.toString());
        JsonObject ofHyper = admin.get(r + "/distribution?productId=" + sku + "&date=" + day + "&bannerId=" + hyper)
                .expect(200).object().getAsJsonObject("figures");
        assertEquals(new BigDecimal("100"), ofHyper.get("numeric").getAsBigDecimal(), ofHyper.toString());
        JsonObject before = admin.get(r + "/distribution?productId=" + sku + "&date=" + (year - 1) + "-12-31")
                .expect(200).object().getAsJsonObject("figures");
        assertEquals(0, before.get("carrying").getAsInt(), "not listed yet");
        admin.get(r + "/distribution?productId=" + sku + "&date=someday").expectProblem(400);

        admin.put(r + "/terms/" + year, json("conditions", List.of(
                json("kind", "on-invoice", "name", "base discount", "percent", 10),
                json("kind", "payment-discount", "name", "2 % 10 days", "percent", 2),
                json("kind", "co-op-advertising", "name", "leaflets", "amount", 2000)),
                "volumeTiers", List.of(json("minVolume", 100, "percent", 5)))).expect(201);
        admin.post(r + "/promotions", json("name", "Display", "mechanic", "display", "startsOn", year + "-06-07",
                "endsOn", year + "-06-20", "productIds", List.of(sku), "plannedVolume", 1000, "baselineVolume", 800,
                "fixedSpend", 1000, "spendPerUnit", 0.5)).expect(201);
        Response sellIn = admin.request("POST", r + "/sell-in").header("Prefer", "wait=30").body("text/csv",
                ("gtin,week,volume\n4006381333931," + year + "-01-04,6000\n4006381333931," + year + "-02-01,4000\n")
                        .getBytes(StandardCharsets.UTF_8)).send().expect(200);
        assertEquals("succeeded", sellIn.text("state"));

        JsonObject waterfall = admin.get(r + "/waterfall?productId=" + sku + "&year=" + year).expect(200).object();
        assertEquals(new BigDecimal("10000"), waterfall.get("annualVolume").getAsBigDecimal());
        JsonObject w = waterfall.getAsJsonObject("waterfall");
        assertFalse(w.get("compound").getAsBoolean(), "the unit's configuration: " + w);
        assertEquals(new BigDecimal("9"), w.get("invoicePrice").getAsBigDecimal(), w.toString());
        assertEquals(new BigDecimal("8.3"), w.get("netPrice").getAsBigDecimal(),
                "10 - (5 % volume bonus + 2 %) of the list price, not 8.379 compounding");
        assertEquals(new BigDecimal("7.85"), w.get("pocketPrice").getAsBigDecimal(),
                "co-op 2,000 and the listing fee 2,500 over 10,000 units");
        assertEquals(new BigDecimal("23.57"), w.get("pocketMarginPercent").getAsBigDecimal(), "(7.85 - 6) / 7.85");
        JsonObject small = admin.get(r + "/waterfall?productId=" + sku + "&year=" + year + "&volume=50").expect(200)
                .object().getAsJsonObject("waterfall");
        assertEquals(new BigDecimal("8.8"), small.get("netPrice").getAsBigDecimal(), "below the tier: 10 - 1 - 0.2");
        admin.get(r + "/waterfall?productId=" + sku + "&year=" + year + "&volume=-1").expectProblem(400);

        JsonObject spend = admin.get(r + "/trade-spend?year=" + year).expect(200).object();
        assertEquals(new BigDecimal("100000"), spend.get("grossSales").getAsBigDecimal(), spend.toString());
        assertEquals(new BigDecimal("17000"), spend.get("discounts").getAsBigDecimal(), "(10 - 8.3) x 10,000");
        assertEquals(new BigDecimal("4500"), spend.get("fixedAmounts").getAsBigDecimal());
        assertEquals(new BigDecimal("1500"), spend.get("promotionSpend").getAsBigDecimal(), "1,000 + 0.5 x 1,000");
        assertEquals(new BigDecimal("23000"), spend.get("total").getAsBigDecimal());
        assertEquals(new BigDecimal("23"), spend.get("percentOfGrossSales").getAsBigDecimal());
    }

    @Test
    void theProductServesOnWhileTheRetailBundleIsStoppedDuringAnImportAndRetailComesBackWhenStarted()
            throws InterruptedException {
        String own = Fixtures.createAccount(admin, unit, "StopMart").get("id").getAsString();
        String banner = admin.post("/retail/retailers/" + own + "/banners", json("name", "StopMart",
                "format", "supermarket")).expect(201).text("id");
        String prefix = Fixtures.unique("X");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(prefix + "-" + i);
            admin.post("/retail/retailers/" + own + "/stores", json("bannerId", banner, "code", codes.get(i),
                    "name", "Store " + i, "region", "east", "acv", 10, "pcv", 1)).expect(201);
        }
        List<String> gtins = List.of("4000000000006", "4000000000013", "4000000000020", "4000000000037");
        String first = null;
        for (String gtin : gtins) {
            String id = admin.post("/retail/units/" + unit + "/products", product(gtin)).expect(201).text("id");
            first = first == null ? id : first;
        }
        // 10 stores x 4 products x 5,000 weeks: 200,000 lines, long enough to be stopped while it writes
        StringBuilder csv = new StringBuilder("store,gtin,week,volume\n");
        LocalDate start = LocalDate.of(1950, 1, 2);
        for (int w = 0; w < 5000; w++) {
            String week = start.plusWeeks(w).toString();
            for (String code : codes) {
                for (String gtin : gtins) {
                    csv.append(code).append(',').append(gtin).append(',').append(week).append(",7\n");
                }
            }
        }
        String job = admin.request("POST", "/retail/units/" + unit + "/sell-out")
                .body("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)).send().expect(202).text("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonObject seen = admin.get("/jobs/" + job).expect(200).object();
        while (seen.get("done").getAsLong() == 0 && !seen.get("state").getAsString().equals("succeeded")) {
            assertTrue(System.nanoTime() < deadline, "the import never started writing: " + seen);
            Thread.sleep(20);
            seen = admin.get("/jobs/" + job).expect(200).object();
        }
        assertEquals("running", seen.get("state").getAsString(), "stopped while it writes: " + seen);

        long bundle = retailBundle().get("id").getAsLong();
        assertEquals("resolved", admin.post("/admin/bundles/" + bundle + "/stop", null).expect(200).object()
                .get("state").getAsString());
        JsonObject ended = admin.awaitJob(job, j -> { });
        assertEquals("interrupted", ended.get("state").getAsString(), ended.toString());
        assertTrue(ended.get("summary").getAsString().contains("nothing was stored"), ended.toString());

        openkam.api().get("/health/ready").expect(200);
        admin.get("/accounts/" + own).expect(200);
        admin.get("/business-units").expect(200);
        admin.get("/retail/units/" + unit + "/products").expectProblem(404);
        admin.get("/retail/retailers/" + own + "/stores").expectProblem(404);
        admin.request("POST", "/retail/units/" + unit + "/sell-out").body("text/csv",
                "store,gtin,week,volume\n".getBytes(StandardCharsets.UTF_8)).send().expectProblem(404);
        assertTrue(pageIds().stream().noneMatch(id -> id.startsWith("retail-")), "no retail pages: " + pageIds());
        assertEquals(404, openkam.api().get("/console/plugins/retail/distribution.js", "Accept", "*/*").status());
        assertTrue(admin.get("/openapi.json").expect(200).object().getAsJsonObject("paths").keySet().stream()
                .noneMatch(p -> p.startsWith("/retail/")), "the retail paths leave the API document");

        assertEquals("active", admin.post("/admin/bundles/" + bundle + "/start", null).expect(200).object()
                .get("state").getAsString());
        awaitServed(unit);
        assertEquals(10, admin.get("/retail/retailers/" + own + "/stores").expect(200).items().size());
        assertTrue(pageIds().contains("retail-distribution"), pageIds().toString());
        openkam.api().get("/console/plugins/retail/distribution.js", "Accept", "*/*").expect(200);
        assertTrue(admin.get("/openapi.json").expect(200).object().getAsJsonObject("paths")
                .has("/retail/units/{unit}/sell-out"));
        JsonObject view = admin.post("/retail/retailers/" + own + "/promotions",
                promotion(first, "1951-01-01", "1951-01-14", 10)).expect(201).object();
        assertEquals(0, view.get("baseline").getAsInt(), "the interrupted import stored nothing: " + view);
        openkam.api().get("/health/ready").expect(200);
    }

    private static JsonObject retailBundle() {
        return StreamSupport.stream(admin.get("/admin/bundles").expect(200).items().spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(b -> !b.get("symbolicName").isJsonNull()
                        && b.get("symbolicName").getAsString().equals("org.openkam.retail"))
                .findFirst().orElseThrow(() -> new AssertionError("the retail bundle is listed"));
    }

    private static Set<String> pageIds() {
        return pageIds("");
    }

    private static Set<String> pageIds(String query) {
        Set<String> ids = new HashSet<>();
        for (JsonElement p : admin.get("/api/v1/console/pages" + query).expect(200).array()) {
            ids.add(p.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    private static JsonObject importSellOut(String csv) {
        Response started = admin.request("POST", "/retail/units/" + unit + "/sell-out")
                .body("text/csv", csv.getBytes(StandardCharsets.UTF_8)).send().expect(202);
        return admin.awaitJob(started.text("id"), job -> { });
    }

    /** The sell-out baseline of a new two-week promotion starting after the imported weeks. */
    private static int baseline(String sku) {
        return baseline(retailer, sku);
    }

    private static int baseline(String retailerId, String sku) {
        JsonObject view = admin.post("/retail/retailers/" + retailerId + "/promotions",
                promotion(sku, "2027-03-15", "2027-03-28", 10)).expect(201).object();
        assertEquals("sell-out", view.get("baselineSource").getAsString());
        return view.get("baseline").getAsInt();
    }

    private static void enable(String unitId) {
        admin.post("/admin/configurations/factories/" + SETTINGS, json("properties", Map.of("businessUnit", unitId)))
                .expect(201);
        awaitServed(unitId);
    }

    private static void awaitServed(String unitId) {
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
