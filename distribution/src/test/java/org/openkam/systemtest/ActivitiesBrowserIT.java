package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * A key account manager logs and changes activities and plans follow-ups on the account 360 in headless Chromium,
 * at 1440 px and at 390 px: a bad activity is refused at its fields with nothing stored; a colleague's recent call
 * with the same person is a warning before saving, saved only on "Save anyway"; notes, outcome and attendees show
 * in the list; a change made meanwhile by someone else is explained; follow-ups get an owner and an opportunity or
 * plan action, and show as overdue or upcoming. axe-core checks each state; screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivitiesBrowserIT {

    private static OpenKamProcess openkam;
    private static Browser browser;
    private static Api anna;
    private static Api karl;
    private static String annaName;
    private static String annaId;
    private static String karlId;
    private static String karlName;
    private static String account;
    private static String ada;
    private static String carl;
    private static String opportunity;
    private static String planAction;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("ActivitiesBrowserIT");
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "activities");
        annaName = Fixtures.unique("anna");
        karlName = Fixtures.unique("karl");
        annaId = Fixtures.createUser(admin, annaName, unit, "key-account-manager").get("id").getAsString();
        karlId = Fixtures.createUser(admin, karlName, unit, "key-account-manager").get("id").getAsString();
        anna = openkam.api().signIn(annaName, Fixtures.PASSWORD);
        karl = openkam.api().signIn(karlName, Fixtures.PASSWORD);
        account = Fixtures.createAccount(anna, unit, Fixtures.unique("Follow-up Foods"), "owner", annaId)
                .get("id").getAsString();
        anna.post(path("/team"), json("userId", annaId, "function", "key-account-manager", "responsible", true))
                .expect(201);
        anna.post(path("/team"), json("userId", karlId, "function", "sales", "responsible", false)).expect(201);
        ada = anna.post(path("/contacts"), json("firstName", "Ada", "lastName", "Buyer", "jobTitle",
                "Head of Purchasing")).expect(201).object().get("id").getAsString();
        carl = anna.post(path("/contacts"), json("firstName", "Carl", "lastName", "Tech")).expect(201).object()
                .get("id").getAsString();
        karl.post(path("/activities"), json("type", "call", "subject", "Delivery problems", "contactIds", List.of(ada),
                "occurredAt", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()))
                .expect(201);
        opportunity = anna.post(path("/opportunities"), json("name", "Line 3", "value", 480000, "currency", "EUR",
                "stage", "develop", "expectedCloseDate", "2027-09-30", "nextStep", "Call the buyer",
                "nextStepDue", "2027-04-02", "ourPosition", "top-supplier")).expect(201).object().get("id")
                .getAsString();
        var meetTheCfo = json("description", "Meet the CFO", "dueDate", "2027-03-31", "status", "open");
        var strategy = json("description", "Win the service contract", "actions", List.of(meetTheCfo));
        var objective = json("description", "Grow sales", "metric", "annual sales EUR", "target", 1500000,
                "strategies", List.of(strategy));
        JsonObject plan = anna.post(path("/plans"), json("title", "Plan 2027", "period", json("start", "2027-01-01",
                "end", "2027-12-31"), "status", "active", "relationshipStage", "cooperative",
                "objectives", List.of(objective))).expect(201).object();
        planAction = plan.getAsJsonArray("objectives").get(0).getAsJsonObject().getAsJsonArray("strategies").get(0)
                .getAsJsonObject().getAsJsonArray("actions").get(0).getAsJsonObject().get("id").getAsString();
        anna.post(path("/follow-ups"), json("title", "Send the revised offer", "dueDate",
                LocalDate.now(ZoneOffset.UTC).minusDays(3).toString())).expect(201);
        browser = Browser.open(openkam);
        browser.wide();
        browser.signIn(annaName, Fixtures.PASSWORD);
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    @Order(1)
    void aColleaguesRecentCallIsAWarningBeforeSavingAndSaveAnywayLogsTheActivity() {
        browser.open("#/accounts/" + account + "?tab=activities");
        submit();
        browser.waitFor(By.cssSelector("#activity-form .field-error"));
        assertEquals("true", browser.driver().findElement(By.id("activity-subject")).getAttribute("aria-invalid"),
                "an activity needs a subject");
        assertTrue(browser.driver().findElement(By.id("activity-form")).getText().contains("at least one contact"),
                "a done activity needs a contact: " + browser.driver().findElement(By.id("activity-form")).getText());
        assertEquals(1, activities().size(), "nothing stored");
        browser.screenshot("activities-errors");

        browser.driver().findElement(By.id("activity-subject")).sendKeys("Price talks");
        browser.driver().findElement(By.id("activity-notes")).sendKeys("Agreed 3 % on volume.\nOutcome: offer by Friday.");
        browser.driver().findElement(By.cssSelector("input[data-contact='" + ada + "']")).click();
        submit();
        WebElement warning = browser.waitFor(By.cssSelector("#activity-form .coordination-warning"));
        assertEquals("alert", warning.getAttribute("role"), "the warning is announced");
        assertTrue(warning.getText().contains(karlName) && warning.getText().contains("Ada Buyer"), warning.getText());
        assertTrue(browser.findAll(By.cssSelector("#account-section > .notice")).isEmpty(), "no success yet");
        assertEquals(1, activities().size(), "a warning stores nothing");
        browser.assertAccessible("the coordination warning");
        browser.screenshot("activities-coordination-warning");

        browser.driver().findElement(By.xpath("//button[text()='Save anyway']")).click();
        WebElement notice = browser.waitForText(By.cssSelector("#account-section [role=status]"), "logged");
        assertFalse(notice.getText().contains(karlName), "the warning came before, not in the banner: " + notice.getText());
        JsonObject stored = activityWith("Price talks");
        assertEquals("Agreed 3 % on volume.\nOutcome: offer by Friday.", stored.get("notes").getAsString());
        WebElement row = browser.waitFor(By.xpath("//tr[th[text()='Price talks']]"));
        assertTrue(row.getText().contains("Ada Buyer"), "attendees: " + row.getText());
        assertTrue(row.getText().contains(annaName), "who took part: " + row.getText());
        assertTrue(row.getText().contains("Outcome: offer by Friday."), "notes and outcome: " + row.getText());

        // nobody else met Carl: saved at once
        browser.driver().findElement(By.id("activity-subject")).sendKeys("Plant tour");
        browser.driver().findElement(By.cssSelector("input[data-contact='" + carl + "']")).click();
        browser.driver().findElement(By.cssSelector("input[data-participant='" + karlId + "']")).click();
        new Select(browser.driver().findElement(By.id("activity-type"))).selectByValue("visit");
        submit();
        // the notice of the first activity is still there until the list is drawn again: wait for the new row
        browser.waitFor(By.xpath("//tr[th[text()='Plant tour']]"));
        assertEquals(List.of(karlId), Api.GSON.fromJson(activityWith("Plant tour").get("participants"), List.class));
        browser.assertNoErrors("logging activities").assertAccessible("the activities");
        browser.screenshot("activities-logged");
    }

    @Test
    @Order(2)
    void anActivityIsChangedAndAChangeMadeMeanwhileIsExplained() {
        browser.open("#/accounts/" + account + "?tab=activities");
        browser.waitFor(By.xpath("//tr[th[text()='Plant tour']]//button[contains(., 'Edit')]")).click();
        browser.waitForText(By.id("activity-form-title"), "Plant tour");
        WebElement notes = browser.driver().findElement(By.id("activity-notes"));
        notes.sendKeys("Outcome: they want a second line.");
        submit();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "saved");
        JsonObject tour = activityWith("Plant tour");
        assertEquals("Outcome: they want a second line.", tour.get("notes").getAsString());
        assertEquals(2, tour.get("version").getAsInt());
        assertEquals("visit", tour.get("type").getAsString(), "what the form did not change stays");

        browser.waitFor(By.xpath("//tr[th[text()='Plant tour']]//button[contains(., 'Edit')]")).click();
        browser.waitForText(By.id("activity-form-title"), "Plant tour");
        karl.patch(path("/activities/" + tour.get("id").getAsString()), json("subject", "Plant tour with lunch"),
                "If-Match", Fixtures.etag(2)).expect(200);
        browser.driver().findElement(By.id("activity-notes")).sendKeys(" And a third.");
        submit();
        WebElement alert = browser.waitForText(By.cssSelector("#activity-form [role=alert]"), "Someone else changed");
        assertTrue(alert.getText().contains("this activity"), alert.getText());
        assertEquals("Outcome: they want a second line.", activityWith("Plant tour with lunch").get("notes")
                .getAsString(), "the stale form stored nothing");
        browser.assertAccessible("the activity form after a conflict");
        browser.screenshot("activities-conflict");
        browser.driver().findElement(By.xpath("//button[text()='Load their version']")).click();
        browser.waitForText(By.id("activity-form-title"), "Plant tour with lunch");
        assertEquals("Outcome: they want a second line.",
                browser.driver().findElement(By.id("activity-notes")).getAttribute("value"));
    }

    @Test
    @Order(3)
    void followUpsGetAnOwnerAndWhatTheyServeAndShowAsOverdueOrUpcoming() {
        browser.open("#/accounts/" + account);
        WebElement overdue = browser.waitFor(By.id("follow-ups-overdue"));
        assertTrue(overdue.getText().contains("Send the revised offer"), overdue.getText());
        assertTrue(browser.driver().findElement(By.id("follow-ups-upcoming")).getText().contains("Nothing is planned"));

        browser.driver().findElement(By.xpath("//button[text()='Add follow-up']")).click();
        browser.waitFor(By.cssSelector("#follow-up-form .field-error"));
        assertEquals("true", browser.driver().findElement(By.id("follow-up-title")).getAttribute("aria-invalid"));
        assertEquals(1, anna.get(path("/follow-ups")).expect(200).array().size(), "nothing stored");

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        browser.driver().findElement(By.id("follow-up-title")).sendKeys("Confirm the line 3 budget");
        browser.script("arguments[0].value = arguments[1];", browser.driver().findElement(By.id("follow-up-dueDate")),
                tomorrow);
        new Select(browser.driver().findElement(By.id("follow-up-owner"))).selectByValue(karlId);
        new Select(browser.driver().findElement(By.id("follow-up-opportunityId"))).selectByValue(opportunity);
        browser.driver().findElement(By.xpath("//button[text()='Add follow-up']")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "added");
        WebElement upcoming = browser.waitForText(By.id("follow-ups-upcoming"), "Confirm the line 3 budget");
        WebElement row = upcoming.findElement(By.xpath(".//tr[th[text()='Confirm the line 3 budget']]"));
        assertTrue(row.getText().contains(karlName), "the owner: " + row.getText());
        assertTrue(row.getText().contains("Opportunity: Line 3"), "what it serves: " + row.getText());

        browser.driver().findElement(By.id("follow-up-title")).sendKeys("Book the CFO meeting");
        browser.script("arguments[0].value = arguments[1];", browser.driver().findElement(By.id("follow-up-dueDate")),
                tomorrow);
        new Select(browser.driver().findElement(By.id("follow-up-planActionId"))).selectByValue(planAction);
        browser.driver().findElement(By.xpath("//button[text()='Add follow-up']")).click();
        browser.waitForText(By.id("follow-ups-upcoming"), "Plan action: Meet the CFO");
        JsonObject booked = null;
        for (var f : anna.get(path("/follow-ups")).expect(200).array()) {
            if (f.getAsJsonObject().get("title").getAsString().equals("Book the CFO meeting")) {
                booked = f.getAsJsonObject();
            }
        }
        assertEquals(planAction, booked.get("planActionId").getAsString());
        assertEquals(annaId, booked.get("owner").getAsString(), "without a choice the owner is who added it");
        browser.assertNoErrors("adding follow-ups").assertAccessible("the overview with follow-ups");
        browser.screenshot("follow-ups");

        // Karl's follow-up goes back to Anna, two days later
        String later = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        browser.driver().findElement(By.xpath("//tr[th[text()='Confirm the line 3 budget']]//button[contains(., 'Edit')]"))
                .click();
        browser.waitForText(By.id("follow-up-form-title"), "Confirm the line 3 budget");
        assertEquals(karlId, new Select(browser.driver().findElement(By.id("follow-up-owner"))).getFirstSelectedOption()
                .getAttribute("value"));
        new Select(browser.driver().findElement(By.id("follow-up-owner"))).selectByValue("");
        browser.script("arguments[0].value = arguments[1];", browser.driver().findElement(By.id("follow-up-dueDate")),
                later);
        browser.driver().findElement(By.xpath("//button[text()='Save follow-up']")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "saved");
        JsonObject confirmed = followUp("Confirm the line 3 budget");
        assertEquals(annaId, confirmed.get("owner").getAsString());
        assertEquals(later, confirmed.get("dueDate").getAsString());
        assertEquals(opportunity, confirmed.get("opportunityId").getAsString(), "what the form did not change stays");
        assertEquals(2, confirmed.get("version").getAsInt());

        // changed by Karl while Anna's form is open: refused, and said so
        browser.driver().findElement(By.xpath("//tr[th[text()='Book the CFO meeting']]//button[contains(., 'Edit')]"))
                .click();
        browser.waitForText(By.id("follow-up-form-title"), "Book the CFO meeting");
        karl.patch(path("/follow-ups/" + booked.get("id").getAsString()), json("title", "Book the CFO dinner"),
                "If-Match", Fixtures.etag(1)).expect(200);
        browser.driver().findElement(By.id("follow-up-title")).sendKeys(" soon");
        browser.driver().findElement(By.xpath("//button[text()='Save follow-up']")).click();
        browser.waitForText(By.cssSelector("#follow-up-form [role=alert]"), "Someone else changed this follow-up");
        followUp("Book the CFO dinner");
    }

    private static JsonObject followUp(String title) {
        for (var f : anna.get(path("/follow-ups")).expect(200).array()) {
            if (f.getAsJsonObject().get("title").getAsString().equals(title)) {
                return f.getAsJsonObject();
            }
        }
        throw new AssertionError("no follow-up " + title + " stored");
    }

    @Test
    @Order(4)
    void activitiesAndFollowUpsWorkOnAPhone() {
        try {
            browser.narrow();
            browser.open("#/accounts/" + account);
            assertFalse(browser.scrollsSideways(), "the overview with follow-ups fits 390 px");
            browser.assertAccessible("the overview at 390 px");
            browser.screenshot("follow-ups-phone");
            browser.open("#/accounts/" + account + "?tab=activities");
            assertFalse(browser.scrollsSideways(), "the activities fit 390 px");
            browser.waitFor(By.id("activity-subject")).sendKeys("Quick call");
            browser.driver().findElement(By.cssSelector("input[data-contact='" + carl + "']")).click();
            // Karl, who visited Carl, takes part: nobody to coordinate with
            browser.driver().findElement(By.cssSelector("input[data-participant='" + karlId + "']")).click();
            submit();
            browser.waitForText(By.cssSelector("#account-section [role=status]"), "logged");
            assertFalse(browser.scrollsSideways(), "the activities fit 390 px");
            browser.assertNoErrors("activities on a phone").assertAccessible("the activities at 390 px");
            browser.screenshot("activities-phone");
        } finally {
            browser.wide();
        }
    }

    private static String path(String rest) {
        return "/accounts/" + account + rest;
    }

    private static void submit() {
        browser.driver().findElement(By.cssSelector("#activity-form button[type=submit]")).click();
    }

    private static JsonArray activities() {
        return anna.get(path("/activities")).expect(200).items();
    }

    private static JsonObject activityWith(String subject) {
        for (var a : activities()) {
            if (subject.equals(a.getAsJsonObject().get("subject").getAsString())) {
                return a.getAsJsonObject();
            }
        }
        throw new AssertionError("no activity " + subject + " stored: " + activities());
    }
}
