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
        openkam = OpenKamProcess.create("ConsoleBrowserIT").withArgs("--demo").start();
        String outcome = openkam.awaitOutput(Duration.ofSeconds(120), "Demo data loaded",
                "Demo data could not be loaded");
        assertEquals("Demo data loaded", outcome, openkam.outputTail(40));
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "browser");
        hostile = Fixtures.createAccount(admin, unit, XSS);
        browser = Browser.open(openkam);
    }

    @AfterAll
    static void shutDown() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (openkam != null) {
                openkam.close();
            }
        }
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
        browser.open("#/accounts");
        List<WebElement> links = browser.findAll(By.cssSelector("#navigation a"));
        assertFalse(links.isEmpty(), () -> "navigation: " + browser.driver().getCurrentUrl() + " " + browser.driver().getWindowHandles() + browser.script("return document.documentElement.outerHTML;"));
        WebElement skip = browser.driver().findElement(By.cssSelector("a.skip"));
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals(skip, browser.driver().switchTo().activeElement(), "the first Tab reaches the skip link");
    }
}
