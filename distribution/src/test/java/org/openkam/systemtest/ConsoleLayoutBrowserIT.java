package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.google.gson.JsonObject;

/**
 * The console's layout on a phone and on a wide screen, in headless Chromium on the product with its demo data:
 * nothing scrolls sideways at 390 px, the menu folds away, wide lists fit 1440 px. A class of its own beside
 * {@link ConsoleBrowserIT}, so the two run side by side in the system tests' two JVMs.
 */
class ConsoleLayoutBrowserIT {

    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.startWithDemo("ConsoleLayoutBrowserIT");
        admin = openkam.admin();
        browser = Browser.open(openkam);
        browser.signInAsAdmin();
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    void theConsoleIsUsableOnANarrowScreen() {
        JsonObject account = Fixtures.firstAccount(admin, "Bluebonnet");
        try {
            browser.narrow();
            for (String address : List.of("#/accounts", "#/accounts/" + account.get("id").getAsString(),
                    "#/accounts/" + account.get("id").getAsString() + "?tab=buying-center")) {
                browser.open(address);
                assertFalse(browser.scrollsSideways(), address + " must not scroll sideways at 400 px");
                browser.assertAccessible(address + " at 400 px");
            }
            browser.screenshot("account-360-narrow");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void onAPhoneTheMenuFoldsAwaySoEveryPageStartsAtTheTop() {
        try {
            browser.narrow().open("#/dashboard");
            WebElement menu = browser.waitFor(By.id("menu-button"));
            assertEquals("false", menu.getAttribute("aria-expanded"));
            assertTrue(browser.findAll(By.cssSelector("#navigation a")).stream().noneMatch(WebElement::isDisplayed),
                    "the navigation is folded away");
            browser.screenshot("menu-closed-390");

            // every page's heading shows within the first 480 px of the 844 px screen, unscrolled (the shell focuses
            // the heading of a page it goes to, which would scroll a heading further down into view)
            List<String> pages = browser.findAll(By.cssSelector("#navigation a")).stream()
                    .map(a -> a.getAttribute("data-page")).toList();
            assertFalse(pages.isEmpty());
            for (String page : pages) {
                browser.go("#/" + page);
                WebElement heading = browser.waitFor(By.cssSelector("#main h1"));
                Number top = (Number) browser.script("return arguments[0].getBoundingClientRect().top;", heading);
                assertTrue(top.doubleValue() < 480, page + " starts at " + top + " px");
                assertEquals(0L, ((Number) browser.script("return Math.round(window.scrollY);")).longValue(),
                        page + " starts at the top, unscrolled");
            }

            // the keyboard opens it (focus on its first link), Escape closes it back to the button
            browser.open("#/dashboard");
            menu = browser.waitFor(By.id("menu-button"));
            browser.script("arguments[0].focus();", menu);
            menu.sendKeys(Keys.ENTER);
            assertEquals("true", menu.getAttribute("aria-expanded"));
            WebElement first = browser.driver().findElement(By.cssSelector("#navigation a"));
            assertEquals(first, browser.driver().switchTo().activeElement(), "the focus goes to the first link");
            assertTrue(browser.waitFor(By.id("business-unit")).isDisplayed(), "the unit switcher is in the menu");
            browser.assertAccessible("the open menu at 390 px");
            browser.screenshot("menu-open-390");
            first.sendKeys(Keys.ESCAPE);
            assertEquals("false", menu.getAttribute("aria-expanded"));
            assertEquals(menu, browser.driver().switchTo().activeElement(), "the focus returns to the button");

            // opened again, a link navigates and the menu folds away behind the new page
            menu.click();
            browser.clickAndAwaitPage(browser.waitFor(By.cssSelector("#navigation a[data-page='accounts']")));
            assertEquals("false", browser.driver().findElement(By.id("menu-button")).getAttribute("aria-expanded"));
            WebElement heading = browser.waitForText(By.cssSelector("#main h1"), "Accounts");
            assertEquals(heading, browser.driver().switchTo().activeElement(), "the focus lands on the page");
            assertTrue(browser.findAll(By.cssSelector("#navigation a")).stream().noneMatch(WebElement::isDisplayed));
            assertFalse(browser.scrollsSideways(), "the account list fits 390 px");
            browser.open("#/accounts?tier=strategic");
            List<WebElement> tiers = browser.findAll(By.cssSelector("#main tbody .badge"));
            assertFalse(tiers.isEmpty(), "the demo has strategic accounts");
            for (WebElement tier : tiers) {
                assertEquals("strategic", tier.getText());
                assertTrue((Boolean) browser.script("const r = arguments[0].getBoundingClientRect();"
                        + "return arguments[0].scrollWidth <= arguments[0].clientWidth + 1"
                        + " && r.right <= document.documentElement.clientWidth;", tier), "a whole word, never 'stra'");
            }
            browser.assertNoErrors("the menu on a phone").assertAccessible("the account list at 390 px");
            browser.screenshot("accounts-390");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void everyListFitsAWideScreenAndEveryTabAPhone() {
        String id = Fixtures.firstAccount(admin, "Bluebonnet").get("id").getAsString();
        List<String> addresses = new java.util.ArrayList<>(List.of("#/dashboard", "#/admin-users", "#/admin-bundles"));
        for (String tab : List.of("overview", "team", "buying-center", "plan", "opportunities", "activities", "scores",
                "audit")) {
            addresses.add("#/accounts/" + id + "?tab=" + tab);
        }
        try {
            browser.wide();
            for (String address : addresses) {
                browser.go(address);
                // tables folded into details (score explanations, the pipeline as a table) are checked opened
                Object cut = browser.script("document.querySelectorAll('#main details').forEach(d => d.open = true);"
                        + "return [...document.querySelectorAll('#main .table-wrap')]"
                        + ".filter(w => w.scrollWidth > w.clientWidth + 1)"
                        + ".map(w => w.getAttribute('aria-label') + ': ' + w.scrollWidth + ' of ' + w.clientWidth)"
                        + ".join('; ');");
                assertEquals("", cut, address + ": lists wider than their place at 1440 px");
            }
            browser.narrow();
            for (String address : addresses) {
                browser.go(address);
                assertFalse(browser.scrollsSideways(), () -> address + " fits 390 px; too wide: " + browser.tooWide());
            }
            browser.assertAccessible("the audit trail at 390 px");
            browser.screenshot("audit-390");
        } finally {
            browser.desktop();
        }
    }
}
