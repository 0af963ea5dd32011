package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

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
 * A key account manager's customer development plan in headless Chromium, at 1440 and 390 px: writing a plan
 * (SWOT, objectives -> strategies -> actions with owner, due day and status), a bad field refused at its control
 * with nothing stored, an edit, an edit refused because someone else saved first, choosing another period's plan,
 * recording a review, viewing and comparing versions, and the print layout; axe-core on each state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanBrowserIT {

    private static OpenKamProcess openkam;
    private static Browser browser;
    private static Api kam;
    private static String kamId;
    private static String accountId;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("PlanBrowserIT");
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "plans");
        String kamName = Fixtures.unique("plan-kam");
        kamId = Fixtures.createUser(admin, kamName, unit, "key-account-manager").get("id").getAsString();
        kam = openkam.api().signIn(kamName, Fixtures.PASSWORD);
        accountId = Fixtures.createAccount(kam, unit, Fixtures.unique("Rheinmetall Foods"), "owner", kamName)
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
    void aPlanIsWrittenWithItsTreeAndABadFieldIsRefusedAtItsControl() {
        browser.open("#/accounts/" + accountId + "?tab=plan");
        browser.waitForText(By.id("account-section"), "no plan yet");
        click("New plan");
        type("title", "");
        click("Add objective");
        type("objectives[0].description", "Grow the share of wallet in bakery ingredients");
        type("objectives[0].metric", "annual sales EUR");
        type("objectives[0].target", "lots");
        submit();
        WebElement target = control("objectives[0].target");
        browser.waitFor(By.cssSelector(".plan-form .field-error"));
        assertEquals("true", target.getAttribute("aria-invalid"), "the bad target is marked at its control");
        assertEquals("true", control("title").getAttribute("aria-invalid"), "the missing title too");
        assertEquals("true", control("relationshipStage").getAttribute("aria-invalid"), "and the missing stage");
        assertTrue(plans().isEmpty(), "nothing stored");
        browser.assertAccessible("the plan form with errors");
        browser.screenshot("plan-form-error-1440");

        type("title", "Rheinmetall Foods 2027");
        type("period.start", "2027-01-01");
        type("period.end", "2027-12-31");
        new Select(control("status")).selectByValue("active");
        new Select(control("relationshipStage")).selectByValue("cooperative");
        type("swot.strengths", "Trusted for quality\nDelivers in 24 hours");
        type("swot.weaknesses", "Price above the market");
        type("swot.threats", "Private labels");
        type("objectives[0].baseline", "1200000");
        type("objectives[0].target", "1500000");
        type("objectives[0].dueDate", "2027-12-31");
        click("Add strategy");
        type("objectives[0].strategies[0].description", "Win the new bakery line");
        click("Add action");
        type("objectives[0].strategies[0].actions[0].description", "Run a line trial with R&D");
        new Select(control("objectives[0].strategies[0].actions[0].owner")).selectByValue(kamId);
        type("objectives[0].strategies[0].actions[0].dueDate", "2027-03-31");
        submit();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "The plan was created.");
        browser.waitForText(By.id("plan-title"), "Rheinmetall Foods 2027");
        assertTrue(browser.mainText().contains("Run a line trial with R&D"), browser.mainText());
        assertTrue(browser.mainText().contains("Delivers in 24 hours"), browser.mainText());

        JsonObject plan = onlyPlan();
        assertEquals("active", plan.get("status").getAsString());
        JsonObject action = plan.getAsJsonArray("objectives").get(0).getAsJsonObject().getAsJsonArray("strategies").get(0)
                .getAsJsonObject().getAsJsonArray("actions").get(0).getAsJsonObject();
        assertEquals(kamId, action.get("owner").getAsString());
        assertEquals("2027-03-31", action.get("dueDate").getAsString());
        assertEquals("open", action.get("status").getAsString());
        assertEquals(2, plan.getAsJsonObject("swot").getAsJsonArray("strengths").size());
        browser.assertNoErrors("writing a plan").assertAccessible("the new plan");
        browser.screenshot("plan-created-1440");

        // an edit: the action is done, a second action is added; the action keeps its id
        click("Edit plan");
        new Select(control("objectives[0].strategies[0].actions[0].status")).selectByValue("done");
        click("Add action");
        type("objectives[0].strategies[0].actions[1].description", "Agree a two-year supply contract");
        type("objectives[0].strategies[0].actions[1].dueDate", "2027-06-30");
        submit();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "The plan was saved.");
        JsonObject edited = onlyPlan();
        assertEquals(2, edited.get("version").getAsLong());
        JsonArray actions = edited.getAsJsonArray("objectives").get(0).getAsJsonObject().getAsJsonArray("strategies")
                .get(0).getAsJsonObject().getAsJsonArray("actions");
        assertEquals(2, actions.size());
        assertEquals(action.get("id").getAsString(), actions.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("done", actions.get(0).getAsJsonObject().get("status").getAsString());
        assertEquals(50, edited.get("completion").getAsInt());
        browser.waitForText(By.id("account-section"), "50 % done");
    }

    @Test
    @Order(2)
    void anEditAfterSomeoneElseSavedIsRefusedWithAClearMessage() {
        browser.open("#/accounts/" + accountId + "?tab=plan");
        click("Edit plan");
        JsonObject plan = onlyPlan();
        kam.patch("/accounts/" + accountId + "/plans/" + plan.get("id").getAsString(),
                Api.json("title", "Rheinmetall Foods 2027 (board version)"), "If-Match",
                Fixtures.etag(plan.get("version").getAsLong())).expect(200);
        type("swot.opportunities", "New plant in Leipzig");
        submit();
        WebElement problem = browser.waitForText(By.cssSelector(".plan-form .form-problem"), "Someone else changed this plan");
        assertTrue(problem.getText().contains("not saved"), problem.getText());
        JsonObject stored = onlyPlan();
        assertEquals("Rheinmetall Foods 2027 (board version)", stored.get("title").getAsString());
        assertTrue(stored.getAsJsonObject("swot").getAsJsonArray("opportunities").isEmpty(), "the stale edit is not stored");
        browser.assertAccessible("the plan form after a conflict");
        browser.screenshot("plan-conflict-1440");
        problem.findElement(By.xpath(".//button[starts-with(., 'Reload')]")).click();
        browser.waitForText(By.id("plan-title"), "(board version)");
    }

    @Test
    @Order(3)
    void everyPeriodsPlanIsReachableReviewedAndItsVersionsCompared() {
        String earlier = kam.post("/accounts/" + accountId + "/plans", Api.json("title", "Rheinmetall Foods 2026",
                "status", "archived", "relationshipStage", "basic", "period", Map.of("start", "2026-01-01", "end",
                "2026-12-31"))).expect(201).object().get("id").getAsString();
        browser.open("#/accounts/" + accountId + "?tab=plan");
        browser.waitForText(By.id("plan-title"), "2027");
        Select choice = new Select(browser.waitFor(By.id("plan-choice")));
        assertEquals(2, choice.getOptions().size(), "both periods' plans are listed");
        // the period in the browser's conventions, as every console page shows days
        String period = (String) browser.script("const f = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', "
                + "timeZone: 'UTC'}); return f.format(new Date('2026-01-01T00:00:00Z')) + ' – ' "
                + "+ f.format(new Date('2026-12-31T00:00:00Z'));");
        choice.selectByValue(earlier);
        assertEquals(period + ": Rheinmetall Foods 2026 (archived)", choice.getFirstSelectedOption().getText());
        click("Show plan");
        browser.waitForText(By.id("plan-title"), "Rheinmetall Foods 2026");
        assertTrue(browser.driver().getCurrentUrl().contains("plan="), "the chosen plan has its address");
        browser.driver().navigate().refresh();
        browser.awaitPage().waitForText(By.id("plan-title"), "Rheinmetall Foods 2026");
        choice = new Select(browser.waitFor(By.id("plan-choice")));
        choice.selectByIndex(0);
        click("Show plan");
        browser.waitForText(By.id("plan-title"), "2027");

        // a review without a rating is refused at the rating; then it is recorded
        String planId = onlyActivePlanId();
        browser.driver().findElement(By.id("review-notes")).sendKeys("Line trial done; contract talks start in April.");
        click("Record review");
        browser.waitFor(By.cssSelector(".review-form .field-error"));
        assertEquals("true", browser.driver().findElement(By.id("review-rating")).getAttribute("aria-invalid"));
        assertTrue(kam.get("/accounts/" + accountId + "/plans/" + planId + "/reviews").expect(200).array().isEmpty(),
                "nothing stored");
        new Select(browser.driver().findElement(By.id("review-rating"))).selectByValue("4");
        click("Record review");
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "The review was recorded.");
        browser.waitForText(By.cssSelector(".plan-reviews table"), "contract talks start in April");
        JsonObject review = kam.get("/accounts/" + accountId + "/plans/" + planId + "/reviews").expect(200).array().get(0)
                .getAsJsonObject();
        assertEquals(4, review.get("rating").getAsInt());

        // versions: version 1 viewable, and compared with the current one
        WebElement view = browser.waitFor(By.xpath("//section[contains(@class,'plan-versions')]//tr[th[text()='Version 1']]//button"));
        view.click();
        browser.waitForText(By.id("plan-version-view"), "Version 1");
        assertTrue(browser.driver().findElement(By.id("plan-version-view")).getText().contains("Run a line trial"));
        new Select(browser.driver().findElement(By.id("compare-from"))).selectByValue("1");
        click("Compare versions");
        WebElement comparison = browser.waitForText(By.id("plan-comparison"), "compared with");
        String changes = comparison.getText();
        assertTrue(changes.contains("Title: Rheinmetall Foods 2027 (board version)"), changes);
        assertTrue(changes.contains("Agree a two-year supply contract"), changes);
        assertEquals(1, comparison.findElements(By.xpath(".//li[@class='removed' and contains(., 'Run a line trial')"
                + " and contains(., 'open')]")).size(), changes);
        assertEquals(1, comparison.findElements(By.xpath(".//li[@class='added' and contains(., 'Run a line trial')"
                + " and contains(., 'done')]")).size(), changes);
        browser.assertNoErrors("a plan's history").assertAccessible("a plan with its reviews and versions");
        browser.screenshot("plan-history-1440");

        // the print layout: only the plan and its reviews
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(browser.driver().findElement(By.id("navigation")).isDisplayed(), "no navigation on paper");
            assertFalse(browser.driver().findElement(By.cssSelector(".plan-tools")).isDisplayed(), "no buttons on paper");
            assertFalse(browser.driver().findElement(By.cssSelector(".plan-versions")).isDisplayed());
            assertTrue(browser.driver().findElement(By.id("plan-title")).isDisplayed());
            assertTrue(browser.driver().findElement(By.cssSelector(".plan-reviews table")).isDisplayed());
            browser.screenshot("plan-print");
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    @Order(4)
    void thePlanIsUsableAt390Pixels() {
        try {
            browser.narrow();
            browser.open("#/accounts/" + accountId + "?tab=plan");
            browser.waitFor(By.id("plan-title"));
            new Select(browser.driver().findElement(By.id("compare-from"))).selectByValue("1");
            click("Compare versions");
            browser.waitForText(By.id("plan-comparison"), "compared with");
            assertFalse(browser.scrollsSideways(), "the plan must not scroll sideways at 390 px");
            browser.assertAccessible("the plan at 390 px");
            browser.screenshot("plan-390");
            click("Edit plan");
            type("title", "");
            submit();
            browser.waitFor(By.cssSelector(".plan-form .field-error"));
            assertEquals("true", control("title").getAttribute("aria-invalid"));
            assertFalse(browser.scrollsSideways(), "the plan form must not scroll sideways at 390 px");
            browser.assertAccessible("the plan form at 390 px");
            browser.screenshot("plan-form-390");
            assertEquals("Rheinmetall Foods 2027 (board version)", onlyPlan().get("title").getAsString(), "nothing stored");

            // the work done on the phone: the plan saved with its new title
            long version = onlyPlan().get("version").getAsLong();
            type("title", "Rheinmetall Foods 2027 (phone edit)");
            submit();
            browser.waitForText(By.cssSelector("#account-section [role=status]"), "The plan was saved.");
            assertEquals("Rheinmetall Foods 2027 (phone edit)", onlyPlan().get("title").getAsString());
            assertEquals(version + 1, onlyPlan().get("version").getAsLong());
            assertFalse(browser.scrollsSideways(), "the saved plan must not scroll sideways at 390 px");
            browser.assertNoErrors("the plan on a phone");
        } finally {
            browser.wide();
        }
    }

    private static WebElement control(String name) {
        return browser.waitFor(By.name(name));
    }

    /** Sets a control's value as typing would (date inputs included, whatever the browser's locale). */
    private static void type(String name, String value) {
        browser.script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));"
                + "arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", control(name), value);
    }

    private static void click(String label) {
        browser.waitFor(By.xpath("//button[normalize-space(text())='" + label + "']")).click();
    }

    private static void submit() {
        browser.driver().findElement(By.cssSelector(".plan-form button[type=submit]")).click();
    }

    private static JsonArray plans() {
        return kam.get("/accounts/" + accountId + "/plans").expect(200).array();
    }

    /** The account's 2027 plan as the API has it now. */
    private static JsonObject onlyPlan() {
        return kam.get("/accounts/" + accountId + "/plans/" + onlyActivePlanId()).expect(200).object();
    }

    private static String onlyActivePlanId() {
        for (var p : plans()) {
            if (p.getAsJsonObject().get("title").getAsString().contains("2027")) {
                return p.getAsJsonObject().get("id").getAsString();
            }
        }
        throw new AssertionError("no 2027 plan: " + plans());
    }
}
