package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.google.gson.JsonObject;

/**
 * The key-account pages of the web console in headless Chromium, on the product started with its demo data:
 * sign-in, the account list, the account 360 and its forms, the charts, escaping and accessibility.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final String XSS = "<img src=x onerror=alert(1)> Hostile GmbH";
    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;
    private static String unit;
    private static JsonObject hostile;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.startWithDemo("ConsoleBrowserIT");
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "browser");
        hostile = Fixtures.createAccount(admin, unit, XSS);
        browser = Browser.open(openkam);
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedOnTheSignInForm() {
        browser.driver().get(openkam.baseUri() + "/console/");
        browser.waitFor(By.id("username")).sendKeys(OpenKamProcess.ADMIN);
        browser.driver().findElement(By.id("password")).sendKeys("not-the-password", Keys.ENTER);
        browser.waitFor(By.cssSelector("form.login [role=alert]:not(:empty)"));
        browser.assertAccessible("the sign-in page");
        browser.screenshot("sign-in");
        assertTrue(browser.findAll(By.id("navigation")).stream().noneMatch(WebElement::isDisplayed),
                "no navigation before sign-in");
    }

    @Test
    @Order(2)
    void signedInTheAccountListSearchesAndShowsHostileNamesAsText() {
        browser.signInAsAdmin().open("#/accounts");
        WebElement search = browser.waitFor(By.id("account-search"));
        search.sendKeys("Hostile", Keys.ENTER);
        WebElement row = browser.waitForText(By.cssSelector("#main table tbody"), XSS);
        assertTrue(row.getText().contains(XSS), row.getText());
        assertTrue(browser.findAll(By.cssSelector("#main img")).isEmpty(), "the name must not become an image");
        Object alerted = browser.script("return window.__alerted === true;");
        assertFalse(Boolean.TRUE.equals(alerted));
        browser.assertNoErrors("the account list").assertAccessible("the account list");
        browser.screenshot("accounts");
    }

    @Test
    @Order(3)
    void theNavigationIsUsableWithTheKeyboard() {
        browser.open("#/accounts?q=Bluebonnet");
        List<WebElement> links = browser.findAll(By.cssSelector("#navigation a"));
        assertFalse(links.isEmpty(), "the navigation lists the pages");
        WebElement skip = browser.driver().findElement(By.cssSelector("a.skip"));
        browser.script("document.activeElement.blur(); window.scrollTo(0, 0);");
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertEquals(skip, browser.driver().switchTo().activeElement(), "the first Tab reaches the skip link");

        // a navigation link opened with Enter shows its page and puts the focus on the page's heading
        WebElement accounts = browser.driver().findElement(By.cssSelector("#navigation a[data-page='accounts']"));
        browser.script("arguments[0].focus();", accounts);
        WebElement before = browser.driver().findElement(By.cssSelector("#main > section"));
        accounts.sendKeys(Keys.ENTER);
        browser.waiting(Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        browser.awaitPage();
        WebElement focused = browser.driver().switchTo().activeElement();
        assertEquals("h1", focused.getTagName(), "focus moves to the new page's heading");
        assertEquals("page", accounts.getAttribute("aria-current"));

        // the account list is worked from the keyboard: type, Enter searches, the result is a link
        WebElement search = browser.waitFor(By.id("account-search"));
        search.clear();
        search.sendKeys("Bluebonnet", Keys.ENTER);
        browser.waitFor(By.linkText("Bluebonnet Market"));
    }

    @Test
    @Order(3)
    void theAccountListFiltersByTierAndPages() {
        browser.open("#/accounts?tier=key");
        List<WebElement> tiers = browser.findAll(By.cssSelector("#main tbody .badge"));
        assertFalse(tiers.isEmpty());
        assertTrue(tiers.stream().allMatch(t -> t.getText().equals("key")), "only key accounts are listed");
        long keyAccounts = admin.get("/api/v1/accounts?tier=key&total=true").expect(200).object().get("total").getAsLong();
        assertTrue(browser.mainText().contains("of " + keyAccounts), browser.mainText());
        assertEquals("key", new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("account-tier")))
                .getFirstSelectedOption().getAttribute("value"), "the filter shows what is applied");

        long all = admin.get("/api/v1/accounts?total=true").expect(200).object().get("total").getAsLong();
        for (long i = all; i <= 50; i++) { // more than one page of 50
            Fixtures.createAccount(admin, unit, "Filler " + i);
        }
        browser.open("#/accounts");
        String first = browser.waitFor(By.cssSelector("#main caption")).getText();
        assertTrue(first.matches("Accounts 1–50 of \\d+"), first);
        String count = first.substring(first.lastIndexOf(" of "));
        browser.waitFor(By.xpath("//button[text()='Next page']")).click();
        browser.waitForText(By.cssSelector("#main caption"), "Accounts 51–");
        String second = browser.driver().findElement(By.cssSelector("#main caption")).getText();
        assertTrue(second.endsWith(count), "a further page shows the first page's count: " + second);
        String request = (String) browser.script("return performance.getEntriesByType('resource').map(r => r.name)"
                + ".filter(n => n.includes('/api/v1/accounts?')).pop();");
        assertTrue(request.contains("cursor=") && !request.contains("total="),
                "a further page does not count the list again: " + request);
        browser.waitFor(By.xpath("//button[text()='Previous page']")).click();
        browser.waitForText(By.cssSelector("#main caption"), "Accounts 1–50 of ");
    }

    @Test
    @Order(3)
    void theAccountListSortsByItsColumnsAndExportsWhatItShows() {
        browser.open("#/accounts?tier=key");
        browser.clickAndAwaitPage(browser.waitFor(By.cssSelector("#main th button[data-sort='annualSales']")));
        assertEquals("descending", salesHeader().getAttribute("aria-sort"), "largest sales first");
        assertEquals(firstName("tier=key&sort=-annualSales"), firstRow());
        assertEquals("key", new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("account-tier")))
                .getFirstSelectedOption().getAttribute("value"), "the filter stays applied");
        browser.clickAndAwaitPage(browser.waitFor(By.cssSelector("#main th button[data-sort='annualSales']")));
        assertEquals("ascending", salesHeader().getAttribute("aria-sort"), "then the other way");
        assertEquals(firstName("tier=key&sort=annualSales"), firstRow());

        // the export holds what the list shows: the same filter, in the same order
        String href = browser.driver().findElement(By.id("account-export")).getAttribute("href");
        String path = java.net.URI.create(href).getRawPath() + "?" + java.net.URI.create(href).getRawQuery();
        assertTrue(path.contains("tier=key") && path.contains("sort=annualSales"), path);
        List<String> lines = admin.get(path, "Accept", "text/csv").expect(200).body().lines().toList();
        long keyAccounts = admin.get("/api/v1/accounts?tier=key&total=true").expect(200).object().get("total")
                .getAsLong();
        assertEquals(keyAccounts + 1, lines.size(), "a header and one line per listed account");
        assertTrue(lines.get(1).contains(firstRow()), "the first line is the list's first account: " + lines.get(1));
        browser.assertNoErrors("the sorted account list").assertAccessible("the sorted account list");
    }

    private static WebElement salesHeader() {
        return browser.waitFor(By.xpath("//th[button[@data-sort='annualSales']]"));
    }

    private static String firstRow() {
        return browser.waitFor(By.cssSelector("#main tbody tr th a")).getText();
    }

    private static String firstName(String query) {
        return admin.get("/api/v1/accounts?limit=1&" + query).expect(200).items().get(0).getAsJsonObject().get("name")
                .getAsString();
    }

    @Test
    @Order(4)
    void moneyAndDatesReadTheSameOnEveryPageInTheBrowsersConventions() {
        JsonObject account = Fixtures.firstAccount(admin, "Bluebonnet");
        String id = account.get("id").getAsString();
        String sales = (String) browser.script("return new Intl.NumberFormat(undefined, {style: 'currency', "
                + "currency: arguments[1], maximumFractionDigits: 0}).format(arguments[0]);",
                account.get("annualSales").getAsDouble(), account.get("currency").getAsString());
        browser.open("#/accounts?q=Bluebonnet");
        assertEquals(sales, browser.waitFor(By.cssSelector("#main tbody td.number")).getText(), "the list");
        browser.open("#/accounts/" + id);
        WebElement fact = browser.waitFor(By.xpath("//dt[normalize-space()='Annual sales']/following-sibling::dd"));
        assertEquals(sales, fact.getText(), "the account 360");

        // the audit trail: local date and time, never ISO text
        browser.open("#/accounts/" + id + "?tab=audit");
        String when = browser.waitFor(By.cssSelector("#account-section tbody th")).getText();
        String at = admin.get("/api/v1/accounts/" + id + "/audit?limit=1").expect(200).items().get(0).getAsJsonObject()
                .get("at").getAsString();
        assertEquals(browser.script("return new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', "
                + "timeStyle: 'short'}).format(new Date(arguments[0]));", at), when);
        assertFalse(when.matches(".*\\d{4}-\\d{2}-\\d{2}.*"), when);
    }

    @Test
    @Order(4)
    void theAccount360ShowsTheAccountItsPlanAndItsScores() {
        JsonObject account = Fixtures.firstAccount(admin, "Bluebonnet");
        browser.open("#/accounts?q=Bluebonnet");
        WebElement link = browser.waitFor(By.linkText(account.get("name").getAsString()));
        browser.clickAndAwaitPage(link);
        assertEquals(account.get("name").getAsString(), browser.waitFor(By.cssSelector("#main h1")).getText());
        assertTrue(browser.mainText().contains("Development plan"), browser.mainText());
        assertFalse(browser.mainText().matches("(?s).*\\b(null|undefined|NaN)\\b.*"), "no placeholder leaks: " + browser.mainText());
        browser.assertNoErrors("the account 360").assertAccessible("the account 360");
        browser.screenshot("account-360");

        String id = account.get("id").getAsString();
        for (String tab : List.of("team", "plan", "opportunities", "activities", "audit")) {
            browser.go("#/accounts/" + id + "?tab=" + tab);
            browser.waitFor(By.cssSelector("#account-section h2"));
            assertTrue(browser.findAll(By.cssSelector("#account-section [role=alert]")).isEmpty(), browser.mainText());
            assertFalse(browser.mainText().matches("(?s).*\\b(null|undefined|NaN)\\b.*"), tab + ": " + browser.mainText());
            browser.assertNoErrors("the account's " + tab).assertAccessible("the account's " + tab);
            browser.screenshot("account-" + tab);
        }
        browser.open("#/accounts/" + id + "?tab=plan");
        assertTrue(browser.mainText().contains("Strengths"), "the plan shows its SWOT: " + browser.mainText());
        browser.open("#/accounts/" + id + "?tab=opportunities");
        JsonObject opportunity = admin.get("/api/v1/accounts/" + id + "/opportunities").expect(200).array()
                .get(0).getAsJsonObject();
        String competitor = opportunity.getAsJsonArray("competitors").get(0).getAsJsonObject().get("name").getAsString();
        assertTrue(browser.mainText().contains(competitor), "competitors are listed: " + browser.mainText());

        browser.open("#/accounts/" + id + "?tab=scores");
        if (!hasHistory(admin.get("/api/v1/accounts/" + id + "/scores").expect(200).object())) {
            // scored once (the demo's first run): no chart of a single point, until a second run gives a history
            browser.waitFor(By.id("score-history-note"));
            assertTrue(browser.findAll(By.id("score-history")).isEmpty(), browser.mainText());
            JsonObject job = admin.post("/api/v1/scoring/runs", Api.json("businessUnit",
                    account.get("businessUnit").getAsString())).expect(202).object();
            assertEquals("succeeded", admin.awaitJob(job.get("id").getAsString(), j -> { }).get("state").getAsString());
            browser.open("#/accounts/" + id + "?tab=scores");
        }
        WebElement chart = browser.waitFor(By.cssSelector("#score-history canvas"));
        assertTrue(chart.getSize().getWidth() > 100, "the score history is drawn");
        JsonObject scores = admin.get("/api/v1/accounts/" + id + "/scores").expect(200).object();
        assertTrue(hasHistory(scores), scores.toString());
        int points = 0;
        for (var model : scores.getAsJsonArray("models")) {
            for (var entry : model.getAsJsonObject().getAsJsonArray("history")) {
                points += entry.getAsJsonObject().get("score").isJsonNull() ? 0 : 1;
            }
        }
        assertTrue(points > 0, scores.toString());
        assertEquals(String.valueOf(points), browser.driver().findElement(By.id("score-history")).getAttribute("data-points"));
        assertTrue(browser.mainText().contains("Why this score"), "each score explains itself");
        browser.assertNoErrors("the account's scores").assertAccessible("the account's scores");
        browser.screenshot("account-scores");
    }

    @Test
    @Order(5)
    void theBuyingCenterIsAnOrgChartWithItsGapsHighlighted() {
        JsonObject account = Fixtures.firstAccount(admin, "Bluebonnet");
        String id = account.get("id").getAsString();
        JsonObject center = admin.get("/api/v1/accounts/" + id + "/buying-center").expect(200).object();
        browser.open("#/accounts/" + id + "?tab=buying-center");
        WebElement chart = browser.waitFor(By.cssSelector(".orgchart"));
        int contacts = center.getAsJsonObject("coverage").get("contacts").getAsInt();
        assertTrue(contacts > 1, center.toString());
        assertEquals(contacts, browser.findAll(By.cssSelector(".orgchart .contact")).size(), "one card per contact");
        assertEquals(String.valueOf(contacts), chart.getAttribute("data-contacts"));
        // reporting lines: a direct report's card sits inside its manager's list item
        assertFalse(browser.findAll(By.cssSelector(".orgchart-tree > li > ul .contact")).isEmpty(), "the chart has levels");
        for (var role : center.getAsJsonObject("coverage").getAsJsonArray("unfilledRoles")) {
            browser.waitFor(By.cssSelector(".coverage [data-role='" + role.getAsString() + "']"));
        }
        assertFalse(browser.findAll(By.cssSelector(".contact.has-gap")).isEmpty(), "contacts with gaps are marked");
        browser.assertNoErrors("the buying center").assertAccessible("the buying center");
        browser.screenshot("account-buying-center");
    }

    @Test
    @Order(6)
    void editingAnAccountShowsTheChangeAndABadValueIsExplainedAtItsField() {
        JsonObject account = Fixtures.createAccount(admin, unit, "Editable Retail");
        String id = account.get("id").getAsString();
        browser.open("#/accounts/" + id);
        browser.clickAndAwaitPage(browser.waitFor(By.linkText("Edit account")));
        WebElement industry = browser.waitFor(By.id("account-industry"));
        industry.clear();
        industry.sendKeys("Drugstores");
        browser.driver().findElement(By.cssSelector("form.record-form button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#main [role=status]"), "saved");
        assertTrue(browser.mainText().contains("Drugstores"), browser.mainText());
        assertEquals("Drugstores", admin.get("/api/v1/accounts/" + id).expect(200).object().get("industry").getAsString());

        browser.open("#/accounts/" + id + "/edit");
        WebElement sales = browser.waitFor(By.id("account-annualSales"));
        sales.clear();
        sales.sendKeys("-5");
        browser.driver().findElement(By.cssSelector("form.record-form button[type=submit]")).click();
        WebElement message = browser.waitFor(By.cssSelector("form.record-form .field-error"));
        assertEquals("true", sales.getAttribute("aria-invalid"));
        assertTrue(sales.getAttribute("aria-describedby").contains(message.getAttribute("id")), "the message belongs to the field");
        assertEquals(sales, browser.driver().switchTo().activeElement(), "focus moves to the bad field");
        browser.assertAccessible("the account form with an error");
        browser.screenshot("account-form-error");
        JsonObject stored = admin.get("/api/v1/accounts/" + id).expect(200).object();
        assertEquals(account.get("annualSales").getAsDouble(), stored.get("annualSales").getAsDouble(), "nothing stored");
    }

    @Test
    @Order(6)
    void followUpsAreAddedAndDoneAndActivitiesLoggedOnThe360() {
        JsonObject account = Fixtures.createAccount(admin, unit, "Follow-up Foods");
        String id = account.get("id").getAsString();
        String contact = admin.post("/api/v1/accounts/" + id + "/contacts",
                Api.json("firstName", "Ada", "lastName", "Buyer", "jobTitle", "Head of Purchasing")).expect(201)
                .object().get("id").getAsString();
        browser.open("#/accounts/" + id);

        // a follow-up without a due day is refused at its field, then added
        browser.waitFor(By.id("follow-up-title")).sendKeys("Send the price list");
        browser.driver().findElement(By.xpath("//button[text()='Add follow-up']")).click();
        WebElement due = browser.driver().findElement(By.id("follow-up-dueDate"));
        browser.waitFor(By.cssSelector(".follow-ups .field-error"));
        assertEquals("true", due.getAttribute("aria-invalid"));
        assertTrue(admin.get("/api/v1/accounts/" + id + "/follow-ups").expect(200).array().isEmpty(), "nothing stored");
        browser.script("arguments[0].value = '2027-01-15';", due);
        browser.driver().findElement(By.xpath("//button[text()='Add follow-up']")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "added");
        WebElement row = browser.waitFor(By.xpath("//tr[th[text()='Send the price list']]"));
        browser.assertAccessible("the 360 with follow-ups");
        row.findElement(By.tagName("button")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "done");
        assertEquals("done", admin.get("/api/v1/accounts/" + id + "/follow-ups").expect(200).array().get(0)
                .getAsJsonObject().get("status").getAsString());

        // an activity with the contact
        browser.open("#/accounts/" + id + "?tab=activities");
        browser.waitFor(By.id("activity-subject")).sendKeys("Annual price talks");
        browser.driver().findElement(By.cssSelector("input[data-contact='" + contact + "']")).click();
        browser.driver().findElement(By.xpath("//button[text()='Log activity']")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "logged");
        browser.waitForText(By.cssSelector("#account-section table"), "Annual price talks");
        browser.assertNoErrors("logging an activity").assertAccessible("the activities with their form");
        browser.screenshot("account-activities-logged");
    }

    @Test
    @Order(6)
    void theTeamGetsAndLosesMembersOnThe360() {
        String id = Fixtures.createAccount(admin, unit, "Team Traders").get("id").getAsString();
        String username = Fixtures.unique("team-kam");
        String userId = Fixtures.createUser(admin, username, unit, "key-account-manager").get("id").getAsString();
        browser.open("#/accounts/" + id + "?tab=team");
        browser.waitFor(By.xpath("//button[text()='Add member']")).click();
        WebElement user = browser.driver().findElement(By.id("member-userId"));
        browser.waitFor(By.cssSelector("#account-section .field-error"));
        assertEquals("true", user.getAttribute("aria-invalid"), "a member needs a colleague");
        new org.openqa.selenium.support.ui.Select(user).selectByValue(userId);
        browser.driver().findElement(By.id("member-responsible")).click();
        browser.driver().findElement(By.xpath("//button[text()='Add member']")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "added");
        WebElement row = browser.waitFor(By.xpath("//tr[th[contains(., '" + username + "')]]"));
        assertTrue(row.getText().contains("key-account-manager"), row.getText());
        assertEquals(1, admin.get("/api/v1/accounts/" + id + "/team").expect(200).array().size());
        browser.assertNoErrors("the team").assertAccessible("the team with its form");
        row.findElement(By.tagName("button")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "left the team");
        assertTrue(admin.get("/api/v1/accounts/" + id + "/team").expect(200).array().isEmpty());
    }

    @Test
    @Order(7)
    void anAccountCreatedInTheFormKeepsAHostileNameAsText() {
        browser.open("#/accounts/new");
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("account-businessUnit"))).selectByValue(unit);
        browser.driver().findElement(By.id("account-name")).sendKeys(XSS + " 2");
        browser.driver().findElement(By.id("account-country")).sendKeys("de");
        browser.driver().findElement(By.cssSelector("form.record-form button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#main h1"), XSS + " 2");
        assertTrue(browser.findAll(By.cssSelector("#main img")).isEmpty(), "the name must not become an image");
        browser.assertNoErrors("a hostile account's page");
        assertEquals(1, admin.get("/api/v1/accounts?q=Hostile%20GmbH%202").expect(200).object().getAsJsonArray("items")
                .size(), "the account was created once");
    }

    /** True if a model scored the account more than once. */
    private static boolean hasHistory(JsonObject scores) {
        for (var model : scores.getAsJsonArray("models")) {
            int scored = 0;
            for (var entry : model.getAsJsonObject().getAsJsonArray("history")) {
                scored += entry.getAsJsonObject().get("score").isJsonNull() ? 0 : 1;
            }
            if (scored > 1) {
                return true;
            }
        }
        return false;
    }
}
