package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * The dashboard, users, API tokens and import pages in headless Chromium: the dashboard's chart and lists, a
 * user form's inline validation from the API, a token's show-once secret and revocation, a CSV import with a bad
 * line, its progress and result; axe-core on each page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleBrowserIT {

    private static OpenKamProcess openkam;
    private static Browser browser;
    private static String unit;
    private static String kamName;
    private static String accountName;
    private static String teamAccountName;
    private static String prospectName;
    private static String strategicName;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("PeopleBrowserIT");
        Api admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "people");
        kamName = Fixtures.unique("dash-kam");
        String kamId = Fixtures.createUser(admin, kamName, unit, "key-account-manager").get("id").getAsString();
        Api kam = openkam.api().signIn(kamName, Fixtures.PASSWORD);
        accountName = Fixtures.unique("Nordwerk");
        String account = Fixtures.createAccount(kam, unit, accountName, "owner", kamName)
                .get("id").getAsString();
        for (String[] o : List.of(new String[] {"Line 3", "develop", "480000"}, new String[] {"Spare parts", "propose",
                "120000"}, new String[] {"Service deal", "propose", "60000"})) {
            kam.post("/accounts/" + account + "/opportunities", Api.json("name", o[0], "value", Double.valueOf(o[2]),
                    "currency", "EUR", "stage", o[1], "expectedCloseDate", "2027-09-30", "nextStep", "Call the buyer",
                    "nextStepDue", "2027-04-02", "ourPosition", "top-supplier")).expect(201);
        }
        kam.post("/accounts/" + account + "/follow-ups", Api.json("title", "Send the revised offer", "dueDate",
                LocalDate.now(ZoneOffset.UTC).minusDays(3).toString())).expect(201);
        kam.post("/accounts/" + account + "/follow-ups", Api.json("title", "Book the business review", "dueDate",
                LocalDate.now(ZoneOffset.UTC).plusDays(12).toString())).expect(201);
        prospectName = Fixtures.unique("Aachen prospect");
        Fixtures.createAccount(kam, unit, prospectName, "owner", kamName, "tier", "none");
        strategicName = Fixtures.unique("Zwickau strategic");
        Fixtures.createAccount(kam, unit, strategicName, "owner", kamName, "tier", "strategic");
        teamAccountName = Fixtures.unique("Served by the team");
        String served = Fixtures.createAccount(admin, unit, teamAccountName).get("id").getAsString();
        admin.post("/accounts/" + served + "/team", Api.json("userId", kamId, "function", "sales", "responsible", true))
                .expect(201);
        browser = Browser.open(openkam);
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    @Order(1)
    void theDashboardShowsMyAccountsOverdueAndUpcomingFollowUpsAndThePipelineChart() {
        browser.signIn(kamName, Fixtures.PASSWORD);
        assertEquals("Dashboard", browser.waitFor(By.cssSelector("#main h1")).getText(), "the landing page");
        browser.waitForText(By.id("dashboard-accounts"), accountName);
        WebElement served = browser.driver().findElement(By.xpath("//*[@id='dashboard-accounts']//tr[.//a[text()='"
                + teamAccountName + "']]"));
        assertTrue(served.getText().contains("Sales (responsible)"), "a team member's account: " + served.getText());
        WebElement link = browser.driver().findElement(By.linkText(accountName));
        assertTrue(link.findElement(By.xpath("ancestor::tr")).getText().contains("Owner"));
        assertTrue(link.getAttribute("href").contains("#/accounts/"), link.getAttribute("href"));
        List<String> order = browser.findAll(By.cssSelector("#dashboard-accounts tbody tr")).stream()
                .map(WebElement::getText).toList();
        int strategic = indexOf(order, strategicName);
        int prospect = indexOf(order, prospectName);
        assertTrue(strategic >= 0 && prospect >= 0 && strategic < prospect,
                "key accounts come first, whatever their name: " + order);
        browser.waitForText(By.id("dashboard-follow-ups"), "Send the revised offer");
        assertTrue(browser.driver().findElement(By.id("dashboard-follow-ups")).getText().contains("3"),
                "three days overdue");
        WebElement upcoming = browser.waitForText(By.id("dashboard-upcoming"), "Book the business review");
        assertFalse(upcoming.getText().contains("Send the revised offer"), "the overdue one is not upcoming");
        assertFalse(browser.driver().findElement(By.id("dashboard-follow-ups")).getText()
                .contains("Book the business review"), "the upcoming one is not overdue");
        WebElement chart = browser.waitFor(By.cssSelector("#pipeline-chart[data-rendered='true']"));
        assertEquals("2", browser.dataset(chart).get("bars"), "bars for develop and propose in EUR");
        assertFalse(chart.findElements(By.tagName("canvas")).isEmpty(), "the chart drew");
        // one chart per currency, named for what it shows
        List<WebElement> charts = chart.findElements(By.cssSelector(".chart[role='img']"));
        assertEquals(List.of("EUR"), charts.stream().map(c -> c.getAttribute("data-currency")).toList());
        String label = charts.get(0).getAttribute("aria-label");
        assertTrue(label.contains("in EUR") && label.contains("propose: ") && label.contains("develop: "), label);
        WebElement movers = browser.waitFor(By.cssSelector("#dashboard-movers .card-body > :not(.status), "
                + "#dashboard-movers .card-body > p.status:not(:empty)"));
        assertFalse(movers.getText().contains("Loading"), movers.getText());
        browser.assertAccessible("the dashboard").assertNoErrors("the dashboard");
        browser.screenshot("dashboard");
        browser.narrow();
        assertFalse(browser.scrollsSideways(), () -> "the dashboard fits a narrow screen; too wide: "
                + browser.tooWide());
        browser.screenshot("dashboard-narrow");
        browser.desktop();
    }

    @Test
    @Order(2)
    void creatingAUserShowsTheApisValidationNextToTheField() {
        browser.driver().manage().deleteAllCookies();
        browser.signInAsAdmin().open("#/admin-users");
        WebElement username = browser.waitFor(By.id("new-user-username"));
        username.sendKeys("Not A Name!");
        browser.driver().findElement(By.id("new-user-password")).sendKeys("short");
        browser.driver().findElement(By.cssSelector("#create-user button[type=submit]")).click();
        WebElement error = browser.waitFor(By.cssSelector("#create-user .field-error"));
        assertEquals("true", username.getAttribute("aria-invalid"));
        String describedBy = username.getAttribute("aria-describedby");
        List<WebElement> usernameErrors = browser.findAll(By.cssSelector("#create-user .field-error")).stream()
                .filter(e -> describedBy.contains(e.getAttribute("id"))).toList();
        assertEquals(1, usernameErrors.size(), "the username's message is tied to it: " + describedBy);
        assertTrue(usernameErrors.get(0).getText().contains("lower-case"), usernameErrors.get(0).getText());
        WebElement password = browser.driver().findElement(By.id("new-user-password"));
        assertEquals("true", password.getAttribute("aria-invalid"), "the password is named too");
        assertTrue(error.isDisplayed());
        assertTrue(browser.driver().findElement(By.cssSelector("#create-user [role=alert]")).getText()
                .contains("need attention"));
        browser.assertAccessible("the users page with validation errors");
        browser.screenshot("users-validation");

        String name = Fixtures.unique("browser-made");
        username.clear();
        username.sendKeys(name);
        password.clear();
        password.sendKeys(Fixtures.PASSWORD);
        browser.driver().findElement(By.id("new-user-grant-" + unit + "-viewer")).click();
        browser.driver().findElement(By.cssSelector("#create-user button[type=submit]")).click();
        WebElement row = browser.waitFor(By.cssSelector("#users tr[data-user='" + name + "']"));
        assertTrue(row.getText().contains("Viewer"), row.getText());
        assertTrue(browser.findAll(By.cssSelector("#create-user .field-error")).isEmpty(), "the errors are gone");
        assertEquals(null, browser.driver().findElement(By.id("new-user-username")).getAttribute("aria-invalid"));

        row.findElement(By.xpath(".//button[normalize-space()='Disable']")).click();
        browser.waitForText(By.cssSelector("#users tr[data-user='" + name + "']"), "Disabled");
        browser.assertAccessible("the users page").assertNoErrors("the users page");
        browser.screenshot("users");

        // the list sorts by a column and downloads as shown, Actions left out
        WebElement byName = browser.waitFor(By.cssSelector("#users thead th button.sort"));
        byName.click();
        assertEquals("ascending", browser.driver().findElement(By.cssSelector("#users thead th")).getAttribute("aria-sort"));
        List<String> ascending = userNames();
        byName.click();
        assertEquals("descending", browser.driver().findElement(By.cssSelector("#users thead th")).getAttribute("aria-sort"));
        List<String> shown = userNames();
        assertTrue(shown.size() > 2, "users to sort: " + shown);
        List<String> reversed = new java.util.ArrayList<>(ascending);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, shown, "the other way");
        assertTrue(shown.get(0).compareToIgnoreCase(shown.get(shown.size() - 1)) > 0, "Z to A: " + shown);
        String csv = browser.download(browser.waitFor(By.cssSelector("#main .download-csv"))).replace("\uFEFF", "");
        List<String> lines = csv.lines().toList();
        assertEquals("User name,Name,E-mail,Roles,State", lines.get(0));
        assertEquals(shown.size() + 1, lines.size(), csv);
        assertTrue(lines.get(1).startsWith(shown.get(0) + ","), lines.get(1));
        assertTrue(csv.contains(name + ",") && csv.contains("Disabled"), csv);

        try {
            browser.narrow().open("#/admin-users");
            browser.waitFor(By.cssSelector("#users thead th button.sort")).click();
            assertEquals(ascending, userNames(), "A to Z on a phone");
            browser.screenshot("users-390");
            assertFalse(browser.scrollsSideways(), () -> "the users fit 390 px; too wide: " + browser.tooWide());
            browser.assertAccessible("the users at 390 px");
        } finally {
            browser.desktop();
        }
    }

    private static List<String> userNames() {
        return browser.findAll(By.cssSelector("#users tbody th")).stream().map(WebElement::getText).toList();
    }

    @Test
    @Order(3)
    void aTokenIsShownOnceAndCanBeRevoked() {
        browser.open("#/api-tokens");
        WebElement submit = browser.waitFor(By.cssSelector("#create-token button[type=submit]"));
        submit.click();
        browser.waitFor(By.cssSelector("#create-token .field-error"));
        assertEquals("true", browser.driver().findElement(By.id("token-name")).getAttribute("aria-invalid"),
                "a token needs a name");

        browser.driver().findElement(By.id("token-name")).sendKeys("Browser sync");
        browser.driver().findElement(By.cssSelector("#create-token button[type=submit]")).click();
        WebElement secret = browser.waitFor(By.id("token-secret"));
        String value = secret.getAttribute("value");
        assertTrue(value.startsWith("okam_"), value);
        browser.waitFor(By.cssSelector("#tokens tr[data-token='Browser sync']"));
        assertEquals(1, browser.findAll(By.xpath("//button[normalize-space()='Copy']")).size());
        openkam.api().withBearer(value).get("/auth/session").expect(200);
        browser.assertAccessible("the API tokens page").assertNoErrors("the API tokens page");
        browser.screenshot("api-tokens");

        browser.driver().findElement(By.cssSelector("#tokens tr[data-token='Browser sync'] button")).click();
        browser.waitFor(By.xpath("//button[normalize-space()='Confirm revoke']")).click();
        browser.waitForText(By.cssSelector("#main [role=status]"), "revoked");
        assertTrue(browser.findAll(By.cssSelector("#tokens tr[data-token='Browser sync']")).isEmpty());
        openkam.api().withBearer(value).get("/auth/session").expectProblem(401);
    }

    @Test
    @Order(4)
    void importingACsvWithABadLineShowsProgressAndTheBadLine() throws IOException {
        Path csv = Files.createTempFile("people-import-", ".csv");
        try {
            Files.writeString(csv, "name,country,annualSales,currency\n"
                    + "Imported One,DE,1000,EUR\n"
                    + "Imported Bad,Germany,2000,EUR\n"
                    + "Imported Three,FR,,\n");
            browser.open("#/import");
            browser.waitFor(By.id("import-file"));
            browser.driver().findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
            new Select(browser.driver().findElement(By.id("import-unit"))).selectByValue(unit);
            browser.driver().findElement(By.id("import-mode-partial")).click();
            browser.assertAccessible("the import page");
            browser.driver().findElement(By.cssSelector("#import-form button[type=submit]")).click();
            WebElement result = browser.waitFor(By.id("import-result"));
            assertTrue(result.getText().contains("Import finished"), result.getText());
            assertEquals("3", browser.driver().findElement(By.id("import-total")).getText());
            assertEquals("2", browser.driver().findElement(By.id("import-done")).getText());
            WebElement bad = browser.driver().findElement(By.cssSelector("#import-problems tbody tr"));
            assertEquals("3", bad.findElement(By.cssSelector("th")).getText(), "the header is line 1");
            assertTrue(bad.getText().contains("country"), bad.getText());
            WebElement progress = browser.driver().findElement(By.id("import-progress"));
            assertEquals(progress.getAttribute("max"), progress.getAttribute("value"), "the bar is full");
            assertTrue(browser.driver().findElement(By.id("import-progress-label")).getText().contains("2 of 3"));
            browser.assertAccessible("the import result").assertNoErrors("the import page");
            browser.screenshot("import");
            assertEquals(6, Fixtures.countAccounts(openkam.admin(), unit), "two imported besides the dashboard's four");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static int indexOf(List<String> rows, String name) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(name)) {
                return i;
            }
        }
        return -1;
    }
}
