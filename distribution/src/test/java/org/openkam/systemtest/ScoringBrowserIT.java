package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The scoring plugin's console pages in headless Chromium: the portfolio chart draws one point per account the
 * API placed (and lists them in its table, names as text), the models page switches a model off for a unit and on
 * again and runs a unit with progress, the recommendations list their reasons; every page passes axe-core.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringBrowserIT {

    private static final String XSS = "<img src=x onerror=alert(1)> Matrix GmbH";
    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;
    private static String unit;
    private static final List<String> accounts = new ArrayList<>();

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("ScoringBrowserIT").start();
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "matrix");
        long[][] figures = {{4_000_000, 1_200_000, 15_000_000}, {2_500_000, 500_000, 9_000_000},
            {1_500_000, 300_000, 12_000_000}, {600_000, 90_000, 3_000_000}, {200_000, 20_000, 6_000_000}};
        for (int i = 0; i < figures.length; i++) {
            accounts.add(createAccount(admin, unit, i == 0 ? XSS : "Matrix " + (i + 1), "annualSales",
                    figures[i][0], "contributionMargin", figures[i][1], "potential", figures[i][2],
                    "tier", i < 2 ? "key" : "none",
                    "attributes", Map.of("growth", String.valueOf(12 - 4 * i), "referenceValue", "4"))
                    .get("id").getAsString());
        }
        run();
        // a changed account is rescored shortly after the change: it moves, and the chart draws its arrow (a run
        // the engine starts by itself may score the change first, leaving nothing to move: then change it again)
        for (int attempt = 1; !moved(); attempt++) {
            assertTrue(attempt <= 3, "the changed account was not rescored to a new position");
            JsonObject account = admin.get("/accounts/" + accounts.get(3)).expect(200).object();
            admin.patch("/accounts/" + accounts.get(3), json("potential", 30_000_000 * attempt), "If-Match",
                    Fixtures.etag(account.get("version").getAsLong())).expect(200);
            awaitMovement();
        }
        browser = Browser.open(openkam);
        browser.signInAsAdmin();
    }

    private static void run() {
        run(unit);
    }

    private static void run(String unit) {
        Response accepted = admin.post("/scoring/runs", json("businessUnit", unit)).expect(202);
        JsonObject job = admin.awaitJob(accepted.object().get("id").getAsString(), j -> { });
        assertEquals("succeeded", job.get("state").getAsString(), job.toString());
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    @Order(1)
    void theNavigationListsTheScoringPages() {
        browser.open("#/accounts");
        List<String> links = browser.findAll(By.cssSelector("#navigation a")).stream()
                .map(a -> a.getAttribute("data-page")).toList();
        assertTrue(links.containsAll(List.of("scoring-portfolio", "scoring-recommendations", "scoring-models")),
                links.toString());
    }

    @Test
    @Order(2)
    void thePortfolioChartDrawsOnePointPerPlacedAccount() {
        JsonObject portfolio = admin.get("/scoring/portfolio?businessUnit=" + unit).expect(200).object();
        int placed = portfolio.getAsJsonArray("points").size();
        int moved = 0;
        for (JsonElement p : portfolio.getAsJsonArray("points")) {
            JsonObject point = p.getAsJsonObject();
            JsonObject previous = point.has("previous") && !point.get("previous").isJsonNull()
                    ? point.getAsJsonObject("previous") : null;
            if (previous != null && (previous.get("attractiveness").getAsDouble() != point.get("attractiveness")
                    .getAsDouble() || previous.get("strength").getAsDouble() != point.get("strength").getAsDouble())) {
                moved++;
            }
        }
        assertEquals(accounts.size(), placed, portfolio.toString());

        browser.open("#/scoring-portfolio?unit=" + unit);
        WebElement chart = browser.waitFor(By.cssSelector("#portfolio-chart canvas"));
        chart = browser.driver().findElement(By.id("portfolio-chart"));
        Map<String, String> drawn = browser.dataset(chart);
        assertEquals(String.valueOf(placed), drawn.get("points"), "one point per placed account: " + drawn);
        assertEquals(String.valueOf(moved), drawn.get("arrows"), "an arrow per account that moved: " + drawn);
        assertTrue(moved > 0, "the changed account moved: " + portfolio);
        assertEquals("img", chart.getAttribute("role"));
        assertEquals("0", drawn.get("cut"), "every bubble is drawn whole, also at 0 or 100: " + drawn);
        assertEquals(String.valueOf(accounts.size()), drawn.get("labelled"), "the largest bubbles are named: " + drawn);
        assertTrue(browser.driver().findElement(By.id("portfolio-caption")).getText().contains(placed + " account(s)"));

        List<WebElement> rows = browser.findAll(By.cssSelector("#portfolio-table tbody tr"));
        assertEquals(placed, rows.size());
        WebElement summary = browser.driver().findElement(By.cssSelector("#portfolio-table summary"));
        summary.click();
        String table = browser.driver().findElement(By.id("portfolio-table")).getText();
        assertTrue(table.contains(XSS), "names show as text: " + table);
        assertTrue(browser.findAll(By.cssSelector("#main img")).isEmpty(), "a name never becomes an image");
        WebElement link = browser.driver().findElement(By.cssSelector("#portfolio-table tbody tr[data-account='"
                + accounts.get(0) + "'] a"));
        assertTrue(link.getAttribute("href").endsWith("#/accounts/" + accounts.get(0)), link.getAttribute("href"));

        browser.assertNoErrors("the portfolio").assertAccessible("the portfolio with its table open");
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("scoring-portfolio");
        browser.narrow().open("#/scoring-portfolio?unit=" + unit);
        browser.waitFor(By.cssSelector("#portfolio-chart canvas"));
        assertFalse(browser.scrollsSideways(), () -> "the portfolio fits a narrow screen; too wide: " + browser.script(
                "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 8)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round("
                        + "e.getBoundingClientRect().right)).join(', ');"));
        browser.screenshot("scoring-portfolio-narrow");
        browser.desktop();

        // the dashboard shows the account whose score moved most (or whose cell changed), ranked by the server:
        // which one depends on the runs the engine started by itself, so the unit's whole portfolio says
        JsonObject now = admin.get("/scoring/portfolio?businessUnit=" + unit).expect(200).object();
        String top = null;
        double largest = -1;
        for (JsonElement p : now.getAsJsonArray("points")) {
            JsonObject point = p.getAsJsonObject();
            if (point.get("movement").isJsonNull()) {
                continue;
            }
            JsonObject movement = point.getAsJsonObject("movement");
            double change = Math.abs(movement.get("score").getAsDouble());
            if ((change > 0 || movement.get("cellChanged").getAsBoolean()) && change > largest) {
                largest = change;
                top = point.get("name").getAsString();
            }
        }
        assertNotNull(top, "an account moved in score or cell: " + now);
        browser.open("#/dashboard");
        WebElement movers = browser.waitForText(By.id("dashboard-movers"), top);
        assertTrue(movers.getText().contains("Unit " + unit), movers.getText());
    }

    @Test
    @Order(3)
    void theUnitSelectorShowsAnotherUnitsPortfolio() {
        String empty = Fixtures.createUnit(admin, "empty");
        browser.driver().navigate().refresh(); // the shell reads the units at start
        browser.open("#/scoring-portfolio?unit=" + unit);
        Select units = new Select(browser.waitFor(By.id("portfolio-unit")));
        WebElement before = browser.driver().findElement(By.cssSelector("#main > section"));
        units.selectByValue(empty);
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(before));
        browser.awaitPage();
        browser.waitFor(By.id("portfolio-empty"));
        assertTrue(browser.driver().getCurrentUrl().contains("unit=" + empty), browser.driver().getCurrentUrl());
        browser.assertAccessible("an empty portfolio");

        // a unit chosen in the header wins over the page's address, and the page says so
        chooseInHeader(unit);
        WebElement chosen = browser.waitFor(By.id("portfolio-unit"));
        assertEquals("p", chosen.getTagName());
        assertTrue(chosen.getText().contains("chosen in the header"), chosen.getText());
        assertEquals(String.valueOf(accounts.size()), browser.dataset(browser.waitFor(By.id("portfolio-chart")))
                .get("points"));
        chooseInHeader("");
        assertEquals("select", browser.waitFor(By.id("portfolio-unit")).getTagName());
    }

    private static void chooseInHeader(String value) {
        WebElement before = browser.driver().findElement(By.cssSelector("#main > section"));
        new Select(browser.driver().findElement(By.id("business-unit"))).selectByValue(value);
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(before));
        browser.awaitPage();
    }

    @Test
    @Order(4)
    void theModelsPageSwitchesAModelOffForAUnitAndOnAgainAndRunsTheUnit() throws InterruptedException {
        browser.open("#/scoring-models");
        browser.waitFor(By.cssSelector("section[data-model='portfolio-matrix']"));
        String switchId = "switch-portfolio-matrix-" + unit;
        WebElement toggle = browser.driver().findElement(By.id(switchId));
        assertTrue(toggle.isSelected(), "the shipped configuration enables the model for every unit");
        toggle.click();
        browser.waitForText(By.id("models-status"), "switched off");
        assertEquals("false", browser.driver().findElement(By.cssSelector("section[data-model='portfolio-matrix'] "
                + "tr[data-unit='" + unit + "']")).getAttribute("data-enabled"));
        assertTrue(awaitSwitch(false), "the engine follows the switch");

        browser.open("#/scoring-models");
        toggle = browser.waitFor(By.id(switchId));
        assertFalse(toggle.isSelected(), "the page shows the model switched off");
        toggle.click();
        browser.waitForText(By.id("models-status"), "switched on");
        assertTrue(awaitSwitch(true), "switched on again");

        new Select(browser.driver().findElement(By.id("run-unit"))).selectByValue(unit);
        browser.driver().findElement(By.id("run-scoring")).click();
        browser.waitFor(By.cssSelector("#run-status[data-state='succeeded']"));
        assertTrue(browser.driver().findElement(By.id("run-status")).getText().startsWith("Finished: Scored "
                + accounts.size() + " account(s)"), browser.driver().findElement(By.id("run-status")).getText());

        browser.assertNoErrors("the models page").assertAccessible("the models page");
        browser.screenshot("scoring-models");
        browser.narrow().open("#/scoring-models");
        browser.waitFor(By.cssSelector("section[data-model='portfolio-matrix']"));
        assertFalse(browser.scrollsSideways(), "the models page fits a narrow screen");
        browser.desktop();
    }

    @Test
    @Order(5)
    void theRecommendationsListTheirReasons() {
        browser.open("#/scoring-recommendations?unit=" + unit);
        browser.waitFor(By.id("recommendations-summary"));
        List<WebElement> rows = browser.findAll(By.cssSelector("#recommendations-recommended tbody tr"));
        for (WebElement row : rows) {
            String reason = row.findElement(By.cssSelector("td.scoring-reason")).getText();
            String cell = row.findElements(By.tagName("td")).get(3).getText();
            assertTrue(reason.startsWith("attractiveness "), "the reason explains the account: " + reason);
            assertFalse(reason.contains(cell) || reason.contains("target minimum"),
                    "the reason neither repeats the cell nor explains the quota: " + reason);
        }
        // five accounts cannot hold the default target of at least 15 key accounts: flagged, and not filled
        WebElement warning = browser.waitFor(By.id("recommendations-target-warning"));
        assertTrue(warning.getText().contains("does not fit this unit"), warning.getText());
        assertTrue(warning.findElement(By.tagName("a")).getAttribute("href")
                .contains("#/admin-configuration/org.openkam.scoring.selection?businessUnit=" + unit));
        JsonObject answer = admin.get("/scoring/key-account-recommendations?businessUnit=" + unit).expect(200).object();
        assertTrue(answer.getAsJsonObject("target").get("selected").getAsInt() < accounts.size(), answer.toString());
        assertEquals(answer.getAsJsonArray("recommended").size(), rows.size());
        assertTrue(browser.driver().findElement(By.id("recommendations-summary")).getText()
                .contains("of its " + accounts.size() + " scored accounts"));
        assertFalse(browser.mainText().matches("(?s).*\\b(null|undefined|NaN)\\b.*"), "no placeholder leaks: "
                + browser.mainText());
        browser.assertNoErrors("the recommendations").assertAccessible("the recommendations");
        browser.screenshot("scoring-recommendations");
        browser.narrow().open("#/scoring-recommendations?unit=" + unit);
        browser.waitFor(By.id("recommendations-summary"));
        assertFalse(browser.scrollsSideways(), "the recommendations fit a narrow screen");
        browser.desktop();
    }

    @Test
    @Order(6)
    void theEveryUnitConfigurationShowsTheValuesInForceAndAnUnchangedSaveStoresNothing() throws InterruptedException {
        browser.open("#/scoring-models");
        WebElement configure = browser.waitFor(By.cssSelector(
                "section[data-model='portfolio-matrix'] tr[data-unit='*'] a"));
        browser.clickAndAwaitPage(configure);
        browser.waitForText(By.cssSelector("#main form.config-form h2"), "every other unit (*)");
        WebElement enabled = browser.waitFor(By.cssSelector("[data-attribute='enabled'] input"));
        assertTrue(enabled.isSelected(), "enabled by default, as in force");
        assertEquals("default", browser.driver().findElement(By.cssSelector("[data-attribute='enabled']"))
                .getAttribute("data-source"));
        assertTrue(browser.driver().findElement(By.cssSelector("[data-attribute='enabled'] .default-note")).getText()
                .contains("Default: on"));
        WebElement lower = browser.driver().findElement(By.cssSelector("[data-attribute='grid.lower'] input"));
        assertEquals("33.3", lower.getAttribute("value"), "a default shows as the value in force");
        browser.assertAccessible("the portfolio matrix's configuration for every unit");
        browser.screenshot("scoring-matrix-configuration");

        WebElement save = browser.driver().findElement(By.cssSelector("form.config-form button[type=submit]"));
        save.click();
        browser.waitForText(By.cssSelector("form.config-form [role=status]"), "Nothing changed");
        assertEquals(List.of("businessUnit"), everyUnitProperties(), "an unchanged Save stores nothing");
        assertTrue(awaitSwitch(true), "the model still scores the unit");

        WebElement upper = browser.driver().findElement(By.cssSelector("[data-attribute='grid.upper'] input"));
        upper.clear();
        upper.sendKeys("70");
        save.click();
        browser.waitForText(By.cssSelector("form.config-form [role=status]"), "Saved");
        assertEquals(List.of("businessUnit", "grid.upper"), everyUnitProperties(), "only the change is stored");
        assertEquals("stored", browser.driver().findElement(By.cssSelector("[data-attribute='grid.upper']"))
                .getAttribute("data-source"));
        assertTrue(switchedOn(), "the model scores the unit the moment the save is answered");

        // a value the model refuses together with another (its upper grid line below the lower one)
        upper.clear();
        upper.sendKeys("20");
        save.click();
        WebElement refusal = browser.waitFor(By.cssSelector("form.config-form div.error[role=alert] *"));
        assertTrue(browser.driver().findElement(By.cssSelector("form.config-form div.error[role=alert]")).getText()
                .contains("grid lines must satisfy 0 <= lower < upper <= 100"), refusal.getText());
        assertEquals(List.of("businessUnit", "grid.upper"), everyUnitProperties(), "the values in force stay");
        assertEquals("70.0", everyUnitValue("grid.upper"));
        assertTrue(switchedOn(), "and the model still scores the unit with them");
        browser.assertAccessible("the configuration form with a refused combination");
        browser.screenshot("scoring-matrix-configuration-refused");

        // the status still says "Saved" from the save before, so the stored configuration is what to wait for
        upper.clear();
        save.click();
        browser.waiting(Duration.ofSeconds(10)).until(d -> everyUnitProperties().equals(List.of("businessUnit")));
        // stored is not yet answered: the form's Save comes back once the answer is in
        browser.waiting(Duration.ofSeconds(15)).until(d -> save.isEnabled());
        assertEquals(List.of("businessUnit"), everyUnitProperties(), "a cleared value falls back to its default");
        assertTrue(switchedOn(), "the model still scores the unit");
        browser.assertNoErrors("the configuration form");
    }

    @Test
    @Order(7)
    void theScoresTabShowsWholeExplanationsAndTheHistoryChartOnlyWithAHistory() throws InterruptedException {
        String id = createAccount(admin, unit, "Matrix newcomer", "annualSales", 900_000, "contributionMargin",
                150_000, "potential", 4_000_000, "attributes", Map.of("growth", "5", "referenceValue", "3"))
                .get("id").getAsString();
        JsonObject scores = null;
        for (int i = 0; i < 120; i++) { // a new account is scored shortly after it was created
            scores = admin.get("/accounts/" + id + "/scores").expect(200).object();
            if (scores.getAsJsonArray("models").size() > 0) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(scores.getAsJsonArray("models").size() > 0, "the new account was scored: " + scores);
        for (JsonElement m : scores.getAsJsonArray("models")) {
            assertEquals(1, m.getAsJsonObject().getAsJsonArray("history").size(), "scored once: " + scores);
        }

        browser.open("#/accounts/" + id + "?tab=scores");
        WebElement note = browser.waitFor(By.id("score-history-note"));
        assertTrue(note.getText().contains("next run"), note.getText());
        assertTrue(browser.findAll(By.id("score-history")).isEmpty(), "no chart of a single run");
        WebElement summary = browser.driver().findElement(By.cssSelector("#account-section .card.score summary"));
        summary.click();
        WebElement explanation = browser.waitFor(By.cssSelector(
                "#account-section .card.score details[open] .table-wrap"));
        assertEquals(Boolean.TRUE, browser.script("return arguments[0].scrollWidth <= arguments[0].clientWidth + 1;",
                explanation), "the explanation shows whole, not clipped");
        browser.assertNoErrors("the scores of an account scored once").assertAccessible("the scores, scored once");
        browser.screenshot("account-scores-once");

        run();
        browser.open("#/accounts/" + id + "?tab=scores");
        browser.waitFor(By.cssSelector("#score-history canvas"));
        assertTrue(browser.findAll(By.id("score-history-note")).isEmpty());
    }

    @Test
    @Order(8)
    void accountsInSeveralCurrenciesAreOnePortfolioInTheReportingCurrency() {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        // 1 EUR = 1.25 USD = 0.8 GBP: 4,000,000 USD are 3,200,000 EUR, 1,000,000 GBP are 1,250,000 EUR
        admin.request("POST", "/exchange-rates/ecb").body("text/csv", ("Date,USD,GBP\n" + today + ",1.25,0.8\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).send().expect(200);
        String mixed = Fixtures.createUnit(admin, "currencies");
        String eur = createAccount(admin, mixed, "Euro Largest", "annualSales", 4_000_000, "currency", "EUR",
                "contributionMargin", 400_000, "potential", 16_000_000).get("id").getAsString();
        String usd = createAccount(admin, mixed, "Dollar Second", "annualSales", 4_000_000, "currency", "USD",
                "contributionMargin", 400_000, "potential", 16_000_000).get("id").getAsString();
        String gbp = createAccount(admin, mixed, "Pound Third", "annualSales", 1_000_000, "currency", "GBP",
                "contributionMargin", 100_000, "potential", 4_000_000).get("id").getAsString();
        JsonObject portfolio = null;
        // the unit's first run may have started before its last account was created: run until all three are in
        for (int attempt = 1; portfolio == null || portfolio.getAsJsonArray("points").size() < 3; attempt++) {
            assertTrue(attempt <= 3, "the three accounts were not placed: " + portfolio);
            Response accepted = admin.post("/scoring/runs", json("businessUnit", mixed)).expect(202);
            assertEquals("succeeded", admin.awaitJob(accepted.object().get("id").getAsString(), j -> { })
                    .get("state").getAsString());
            portfolio = admin.get("/scoring/portfolio?businessUnit=" + mixed).expect(200).object();
        }
        assertEquals("EUR", portfolio.get("reportingCurrency").getAsString());
        Map<String, Double> salesRating = new java.util.HashMap<>();
        Map<String, Double> reported = new java.util.HashMap<>();
        for (JsonElement e : portfolio.getAsJsonArray("points")) {
            JsonObject p = e.getAsJsonObject();
            reported.put(p.get("accountId").getAsString(), p.get("reportedSales").getAsDouble());
            for (JsonElement c : p.getAsJsonArray("contributions")) {
                if (c.getAsJsonObject().get("factor").getAsString().equals("attractiveness.sales")) {
                    salesRating.put(p.get("accountId").getAsString(), c.getAsJsonObject().get("value").getAsDouble());
                }
            }
        }
        assertEquals(100.0, salesRating.get(eur), "the largest in EUR: " + portfolio);
        assertEquals(89.4, salesRating.get(usd), 0.05, "sqrt(3.2 / 4) of the largest, not a second 100");
        assertEquals(55.9, salesRating.get(gbp), 0.05, "sqrt(1.25 / 4) of the largest, not a third 100");
        assertEquals(3_200_000.0, reported.get(usd), 0.01);
        assertEquals(1_250_000.0, reported.get(gbp), 0.01);

        browser.open("#/scoring-portfolio?unit=" + mixed);
        WebElement chart = browser.waitFor(By.cssSelector("#portfolio-chart canvas"));
        chart = browser.driver().findElement(By.id("portfolio-chart"));
        Map<String, String> drawn = browser.dataset(chart);
        assertEquals("3", drawn.get("labelled"), drawn.toString());
        assertEquals("0", drawn.get("cut"), drawn.toString());
        assertTrue(browser.driver().findElement(By.id("portfolio-caption")).getText().contains("annual sales in EUR"));
        browser.driver().findElement(By.cssSelector("#portfolio-table summary")).click();
        assertTrue(browser.driver().findElement(By.cssSelector("#portfolio-table tr[data-account='" + usd + "']"))
                .getText().contains((String) browser.script("return new Intl.NumberFormat(undefined, {style: 'currency',"
                        + " currency: 'EUR', maximumFractionDigits: 0}).format(3200000);")),
                "the table shows the amount compared, as every console page shows money");
        browser.assertNoErrors("a portfolio in several currencies").assertAccessible("a portfolio in several currencies");
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("scoring-portfolio-currencies");
    }

    /** The names of the properties stored in the portfolio matrix's configuration for every unit, sorted. */
    private static List<String> everyUnitProperties() {
        for (JsonElement c : admin.get("/admin/configurations/org.openkam.scoring.matrix").expect(200).object()
                .getAsJsonArray("configurations")) {
            JsonObject properties = c.getAsJsonObject().getAsJsonObject("properties");
            if (properties.has("businessUnit") && properties.getAsJsonArray("businessUnit").get(0).getAsString()
                    .equals("*")) {
                return properties.keySet().stream().sorted().toList();
            }
        }
        throw new AssertionError("no configuration for every unit");
    }

    /** Waits up to 10 s for an account of the unit to have moved since its previous score. */
    private static void awaitMovement() {
        for (int i = 0; i < 40 && !moved(); i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean moved() {
        for (JsonElement p : admin.get("/scoring/portfolio?businessUnit=" + unit).expect(200).object()
                .getAsJsonArray("points")) {
            JsonElement movement = p.getAsJsonObject().get("movement");
            if (movement != null && movement.isJsonObject() && (number(movement, "attractiveness") != 0
                    || number(movement, "strength") != 0)) {
                return true;
            }
        }
        return false;
    }

    private static double number(JsonElement object, String member) {
        JsonElement value = object.getAsJsonObject().get(member);
        return value == null || value.isJsonNull() ? 0 : value.getAsDouble();
    }

    private static boolean awaitSwitch(boolean enabled) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (switchIs(enabled)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * Whether the portfolio matrix scores the unit now: a configuration change is answered only once the model's
     * new instance is registered, so the model is never missing (404) right after.
     */
    private static boolean switchedOn() {
        return switchIs(true);
    }

    private static boolean switchIs(boolean enabled) {
        for (JsonElement e : admin.get("/scoring/models/portfolio-matrix").expect(200).object()
                .getAsJsonArray("switches")) {
            JsonObject s = e.getAsJsonObject();
            if (s.get("businessUnit").getAsString().equals(unit) && s.get("enabled").getAsBoolean() == enabled) {
                return true;
            }
        }
        return false;
    }

    private static String everyUnitValue(String property) {
        for (JsonElement c : admin.get("/admin/configurations/org.openkam.scoring.matrix").expect(200).object()
                .getAsJsonArray("configurations")) {
            JsonObject properties = c.getAsJsonObject().getAsJsonObject("properties");
            if (properties.getAsJsonArray("businessUnit").get(0).getAsString().equals("*")) {
                return properties.has(property) ? properties.getAsJsonArray(property).get(0).getAsString() : null;
            }
        }
        throw new AssertionError("no configuration for every unit");
    }

    @Test
    @Order(9)
    void aLargeUnitsPortfolioComesAPageAtATime() {
        String large = Fixtures.createUnit(admin, "large");
        StringBuilder csv = new StringBuilder("name,annualSales,contributionMargin,potential,currency\n");
        for (int i = 0; i < 501; i++) {
            csv.append(String.format("Large %03d,%d,%d,%d,EUR%n", i, 100_000 + 7_919 * i, 20_000 + 1_301 * (i % 97),
                    500_000 + 3_571 * (i % 131)));
        }
        Response accepted = admin.request("POST", "/accounts/import?businessUnit=" + large)
                .body("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)).send().expect(202);
        assertEquals("succeeded", admin.awaitJob(accepted.text("id"), j -> { }).get("state").getAsString());
        run(large);
        JsonObject first = admin.get("/scoring/portfolio?businessUnit=" + large).expect(200).object();
        assertEquals(501, first.get("total").getAsInt(), first.get("total").toString());
        JsonObject second = admin.get("/scoring/portfolio?businessUnit=" + large + "&cursor="
                + URLEncoder.encode(first.get("nextCursor").getAsString(), StandardCharsets.UTF_8)).expect(200).object();
        int placedFirst = first.getAsJsonArray("points").size();
        int placed = placedFirst + second.getAsJsonArray("points").size();
        assertTrue(placedFirst > 400, "the accounts are placed: " + first.getAsJsonArray("unscored").size()
                + " unscored on the first page");

        browser.driver().navigate().refresh(); // the shell reads the units at start
        browser.open("#/scoring-portfolio?unit=" + large);
        WebElement shown = browser.waitFor(By.id("portfolio-shown"));
        assertTrue(shown.getText().contains("The first 500 of the 501 accounts"), shown.getText());
        WebElement chart = browser.waitFor(By.cssSelector("#portfolio-chart canvas"));
        chart = browser.driver().findElement(By.id("portfolio-chart"));
        assertEquals(String.valueOf(placedFirst), browser.dataset(chart).get("points"));
        assertEquals(placedFirst, browser.findAll(By.cssSelector("#portfolio-table tbody tr")).size());

        browser.driver().findElement(By.id("portfolio-more")).click();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(chart));
        chart = browser.waitFor(By.id("portfolio-chart"));
        assertEquals(String.valueOf(placed), browser.dataset(chart).get("points"), "the next page joined the chart");
        assertTrue(browser.findAll(By.id("portfolio-shown")).isEmpty(), "the whole unit is shown");
        assertEquals(placed, browser.findAll(By.cssSelector("#portfolio-table tbody tr")).size());
        WebElement last = browser.driver().findElement(By.cssSelector("#portfolio-table tbody tr:last-child th"));
        assertEquals("Large 500", last.getAttribute("textContent").strip(), "the second page follows the first");
        browser.assertNoErrors("a large unit's portfolio").assertAccessible("a large unit's portfolio");
    }
}
