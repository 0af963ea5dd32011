package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The retail console pages in Chromium on data written through the API: distribution KPIs with their trend, the
 * promotion calendar with a promotion's evaluation (one that lost volume), the price waterfall with trade spend,
 * and the joint business plan; each accessible (axe-core) and without browser errors.
 */
class RetailBrowserIT {

    private static final int YEAR = 2027;
    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;
    private static String retailer;
    private static String product;
    private static String lost;
    private static String unit;
    /** A unit without retail. */
    private static String plain;

    @BeforeAll
    static void start() throws InterruptedException {
        openkam = OpenKamProcess.shared("RetailBrowserIT");
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "retail");
        plain = Fixtures.createUnit(admin, "plain");
        admin.post("/admin/configurations/factories/org.openkam.retail.settings",
                json("properties", Map.of("businessUnit", unit))).expect(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (admin.get("/retail/units/" + unit + "/products").status() != 200) {
            assertTrue(System.nanoTime() < deadline, "retail never served " + unit);
            Thread.sleep(100);
        }
        retailer = Fixtures.createAccount(admin, unit, "MegaMart").get("id").getAsString();
        product = admin.post("/retail/units/" + unit + "/products", json("gtin", "4006381333931", "name", "Cola 6 x 330 ml",
                "brand", "Fizz", "listPrice", 10, "cost", 6)).expect(201).text("id");
        String r = "/retail/retailers/" + retailer;
        String banner = admin.post(r + "/banners", json("name", "MegaMart <b>Hyper</b>", "format", "hypermarket"))
                .expect(201).text("id");
        String code = Fixtures.unique("S");
        admin.post(r + "/stores", json("bannerId", banner, "code", code, "name", "Berlin", "region", "north",
                "acv", 800, "pcv", 80)).expect(201);
        admin.post(r + "/stores", json("bannerId", banner, "code", code + "-2", "name", "Munich", "region", "south",
                "acv", 200, "pcv", 20)).expect(201);
        admin.post(r + "/listings", json("productId", product, "storeId", null, "bannerId", null,
                "listedFrom", YEAR + "-01-01", "listingFee", 2500)).expect(201);
        admin.post(r + "/promotions", json("name", "Spring TPR", "mechanic", "temporary-price-reduction",
                "discountPercent", 20, "startsOn", YEAR + "-04-05", "endsOn", YEAR + "-04-18", "productIds",
                List.of(product), "plannedVolume", 1000, "baselineVolume", 400, "actualVolume", 1100,
                "fixedSpend", 1000)).expect(201);
        lost = admin.post(r + "/promotions", json("name", "Summer display", "mechanic", "display",
                "startsOn", YEAR + "-07-05", "endsOn", YEAR + "-07-18", "productIds", List.of(product),
                "plannedVolume", 1200, "baselineVolume", 1000, "actualVolume", 900, "fixedSpend", 3000)).expect(201)
                .object().getAsJsonObject("promotion").get("id").getAsString();
        admin.put(r + "/terms/" + YEAR, json("conditions", List.of(
                json("kind", "on-invoice", "name", "base discount", "percent", 10),
                json("kind", "payment-discount", "name", "2 % 10 days", "percent", 2),
                json("kind", "co-op-advertising", "name", "leaflets", "amount", 2000)),
                "volumeTiers", List.of(json("minVolume", 100, "percent", 5)))).expect(201);
        Response sellIn = admin.request("POST", r + "/sell-in").body("text/csv",
                ("gtin,week,volume\n4006381333931," + YEAR + "-01-04,5000\n4006381333931," + YEAR + "-02-01,5000\n")
                        .getBytes(StandardCharsets.UTF_8)).send().expect(202);
        assertEquals("succeeded", admin.awaitJob(sellIn.text("id"), j -> { }).get("state").getAsString());
        admin.put(r + "/plans/" + YEAR, json("sellInTarget", 20000, "sellOutTarget", 12000, "distributionProductId",
                product, "distributionTarget", 90, "initiatives", List.of(json("title", "Second placement",
                        "owner", "kam", "status", "in-progress")), "promotionIds", List.of(lost))).expect(201);
        browser = Browser.open(openkam);
        browser.signInAsAdmin();
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    void distributionShowsEachUniverseAndTheTrend() {
        browser.open("#/retail-distribution/" + retailer + "?product=" + product + "&date=" + YEAR + "-05-03");
        browser.waitForText(By.cssSelector("#main h1"), "Distribution: MegaMart");
        String text = browser.mainText();
        assertTrue(text.contains("All stores of MegaMart") && text.contains("Region north")
                && text.contains("Banner MegaMart <b>Hyper</b>"), text);
        browser.waitFor(By.cssSelector("#distribution-trend canvas"));
        browser.assertAccessible("the distribution page").assertNoErrors("the distribution page");
    }

    @Test
    void thePromotionCalendarAndTheEvaluationOfAPromotionThatLostVolume() {
        browser.open("#/retail-promotions/" + retailer + "?year=" + YEAR + "&promotion=" + lost);
        browser.waitForText(By.id("promotion-evaluation-heading"), "Summer display");
        browser.waitFor(By.cssSelector("#promotion-calendar canvas"));
        browser.waitFor(By.cssSelector("#promotion-evaluation canvas"));
        String text = browser.mainText();
        assertTrue(text.contains("Spring TPR") && text.contains("175"), "the calendar lists both: " + text);
        assertTrue(text.contains("-10"), "the lost volume shows a negative lift: " + text);
        assertTrue(text.contains("incremental gross profit / trade spend"), "the ROI convention is named: " + text);
        browser.assertAccessible("the promotions page").assertNoErrors("the promotions page");
        browser.screenshot("retail-promotion-evaluation");
    }

    @Test
    void thePriceWaterfallAndTradeSpend() {
        browser.open("#/retail-waterfall/" + retailer + "?product=" + product + "&year=" + YEAR);
        browser.waitFor(By.cssSelector("#waterfall-chart canvas"));
        String text = browser.mainText();
        assertTrue(text.contains("Pocket price") && text.contains("Invoice price") && text.contains("Net price"), text);
        assertTrue(browser.driver().findElement(By.id("waterfall-margin")).getText().startsWith("Pocket margin:"), text);
        assertTrue(text.contains("Share of gross sales"), text);
        browser.assertAccessible("the waterfall page").assertNoErrors("the waterfall page");
        browser.screenshot("retail-waterfall");
    }

    @Test
    void theJointBusinessPlanAgainstActuals() {
        browser.open("#/retail-plan/" + retailer + "?year=" + YEAR + "&asOf=" + YEAR + "-12-31");
        browser.waitForText(By.cssSelector("#main h1"), "Joint business plan: MegaMart");
        String text = browser.mainText();
        assertTrue(text.contains("Second placement") && text.contains("Summer display"), text);
        assertTrue(text.contains("10,000") && text.contains("50 %"), "sell-in 10,000 of 20,000: " + text);
        browser.assertAccessible("the plan page").assertNoErrors("the plan page");
    }

    @Test
    void theRetailPagesLeaveTheNavigationForAUnitWithoutRetail() {
        browser.open("#/accounts");
        Select units = new Select(browser.waitFor(By.id("business-unit")));
        try {
            units.selectByValue(plain);
            awaitRetailPages(false);
            assertTrue(browser.driver().findElement(By.id("navigation")).getText().contains("Accounts"),
                    "the other pages stay");
            browser.open("#/retail-promotions/" + retailer);
            browser.waitForText(By.cssSelector("#main h1"), "Page not available");
            browser.assertAccessible("the navigation of a unit without retail");

            units = new Select(browser.waitFor(By.id("business-unit")));
            units.selectByValue(unit);
            awaitRetailPages(true);
            browser.waitForText(By.cssSelector("#main h1"), "Promotions: MegaMart");
        } finally {
            new Select(browser.waitFor(By.id("business-unit"))).selectByValue("");
            awaitRetailPages(true);
        }
    }

    /** Waits until the navigation lists the retail pages, or none of them. */
    private static void awaitRetailPages(boolean shown) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (browser.findAll(By.cssSelector("#navigation a[data-page='retail-promotions']")).isEmpty() == shown) {
            assertTrue(System.nanoTime() < deadline, "the retail pages " + (shown ? "never came" : "stayed") + ": "
                    + browser.driver().findElement(By.id("navigation")).getText());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void withoutARetailerThePagesOfferTheAccounts() {
        browser.open("#/retail-promotions");
        browser.waitFor(By.cssSelector("#retail-retailers a"));
        browser.assertAccessible("the retailer choice");
    }

    @Test
    void aSellOutFileWithABadLineIsRefusedAndItsLineListed() throws java.io.IOException {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("retail-browser-", ".csv");
        java.nio.file.Files.writeString(csv, "store,gtin,week,volume\nNO-SUCH-STORE,4006381333931," + YEAR
                + "-03-01,5\n");
        browser.open("#/retail-import/" + retailer);
        browser.waitFor(By.id("retail-import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("#retail-import-form button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#retail-import-result h2"), "Import failed");
        String text = browser.mainText();
        assertTrue(text.contains("is not the code of a store of the unit: NO-SUCH-STORE"), text);
        browser.assertAccessible("the import page after a failed import").assertNoErrors("the import page");
    }
}
