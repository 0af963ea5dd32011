package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code --demo} with the retail plugin: the consumer-goods unit gets retail enabled and its demo data (two retailers,
 * 50 stores, 40 SKUs, distribution KPIs, evaluated promotions with lift and ROI, a price waterfall, a joint business
 * plan), through the API and in the console on a wide screen; loaded once: a restart loads nothing twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetailDemoIT {

    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;
    /** The consumer-goods accounts by name: the first has the joint business plan, the second a promotion that lost. */
    private static List<String> retailers;
    /** The year of the demo's last full week, the year of its plan. */
    private static int year;

    @BeforeAll
    static void start() throws InterruptedException {
        openkam = OpenKamProcess.startWithDemo("RetailDemoIT");
        admin = openkam.admin();
        String outcome = openkam.awaitOutput(Duration.ofSeconds(180), "Retail demo: loaded",
                "Retail demo data could not be loaded");
        assertEquals("Retail demo: loaded", outcome, openkam.outputTail(40));
        retailers = admin.get("/accounts?businessUnit=consumer-goods&sort=name&limit=2").expect(200).items().asList()
                .stream().map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
        year = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1).getYear();
        // the sales imports run as jobs after the load: sell-in for trade spend, sell-out for the baselines
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (!salesLoaded()) {
            assertTrue(System.nanoTime() < deadline, "the demo's sales were not imported within 4 min");
            Thread.sleep(500);
        }
    }

    private static boolean salesLoaded() {
        for (String retailer : retailers) {
            JsonObject spend = admin.get("/retail/retailers/" + retailer + "/trade-spend?year=" + year).expect(200)
                    .object();
            if (spend.get("grossSales").getAsDouble() == 0) {
                return false;
            }
        }
        return promotion(retailers.get(0), "Spring soft drinks TPR").get("baseline").getAsDouble() > 0;
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    @Order(1)
    void theDemoShowsDistributionPromotionsWithLiftAndRoiAWaterfallAndAPlan() {
        assertEquals(40, admin.get("/retail/units/consumer-goods/products").expect(200).items().size());
        int stores = 0;
        for (String retailer : retailers) {
            stores += admin.get("/retail/retailers/" + retailer + "/stores").expect(200).items().size();
        }
        assertEquals(50, stores);

        JsonObject spend = admin.get("/retail/retailers/" + retailers.get(1) + "/trade-spend?year=" + year).expect(200)
                .object();
        assertTrue(spend.get("percentOfGrossSales").getAsDouble() > 0, spend.toString());

        // distribution: the plan's focus product is listed in the 15 hypermarkets of the 30 stores only, which
        // weigh more than the small Express stores; the first soft drink is everywhere, 2 of 8 audited stores lack it
        JsonObject plan = admin.get("/retail/retailers/" + retailers.get(0) + "/plans/" + year).expect(200).object();
        String focus = plan.getAsJsonObject("plan").get("distributionProductId").getAsString();
        JsonObject focused = distribution(retailers.get(0), focus);
        assertEquals(30, focused.get("stores").getAsInt(), focused.toString());
        assertEquals(15, focused.get("carrying").getAsInt(), focused.toString());
        assertEquals(new BigDecimal("50"), focused.get("numeric").getAsBigDecimal());
        double acv = focused.get("acvWeighted").getAsDouble();
        assertTrue(acv > 75 && acv < 100, "the hypermarkets carry most of the ACV: " + focused);
        assertEquals(plan.getAsJsonObject("actuals").get("distribution").getAsBigDecimal(),
                focused.get("acvWeighted").getAsBigDecimal(), "the plan's actual is the same figure");
        JsonObject spring = promotion(retailers.get(0), "Spring soft drinks TPR");
        String softDrink = firstSoftDrink();
        JsonObject everywhere = distribution(retailers.get(0), softDrink);
        assertEquals(new BigDecimal("100"), everywhere.get("numeric").getAsBigDecimal(), everywhere.toString());
        assertEquals(8, everywhere.get("audited").getAsInt(), everywhere.toString());
        assertEquals(2, everywhere.get("outOfStock").getAsInt(), everywhere.toString());
        assertEquals(new BigDecimal("25"), everywhere.get("outOfStockNumeric").getAsBigDecimal());

        // promotions: lift and ROI (incremental gross profit / spend), positive for a success, negative for a loss
        JsonObject won = spring.getAsJsonObject("evaluation");
        assertEquals("sell-out", spring.get("baselineSource").getAsString());
        assertTrue(won.get("liftPercent").getAsDouble() > 50, won.toString());
        assertTrue(won.get("roi").getAsDouble() > 0, won.toString());
        assertTrue(won.get("incrementalGrossProfit").getAsDouble() > 0, won.toString());
        assertEquals(won.get("incrementalGrossProfit").getAsDouble() / won.get("spend").getAsDouble(),
                won.get("roi").getAsDouble(), 0.01, "ROI = incremental gross profit / spend: " + won);
        assertTrue(won.get("roiConvention").getAsString().contains("incremental gross profit / trade spend"));
        JsonObject lost = promotion(retailers.get(1), "Chips feature in the leaflet").getAsJsonObject("evaluation");
        assertTrue(lost.get("liftPercent").getAsDouble() < 0, lost.toString());
        assertTrue(lost.get("roi").getAsDouble() < 0, lost.toString());

        assertEquals(3, plan.getAsJsonObject("plan").getAsJsonArray("initiatives").size());
        List<String> accountPlans = admin.get("/accounts/" + retailers.get(0) + "/plans").expect(200).array().asList()
                .stream().map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
        assertTrue(!accountPlans.isEmpty(), "the core demo gives the first consumer-goods account a plan");
        assertTrue(accountPlans.contains(plan.getAsJsonObject("plan").get("accountPlanId").getAsString()),
                "the joint business plan links it: " + plan);
        assertTrue(plan.getAsJsonObject("attainmentPercent").get("sellOut").getAsDouble() > 0, plan.toString());
        JsonObject waterfall = admin.get("/retail/retailers/" + retailers.get(0) + "/waterfall?productId=" + softDrink
                + "&year=" + year).expect(200).object().getAsJsonObject("waterfall");
        assertTrue(waterfall.get("pocketPrice").getAsDouble() < waterfall.get("listPrice").getAsDouble(),
                waterfall.toString());
    }

    @Test
    @Order(2)
    void theRetailPagesShowTheDemosFiguresOnAWideScreen() {
        browser = Browser.open(openkam);
        browser.wide().signInAsAdmin();
        String first = retailers.get(0);
        String today = LocalDate.now().toString();

        JsonObject plan = admin.get("/retail/retailers/" + first + "/plans/" + year).expect(200).object();
        String focus = plan.getAsJsonObject("plan").get("distributionProductId").getAsString();
        JsonObject focused = distribution(first, focus);
        browser.open("#/retail-distribution/" + first + "?product=" + focus + "&date=" + today);
        browser.waitFor(By.cssSelector("#distribution-trend canvas"));
        String all = row("All stores of");
        assertTrue(all.contains(" 30 15 50 " + shown(focused.get("acvWeighted"))), "numeric 50 %, then ACV: " + all);
        browser.assertAccessible("the demo's distribution page").assertNoErrors("the demo's distribution page");
        browser.screenshot("retail-demo-distribution");

        JsonObject spring = promotion(first, "Spring soft drinks TPR");
        String id = spring.getAsJsonObject("promotion").get("id").getAsString();
        int promotionYear = LocalDate.parse(spring.getAsJsonObject("promotion").get("startsOn").getAsString()).getYear();
        browser.open("#/retail-promotions/" + first + "?year=" + promotionYear + "&promotion=" + id);
        browser.waitForText(By.id("promotion-evaluation-heading"), "Spring soft drinks TPR");
        browser.waitFor(By.cssSelector("#promotion-evaluation canvas"));
        JsonObject evaluation = spring.getAsJsonObject("evaluation");
        String lift = row("Lift %");
        String roi = row("ROI");
        assertTrue(lift.endsWith(" " + shown(evaluation.get("liftPercent"))), lift + " for " + evaluation);
        assertTrue(roi.endsWith(" " + shown(evaluation.get("roi"))), roi + " for " + evaluation);
        assertTrue(browser.mainText().contains("incremental gross profit / trade spend"), "the ROI convention");
        browser.assertAccessible("the demo's promotions page").assertNoErrors("the demo's promotions page");
        browser.screenshot("retail-demo-promotion");

        String softDrink = spring.getAsJsonObject("promotion").getAsJsonArray("productIds").get(0).getAsString();
        JsonObject waterfall = admin.get("/retail/retailers/" + first + "/waterfall?productId=" + softDrink
                + "&year=" + year).expect(200).object().getAsJsonObject("waterfall");
        browser.open("#/retail-waterfall/" + first + "?product=" + softDrink + "&year=" + year);
        browser.waitFor(By.cssSelector("#waterfall-chart canvas"));
        String pocket = row("Pocket price");
        assertTrue(pocket.endsWith(" " + shown(waterfall.get("pocketPrice"))), pocket + " for " + waterfall);
        assertTrue(browser.driver().findElement(By.id("waterfall-margin")).getText()
                .startsWith("Pocket margin: " + shown(waterfall.get("pocketMarginPercent")) + " %"));
        browser.assertAccessible("the demo's waterfall page").assertNoErrors("the demo's waterfall page");
        browser.screenshot("retail-demo-waterfall");

        browser.open("#/retail-plan/" + first + "?year=" + year);
        browser.waitForText(By.cssSelector("#main h1"), "Joint business plan: ");
        JsonObject attainment = plan.getAsJsonObject("attainmentPercent");
        String sellOut = row("Sell-out volume");
        assertTrue(sellOut.endsWith(" " + shown(attainment.get("sellOut")) + " %"), sellOut + " for " + attainment);
        assertTrue(browser.driver().findElement(By.cssSelector("#plan-account-plan a")).getAttribute("href")
                .contains("#/accounts/" + first + "?tab=plan"), "the link to the account plan");
        String distribution = row("Distribution (ACV-weighted, focus product)");
        assertTrue(distribution.endsWith(" " + shown(attainment.get("distribution")) + " %"), distribution);
        assertTrue(browser.mainText().contains("Spring soft drinks TPR") || promotionYear != year,
                "the plan's promotions of the year are listed");
        browser.assertAccessible("the demo's plan page").assertNoErrors("the demo's plan page");
        browser.screenshot("retail-demo-plan");
        assertEquals(Browser.WIDE.getWidth(), browser.driver().manage().window().getSize().getWidth());
    }

    @Test
    @Order(3)
    void aRestartLoadsNothingTwice() {
        openkam.stop();
        openkam.start();
        admin = openkam.admin();
        assertEquals("Retail demo: consumer-goods has retail data already",
                openkam.awaitOutput(Duration.ofSeconds(180), "Retail demo: consumer-goods has retail data already",
                        "Retail demo: loaded"));
        assertEquals(40, admin.get("/retail/units/consumer-goods/products").expect(200).items().size());
    }

    /** The demo's first product (GTIN 401234500000 and its check digit), audited today and in the spring TPR. */
    private static String firstSoftDrink() {
        return admin.get("/retail/units/consumer-goods/products").expect(200).items().asList().stream()
                .map(JsonElement::getAsJsonObject).filter(p -> p.get("gtin").getAsString().startsWith("401234500000"))
                .findFirst().orElseThrow().get("id").getAsString();
    }

    private static JsonObject distribution(String retailer, String product) {
        return admin.get("/retail/retailers/" + retailer + "/distribution?productId=" + product + "&date="
                + LocalDate.now()).expect(200).object().getAsJsonObject("figures");
    }

    private static JsonObject promotion(String retailer, String name) {
        return admin.get("/retail/retailers/" + retailer + "/promotions").expect(200).items().asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(p -> p.getAsJsonObject("promotion").get("name").getAsString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo has the promotion " + name));
    }

    /** The text of the first table row of the main area whose first cell starts with {@code label}, cells by spaces. */
    private static String row(String label) {
        for (var tr : browser.findAll(By.cssSelector("#main table tr"))) {
            List<String> cells = tr.findElements(By.cssSelector("th, td")).stream().map(c -> c.getText().strip())
                    .toList();
            if (!cells.isEmpty() && cells.get(0).startsWith(label)) {
                return String.join(" ", cells);
            }
        }
        throw new AssertionError("no row " + label + " in " + browser.mainText());
    }

    /** A figure as the console shows it in English: grouped, at most two decimals. */
    private static String shown(JsonElement value) {
        assertNotNull(value);
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value.getAsBigDecimal());
    }
}
