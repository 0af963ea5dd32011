package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A key account manager's opportunities in headless Chromium, at 1440 and 390 px: creating one with a competitor
 * (a missing value refused at its field, nothing stored), moving it to another stage, an edit refused because
 * someone else saved first, closing it as lost with its reason; the account's open pipeline follows each step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpportunitiesBrowserIT {

    private static OpenKamProcess openkam;
    private static Browser browser;
    private static Api kam;
    private static String accountId;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("OpportunitiesBrowserIT");
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "pipeline");
        String kamName = Fixtures.unique("opp-kam");
        Fixtures.createUser(admin, kamName, unit, "key-account-manager");
        kam = openkam.api().signIn(kamName, Fixtures.PASSWORD);
        accountId = Fixtures.createAccount(kam, unit, Fixtures.unique("Hanse Chemie"), "owner", kamName)
                .get("id").getAsString();
        browser = Browser.open(openkam).signIn(kamName, Fixtures.PASSWORD);
        browser.wide();
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    @Order(1)
    void anOpportunityIsCreatedWithACompetitorAndABadFieldIsRefusedAtItsControl() {
        browser.open("#/accounts/" + accountId + "?tab=opportunities");
        browser.waitForText(By.id("account-section"), "No opportunities yet.");
        assertEquals("0", browser.waitFor(By.id("account-pipeline")).getAttribute("data-open"));
        click("New opportunity");
        type("name", "Coatings line 2");
        new Select(control("stage")).selectByValue("develop");
        type("expectedCloseDate", "2027-09-30");
        type("nextStep", "Send the trial results");
        type("nextStepDue", "2027-04-15");
        new Select(control("ourPosition")).selectByValue("challenger");
        click("Add competitor");
        type("competitors[0].name", "Rival Coatings AG");
        new Select(control("competitors[0].position")).selectByValue("incumbent");
        type("competitors[0].strengths", "Owns the current line");
        submit();
        browser.waitFor(By.cssSelector(".opportunity-form .field-error"));
        assertEquals("true", control("value").getAttribute("aria-invalid"), "the missing value is marked at its field");
        assertEquals(control("value"), browser.driver().switchTo().activeElement(), "focus moves to the bad field");
        assertTrue(opportunities().isEmpty(), "nothing stored");
        browser.assertAccessible("the opportunity form with an error");
        browser.screenshot("opportunity-form-error-1440");

        type("value", "480000");
        submit();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "Coatings line 2 was created.");
        WebElement row = browser.waitFor(By.xpath("//tr[th[text()='Coatings line 2']]"));
        assertTrue(row.getText().contains("Rival Coatings AG (incumbent)"), row.getText());
        assertTrue(row.getText().contains("25 %"), "the stage's default probability: " + row.getText());
        assertEquals("1", browser.driver().findElement(By.id("account-pipeline")).getAttribute("data-open"));
        assertEquals("1", stageCount("develop"));
        JsonObject stored = opportunities().get(0).getAsJsonObject();
        assertEquals("Rival Coatings AG", stored.getAsJsonArray("competitors").get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("challenger", stored.get("ourPosition").getAsString());
        browser.assertNoErrors("creating an opportunity").assertAccessible("the opportunities with a new one");
        browser.screenshot("opportunities-created-1440");
    }

    @Test
    @Order(2)
    void itMovesToAnotherStageAndTheStaleEditOfAColleagueIsRefused() {
        browser.open("#/accounts/" + accountId + "?tab=opportunities");
        clickIn("Coatings line 2", "Edit");
        new Select(control("stage")).selectByValue("negotiate");
        submit();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "was saved");
        JsonObject stored = opportunities().get(0).getAsJsonObject();
        assertEquals("negotiate", stored.get("stage").getAsString());
        assertEquals(75, stored.get("probability").getAsInt(), "the new stage brings its default probability");
        assertEquals("0", stageCount("develop"));
        assertEquals("1", stageCount("negotiate"));
        assertTrue(browser.waitFor(By.xpath("//tr[th[text()='Coatings line 2']]")).getText().contains("75 %"));

        clickIn("Coatings line 2", "Edit");
        kam.patch("/accounts/" + accountId + "/opportunities/" + stored.get("id").getAsString(),
                Api.json("nextStep", "Meet the plant manager"), "If-Match", Fixtures.etag(stored.get("version").getAsLong()))
                .expect(200);
        type("value", "520000");
        submit();
        WebElement problem = browser.waitForText(By.cssSelector(".opportunity-form .form-problem"),
                "Someone else changed this opportunity");
        assertEquals(480000, opportunities().get(0).getAsJsonObject().get("value").getAsInt(), "the stale edit is not stored");
        browser.assertAccessible("the opportunity form after a conflict");
        browser.screenshot("opportunity-conflict-1440");
        problem.findElement(By.xpath(".//button[starts-with(., 'Reload')]")).click();
        browser.waitForText(By.xpath("//tr[th[text()='Coatings line 2']]"), "Meet the plant manager");
    }

    @Test
    @Order(3)
    void itIsClosedAsLostWithItsReasonAndLeavesThePipeline() {
        browser.open("#/accounts/" + accountId + "?tab=opportunities");
        clickIn("Coatings line 2", "Close");
        browser.waitFor(By.id("closing-closeReason")).sendKeys("Price 12 % above Rival Coatings");
        browser.driver().findElement(By.cssSelector(".closing-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".closing-form .field-error"));
        assertEquals("true", browser.driver().findElement(By.id("closing-won")).getAttribute("aria-invalid"),
                "an outcome is needed");
        assertEquals("open", opportunities().get(0).getAsJsonObject().get("status").getAsString(), "nothing stored");
        browser.assertAccessible("the closing form with an error");
        browser.driver().findElement(By.id("closing-lost")).click();
        browser.driver().findElement(By.cssSelector(".closing-form button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "was closed as lost");
        JsonObject stored = opportunities().get(0).getAsJsonObject();
        assertEquals("lost", stored.get("status").getAsString());
        assertEquals("Price 12 % above Rival Coatings", stored.get("closeReason").getAsString());
        assertEquals("0", browser.driver().findElement(By.id("account-pipeline")).getAttribute("data-open"));
        WebElement row = browser.waitFor(By.xpath("//tr[th[text()='Coatings line 2']]"));
        assertTrue(row.getText().contains("lost: Price 12 % above Rival Coatings"), row.getText());
        assertTrue(row.findElements(By.tagName("button")).isEmpty(), "a closed opportunity is final");
        browser.assertNoErrors("closing an opportunity").assertAccessible("the opportunities after closing");
        browser.screenshot("opportunities-closed-1440");
    }

    @Test
    @Order(4)
    void theOpportunitiesAreUsableAt390Pixels() {
        kam.post("/accounts/" + accountId + "/opportunities", Api.json("name", "Spare parts 2027", "value", 60000,
                "currency", "EUR", "stage", "propose", "expectedCloseDate", "2027-06-30", "nextStep", "Call the buyer",
                "nextStepDue", "2027-04-02", "ourPosition", "top-supplier")).expect(201);
        try {
            browser.narrow();
            browser.open("#/accounts/" + accountId + "?tab=opportunities");
            browser.waitFor(By.xpath("//tr[th[text()='Spare parts 2027']]"));
            assertFalse(browser.scrollsSideways(), "the opportunities must not scroll sideways at 390 px");
            browser.assertAccessible("the opportunities at 390 px");
            browser.screenshot("opportunities-390");
            clickIn("Spare parts 2027", "Edit");
            type("nextStepDue", "");
            submit();
            browser.waitFor(By.cssSelector(".opportunity-form .field-error"));
            assertEquals("true", control("nextStepDue").getAttribute("aria-invalid"));
            assertFalse(browser.scrollsSideways(), "the opportunity form must not scroll sideways at 390 px");
            browser.assertAccessible("the opportunity form at 390 px");
            browser.screenshot("opportunity-form-390");
            click("Cancel");
            clickIn("Spare parts 2027", "Close");
            browser.waitFor(By.id("closing-won")).click();
            browser.driver().findElement(By.cssSelector(".closing-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector(".closing-form .field-error"));
            assertEquals("true", browser.driver().findElement(By.id("closing-closeReason")).getAttribute("aria-invalid"),
                    "a closing needs its reason");
            assertFalse(browser.scrollsSideways(), "the closing form must not scroll sideways at 390 px");
            browser.assertAccessible("the closing form at 390 px");
            browser.screenshot("opportunity-closing-390");
            assertEquals(1, opportunities().asList().stream()
                    .filter(o -> o.getAsJsonObject().get("status").getAsString().equals("open")).count(), "nothing stored");

            // the work done on the phone: closed as won, with its reason
            browser.driver().findElement(By.id("closing-closeReason")).sendKeys("Chosen for the service contract");
            browser.driver().findElement(By.cssSelector(".closing-form button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#account-section [role=status]"), "Spare parts 2027 was closed as won");
            JsonObject won = opportunities().asList().stream().map(o -> o.getAsJsonObject())
                    .filter(o -> o.get("name").getAsString().equals("Spare parts 2027")).findFirst().orElseThrow();
            assertEquals("won", won.get("status").getAsString());
            assertEquals("Chosen for the service contract", won.get("closeReason").getAsString());
            assertFalse(browser.scrollsSideways(), "the opportunities must not scroll sideways at 390 px");
            browser.assertNoErrors("closing on a phone");
        } finally {
            browser.wide();
        }
    }

    @Test
    @Order(5)
    void theListSortsByAColumnAndDownloadsWhatItShowsAt1440And390Pixels() {
        kam.post("/accounts/" + accountId + "/opportunities", Api.json("name", "=HYPERLINK(\"http://x\")", "value", 5000,
                "currency", "EUR", "stage", "develop", "expectedCloseDate", "2027-08-31", "nextStep", "Visit", "nextStepDue",
                "2027-05-02", "ourPosition", "challenger")).expect(201);
        kam.post("/accounts/" + accountId + "/opportunities", Api.json("name", "Filters 2028", "value", 250000,
                "currency", "EUR", "stage", "qualify", "expectedCloseDate", "2028-01-31", "nextStep", "Visit", "nextStepDue",
                "2027-05-03", "ourPosition", "challenger")).expect(201);
        browser.open("#/accounts/" + accountId + "?tab=opportunities");
        WebElement region = browser.waitFor(By.cssSelector("#account-section .table-wrap"));
        String fit = (String) browser.script("const w = arguments[0]; const action = w.querySelector('thead th:last-child');"
                + "return w.scrollWidth + ' of ' + w.clientWidth + ' px, Action column ends at '"
                + " + Math.round(action.getBoundingClientRect().right) + ' of ' + document.documentElement.clientWidth;",
                region);
        browser.screenshot("opportunities-1440");
        assertTrue((Boolean) browser.script("const w = arguments[0]; const action = w.querySelector('thead th:last-child');"
                + "return w.scrollWidth <= w.clientWidth + 1"
                + " && action.getBoundingClientRect().right <= document.documentElement.clientWidth;", region),
                "at 1440 px the whole table shows, its Action column included: " + fit);

        sortBy("Value");
        assertEquals("ascending", header("Value").getAttribute("aria-sort"));
        assertEquals(5000.0, Double.parseDouble(values().get(0)), "smallest value first");
        assertSorted(values(), true);
        sortBy("Value");
        assertEquals("descending", header("Value").getAttribute("aria-sort"));
        assertEquals("none", header("Opportunity").getAttribute("aria-sort"));
        assertSorted(values(), false);
        List<String> shown = names();

        String csv = browser.download(browser.waitFor(By.cssSelector("#account-section .download-csv")));
        List<String> lines = csv.replace("\uFEFF", "").lines().toList();
        assertEquals("Opportunity,Stage,Value,Probability,Our position,Competitors,Next step,Status,Owner", lines.get(0),
                "the columns shown, without the Action column");
        assertEquals(shown.size() + 1, lines.size(), "a header and one line per row shown: " + csv);
        for (int i = 0; i < shown.size(); i++) {
            assertTrue(lines.get(i + 1).startsWith(csvName(shown.get(i)) + ","), "line " + (i + 1) + ": " + lines.get(i + 1));
        }
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "a formula is neutralised: " + csv);
        browser.assertNoErrors("the sorted opportunities").assertAccessible("the sorted opportunities");

        try {
            browser.narrow().open("#/accounts/" + accountId + "?tab=opportunities");
            sortBy("Opportunity");
            List<String> byName = names();
            assertEquals(byName.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), byName, "A to Z on the phone");
            WebElement row = browser.waitFor(By.xpath("//tr[th[text()='Filters 2028']]"));
            assertTrue((Boolean) browser.script("const td = arguments[0].querySelector('td[data-label=\"Value\"]');"
                    + "return getComputedStyle(td, '::before').content.includes('Value')"
                    + " && td.getBoundingClientRect().right <= document.documentElement.clientWidth;", row),
                    "on a phone each cell shows under its column's name, within the screen");
            String phoneCsv = browser.download(browser.waitFor(By.cssSelector("#account-section .download-csv")));
            assertTrue(phoneCsv.replace("\uFEFF", "").lines().skip(1).findFirst().orElseThrow()
                    .startsWith(csvName(byName.get(0)) + ","), phoneCsv);
            assertFalse(browser.scrollsSideways(), "the sorted list fits 390 px");
            browser.assertNoErrors("the list on a phone").assertAccessible("the sorted opportunities at 390 px");
            browser.screenshot("opportunities-sorted-390");
        } finally {
            browser.wide();
        }
    }

    private static String csvName(String name) {
        return name.startsWith("=") ? "\"'" + name.replace("\"", "\"\"") + "\"" : name;
    }

    private static WebElement header(String title) {
        return browser.waitFor(By.xpath("//div[@id='account-section']//th[button[normalize-space(.)='" + title
                + "' or starts-with(normalize-space(.), '" + title + " ')]]"));
    }

    private static void sortBy(String title) {
        header(title).findElement(By.tagName("button")).click();
    }

    private static List<String> names() {
        return browser.findAll(By.cssSelector("#account-section tbody th")).stream().map(WebElement::getText).toList();
    }

    private static List<String> values() {
        return browser.findAll(By.cssSelector("#account-section tbody td[data-label='Value']")).stream()
                .map(td -> td.getAttribute("data-value")).toList();
    }

    private static void assertSorted(List<String> values, boolean ascending) {
        List<Double> numbers = values.stream().map(Double::valueOf).toList();
        for (int i = 1; i < numbers.size(); i++) {
            int order = Double.compare(numbers.get(i - 1), numbers.get(i));
            assertTrue(ascending ? order <= 0 : order >= 0, "sorted " + (ascending ? "up" : "down") + ": " + values);
        }
    }

    private static WebElement control(String name) {
        return browser.waitFor(By.name(name));
    }

    private static void type(String name, String value) {
        browser.script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", control(name), value);
    }

    private static void click(String label) {
        browser.waitFor(By.xpath("//button[normalize-space(text())='" + label + "']")).click();
    }

    /** Clicks the button of an opportunity's row, e.g. its Edit. */
    private static void clickIn(String opportunity, String label) {
        browser.waitFor(By.xpath("//tr[th[text()='" + opportunity + "']]//button[normalize-space(text())='" + label + "']"))
                .click();
    }

    private static void submit() {
        browser.driver().findElement(By.cssSelector(".opportunity-form button[type=submit]")).click();
    }

    private static String stageCount(String stage) {
        return browser.driver().findElement(By.cssSelector("#account-pipeline li[data-stage='" + stage + "']"))
                .getAttribute("data-count");
    }

    private static JsonArray opportunities() {
        return kam.get("/accounts/" + accountId + "/opportunities").expect(200).array();
    }
}
