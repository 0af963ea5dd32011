package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.google.gson.JsonElement;

/**
 * The administration pages in headless Chromium: the example scoring plugin uploaded from the bundles page, its
 * model listed and its configuration form opened, filled, refused with inline errors and saved; the configuration
 * list; Swagger UI under the console's Content-Security-Policy, whose "Try it out" calls carry the session and its
 * CSRF token; axe-core on each page, at desktop and narrow width.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserIT {

    private static final String FACTORY_PID = "com.example.kam.scoring.growth";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;
    private static String unit;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("AdminBrowserIT").start();
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "admin-ui");
        browser = Browser.open(openkam);
        browser.signInAsAdmin();
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    @Order(1)
    void uploadsTheExampleScoringPluginFromTheBundlesPageAndSeesItsModel() {
        browser.open("#/admin-bundles");
        browser.assertNoErrors("the bundles page").assertAccessible("the bundles page");
        browser.screenshot("admin-bundles");
        assertFalse(browser.scrollsSideways(), () -> "the bundles page fits 1280 px; too wide: "
                + browser.tooWide());
        String jar = Fixtures.examplePlugin().toString();
        browser.driver().findElement(By.id("bundle-file")).sendKeys(jar);
        browser.driver().findElement(By.cssSelector("#main form button[type=submit]")).click();
        String said = browser.waitForText(By.cssSelector("#main [role=status]"), " is active").getText();
        assertTrue(said.startsWith("com.example.kam.scoring "), said);
        assertEquals("100", browser.driver().findElement(By.id("bundle-progress")).getAttribute("value"));
        // the new model scores no unit yet: the page says what to do next and leads to its switches
        WebElement next = browser.waitFor(By.cssSelector("#bundle-next-step .notice"));
        assertTrue(next.getText().contains("scores no business unit yet"), next.getText());
        assertEquals("false", next.getAttribute("data-scores"));
        WebElement toSwitches = next.findElement(By.id("bundle-next-step-link"));
        assertTrue(toSwitches.getAttribute("href").endsWith("#/scoring-models?model=example.growth-potential"),
                toSwitches.getAttribute("href"));
        browser.assertAccessible("the bundles page with the next step");
        browser.clickAndAwaitPage(toSwitches);
        WebElement model = browser.waitFor(By.cssSelector("section[data-model='example.growth-potential']"));
        assertTrue(model.getAttribute("class").contains("scoring-model-wanted"), model.getAttribute("class"));
        WebElement toggle = model.findElement(By.cssSelector("tr[data-unit='" + unit + "'] input[role=switch]"));
        assertFalse(toggle.isSelected(), "off until switched on");
        browser.open("#/admin-bundles");
        WebElement row = browser.waitFor(By.cssSelector("tr[data-bundle='com.example.kam.scoring']"));
        assertTrue(row.getText().contains("active"), row.getText());
        // Declarative Services registers the model just after the bundle turned active: the list shows it once there
        for (int i = 0; i < 50 && !row.getText().contains("ScoringModel"); i++) {
            browser.open("#/admin-bundles");
            row = browser.waitFor(By.cssSelector("tr[data-bundle='com.example.kam.scoring']"));
        }
        assertTrue(row.getText().contains("ScoringModel"), "the row says what it contributes: " + row.getText());
        assertTrue(Fixtures.scoringModel(admin, "example.growth-potential").isPresent(),
                "the uploaded plugin's model is listed");
        browser.assertNoErrors("the bundles page after the upload").assertAccessible("the bundles page after upload");
        browser.screenshot("admin-bundles-uploaded");
    }

    @Test
    @Order(2)
    void opensTheUploadedPluginsConfigFormAndSavesAConfigurationForAUnit() {
        browser.open("#/admin-configuration");
        WebElement search = browser.waitFor(By.id("configuration-search"));
        search.sendKeys("growth");
        WebElement link = browser.waitFor(By.linkText("Example scoring: growth potential"));
        browser.assertAccessible("the configuration list");
        browser.screenshot("admin-configuration-list");
        browser.clickAndAwaitPage(link);
        browser.waitForText(By.cssSelector("#main h1"), "Example scoring: growth potential");
        browser.clickAndAwaitPage(browser.waitFor(By.linkText("Add configuration")));

        WebElement unitInput = browser.waitFor(By.cssSelector("[data-attribute='businessUnit'] input"));
        unitInput.sendKeys(unit);
        WebElement saturation = browser.driver().findElement(By.cssSelector("[data-attribute='headroom.weight'] input"));
        saturation.clear();
        saturation.sendKeys("250");
        browser.driver().findElement(By.cssSelector("form.config-form button[type=submit]")).click();
        WebElement error = browser.waitFor(By.cssSelector("[data-attribute='headroom.weight'] .field-error"));
        assertFalse(error.getText().isBlank(), "the bad value's message shows at its field");
        assertEquals("true", saturation.getAttribute("aria-invalid"));
        assertTrue(configurations().isEmpty(), "nothing was stored");
        browser.assertAccessible("the configuration form with an error");
        browser.screenshot("admin-configuration-error");

        saturation.clear();
        saturation.sendKeys("60");
        WebElement before = browser.driver().findElement(By.cssSelector("#main > section"));
        browser.driver().findElement(By.cssSelector("form.config-form button[type=submit]")).click();
        browser.waiting(WAIT).until(ExpectedConditions.stalenessOf(before));
        browser.awaitPage();
        browser.waitForText(By.cssSelector("#main form.config-form h2"), "Configuration");
        assertEquals(1, configurations().size(), "stored once");
        browser.assertNoErrors("the configuration form").assertAccessible("the configuration form");
        browser.screenshot("admin-configuration-form");

        browser.narrow();
        try {
            browser.open("#/admin-configuration/" + FACTORY_PID);
            browser.screenshot("admin-configuration-narrow");
            assertFalse(browser.scrollsSideways(), () -> "the factory's configurations fit a narrow screen; too wide: "
                    + browser.tooWide());
            browser.assertAccessible("the factory's configurations, narrow");
            browser.open("#/admin-bundles");
            browser.screenshot("admin-bundles-narrow");
            assertFalse(browser.scrollsSideways(), () -> "the bundles page fits a narrow screen; too wide: "
                    + browser.tooWide());
        } finally {
            browser.desktop();
        }
    }

    @Test
    @Order(3)
    void swaggerUiRendersUnderTheCspAndTryItOutCarriesTheSessionAndCsrfToken() {
        browser.open("#/api");
        WebElement execute = openTryItOut("operations-Administration-stopBundle");
        WebElement id = browser.waitFor(By.cssSelector("#operations-Administration-stopBundle .parameters input"));
        id.sendKeys("0");
        execute.click();
        // 409: the framework is refused; a request without the session would be a 401, without the token a 403
        WebElement status = browser.waitForText(
                By.cssSelector("#operations-Administration-stopBundle .live-responses-table tbody .response-col_status"),
                "409");
        assertTrue(status.getText().contains("409"), status.getText());
        assertFalse(browser.scrollsSideways(), () -> "the API page fits 1280 px; too wide: " + browser.tooWide());
        // the browser received Swagger UI's bundle and the API document compressed (resource timing's sizes)
        for (String file : List.of("/swagger-ui-bundle.js", "/api/v1/openapi.json")) {
            Object sizes = browser.script("const e = performance.getEntriesByType('resource')"
                    + ".find(r => new URL(r.name).pathname.endsWith(arguments[0]));"
                    + "return e ? [e.encodedBodySize, e.decodedBodySize] : null;", file);
            assertTrue(sizes instanceof List<?> l && ((Number) l.get(0)).longValue() > 0
                    && ((Number) l.get(1)).longValue() > 3 * ((Number) l.get(0)).longValue(),
                    file + ": [received, decoded] bytes " + sizes);
        }
        browser.assertNoErrors("the API page").assertAccessible("the API page");
        browser.screenshot("api-docs");
    }

    @Test
    @Order(4)
    void everySignedInUserReadsTheApiDocumentationAndTriesItWithTheirOwnRights() {
        String unit = Fixtures.createUnit(admin, "api-docs");
        String name = Fixtures.unique("api-reader");
        Fixtures.createUser(admin, name, unit, "viewer");
        try {
            browser.signIn(name, Fixtures.PASSWORD);
            browser.clickAndAwaitPage(browser.waitFor(By.cssSelector("#navigation a[href='#/api']")));
            // the operations wait behind their tags; the filter narrows the tags to the one a reader looks for
            browser.waitFor(By.cssSelector("#operations-tag-Accounts"));
            assertTrue(browser.findAll(By.cssSelector("#swagger-ui .opblock")).isEmpty(), "every tag starts closed");
            browser.waitFor(By.cssSelector("#swagger-ui .operation-filter-input")).sendKeys("business UNITS");
            browser.waiting(WAIT).until(d -> browser.findAll(By.cssSelector("#operations-tag-Accounts")).isEmpty());
            assertEquals(List.of("Business units"), browser.findAll(By.cssSelector("#swagger-ui .opblock-tag"))
                    .stream().map(tag -> tag.getAttribute("data-tag")).toList(), "the filter keeps the unit's tag");
            assertEquals("200", tryOut("operations-Business_units-listBusinessUnits"), "a viewer reads");
            assertEquals("403", tryOut("operations-Business_units-createBusinessUnit"), "but may not create a unit");
            browser.assertNoErrors("the API page of a viewer").assertAccessible("the API page of a viewer");
            browser.screenshot("api-docs-viewer");

            browser.narrow().open("#/api");
            assertEquals("200", tryOut("operations-Business_units-listBusinessUnits"), "a viewer reads on a phone too");
            assertFalse(browser.scrollsSideways(), () -> "the API page fits 390 px; too wide: " + browser.tooWide());
            browser.assertNoErrors("the API page on a phone").assertAccessible("the API page of a viewer at 390 px");
            browser.screenshot("api-docs-viewer-390");
        } finally {
            browser.desktop();
            browser.signInAsAdmin();
        }
    }

    /** Opens an operation, tries it out with its example input and returns the status it got. */
    private static String tryOut(String operation) {
        openTryItOut(operation).click();
        return browser.waitFor(By.cssSelector("#" + operation + " .live-responses-table tbody .response-col_status"))
                .getText().strip().split("\\s+")[0];
    }

    /**
     * Opens an operation's tag unless it is open, expands the operation and switches it to "Try it out"; returns its
     * Execute button. Swagger UI renders the expanded block more than once: a click on "Try it out" during that can
     * be lost (seen on a loaded machine), so the button is clicked again while it still offers to try it out.
     */
    private static WebElement openTryItOut(String operation) {
        String tag = operation.split("-")[1];
        WebElement tagHeading = browser.waitFor(By.cssSelector("#operations-tag-" + tag));
        if (browser.findAll(By.cssSelector("#" + operation)).isEmpty()) {
            tagHeading.click();
        }
        browser.waitFor(By.cssSelector("#" + operation + " .opblock-summary-control")).click();
        By tryItOut = By.cssSelector("#" + operation + ".is-open .try-out__btn:not(.cancel)");
        By execute = By.cssSelector("#" + operation + " .execute");
        for (int attempt = 1;; attempt++) {
            browser.waiting(Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.elementToBeClickable(tryItOut)).click();
            try {
                return browser.waiting(Duration.ofSeconds(5))
                        .until(ExpectedConditions.visibilityOfElementLocated(execute));
            } catch (TimeoutException e) {
                if (attempt == 3 || browser.findAll(tryItOut).isEmpty()) {
                    return browser.waitFor(execute); // fails naming what the page shows
                }
            }
        }
    }

    private static List<JsonElement> configurations() {
        return StreamSupport.stream(admin.get("/admin/configurations/" + FACTORY_PID).expect(200).object()
                .getAsJsonArray("configurations").spliterator(), false).toList();
    }
}
