package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.google.gson.JsonObject;

/**
 * A plugin's console pages live and die with its bundle: the administrator stops the scoring bundle from the
 * bundles page, its pages leave the navigation and everything else keeps working; started again, they are back.
 */
class PluginPagesBrowserIT {

    private static final String SCORING = "org.openkam.scoring";
    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.startWithDemo("PluginPagesBrowserIT");
        admin = openkam.admin();
        browser = Browser.open(openkam);
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    void stoppingTheScoringBundleRemovesItsPagesAndNothingElse() {
        browser.signInAsAdmin();
        browser.waitFor(By.cssSelector("#navigation a[data-page='scoring-portfolio']"));
        JsonObject account = Fixtures.firstAccount(admin, "Bluebonnet");
        String id = account.get("id").getAsString();

        press("Stop", "resolved");
        browser.open("#/accounts");
        assertTrue(browser.findAll(By.cssSelector("#navigation a[data-page^='scoring-']")).isEmpty(),
                "the scoring pages left the navigation: " + browser.driver().findElement(By.id("navigation")).getText());
        assertFalse(browser.driver().findElement(By.id("navigation")).getText().contains("SCORING"),
                "no empty Scoring group is left behind");
        assertFalse(browser.findAll(By.cssSelector("#main tbody tr")).isEmpty(), "the account list still works");
        browser.assertNoErrors("the account list without scoring");

        browser.open("#/scoring-portfolio"); // a bookmark of a page that went away
        assertEquals("Page not available", browser.waitFor(By.cssSelector("#main h1")).getText());
        browser.assertAccessible("a page that went away");

        browser.open("#/accounts/" + id);
        assertEquals(account.get("name").getAsString(), browser.waitFor(By.cssSelector("#main h1")).getText());
        browser.open("#/accounts/" + id + "?tab=scores");
        browser.waitForText(By.id("account-section"), "Scoring is not installed");
        browser.open("#/dashboard");
        browser.waitForText(By.id("main"), "Scoring is not installed");
        assertTrue(browser.findAll(By.cssSelector("#main [role=alert]")).isEmpty(), browser.mainText());
        browser.assertNoErrors("the dashboard without scoring");
        browser.screenshot("plugin-stopped-dashboard");

        press("Start", "active");
        browser.open("#/scoring-portfolio");
        browser.waitFor(By.cssSelector("#navigation a[data-page='scoring-portfolio'][aria-current='page']"));
        assertEquals("Portfolio", browser.waitFor(By.cssSelector("#main h1")).getText());
    }

    /** Presses a button in the scoring bundle's row of the bundles page and waits for the state it leads to. */
    private void press(String action, String state) {
        browser.open("#/admin-bundles");
        By row = By.cssSelector("tr[data-bundle='" + SCORING + "']");
        WebElement button = browser.waitFor(row).findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().startsWith(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " button: " + browser.mainText()));
        button.click();
        browser.waitForText(By.cssSelector("tr[data-bundle='" + SCORING + "'] .state"), state);
    }
}
