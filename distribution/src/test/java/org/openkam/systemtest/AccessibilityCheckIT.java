package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The browser tests' accessibility check itself: it passes a console page as it is and fails, naming the rule and
 * the element, once the page has a serious violation, also when the check ran on that page before.
 */
class AccessibilityCheckIT {

    private static OpenKamProcess openkam;
    private static Browser browser;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("AccessibilityCheckIT");
        browser = Browser.open(openkam).signInAsAdmin();
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    void aSeriousViolationFailsTheCheckWithItsRuleAndElement() {
        browser.open("#/accounts").assertAccessible("the account list");
        browser.script("const img = document.createElement('img'); img.id = 'unnamed-picture';"
                + " img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.querySelector('#main').append(img);");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> browser.assertAccessible("the account list with a picture without a text alternative"));
        assertTrue(failure.getMessage().contains("critical image-alt"), failure.getMessage());
        assertTrue(failure.getMessage().contains("#unnamed-picture"), failure.getMessage());

        browser.open("#/accounts").assertAccessible("the account list opened afresh");
    }
}
