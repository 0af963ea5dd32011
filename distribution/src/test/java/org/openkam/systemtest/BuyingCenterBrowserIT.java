package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

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

import com.google.gson.JsonObject;

/**
 * A key account manager works the buying center on the org chart in headless Chromium, at 1440 px and at 390 px:
 * adds a contact (a bad one is refused at its field, nothing stored), edits one by clicking its card, is told when
 * someone else changed it meanwhile, deletes one seeing whose reporting line that cuts, and moves contacts under
 * another manager on the chart. axe-core checks each state; screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuyingCenterBrowserIT {

    private static OpenKamProcess openkam;
    private static Browser browser;
    private static Api kam;
    private static String kamId;
    private static String kamName;
    private static String contacts;
    private static String address;
    private static String carla;
    private static String frank;
    private static String bea;
    private static String nina;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("BuyingCenterBrowserIT");
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "buying");
        kamName = Fixtures.unique("bc-kam");
        kamId = Fixtures.createUser(admin, kamName, unit, "key-account-manager").get("id").getAsString();
        kam = openkam.api().signIn(kamName, Fixtures.PASSWORD);
        String account = Fixtures.createAccount(kam, unit, Fixtures.unique("Nordwerk"), "owner", kamId)
                .get("id").getAsString();
        kam.post("/accounts/" + account + "/team", json("userId", kamId, "function", "key-account-manager",
                "responsible", true)).expect(201);
        contacts = "/accounts/" + account + "/contacts";
        carla = kam.post(contacts, json("firstName", "Carla", "lastName", "Chef", "jobTitle", "CEO",
                "roles", List.of("economic-buyer"))).expect(201).object().get("id").getAsString();
        frank = kam.post(contacts, json("firstName", "Frank", "lastName", "Geld", "jobTitle", "CFO",
                "reportsTo", carla)).expect(201).object().get("id").getAsString();
        bea = kam.post(contacts, json("firstName", "Bea", "lastName", "Kauf", "jobTitle", "Buyer",
                "reportsTo", frank)).expect(201).object().get("id").getAsString();
        address = "#/accounts/" + account + "?tab=buying-center";
        browser = Browser.open(openkam);
        browser.wide();
        browser.signIn(kamName, Fixtures.PASSWORD);
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    @Order(1)
    void aContactIsAddedOnTheOrgChartAfterABadOneWasRefusedAtItsField() {
        browser.open(address);
        browser.waitFor(By.id("add-contact")).click();
        WebElement lastName = browser.waitFor(By.id("contact-lastName"));
        browser.driver().findElement(By.id("contact-firstName")).sendKeys("Nina");
        browser.driver().findElement(By.id("contact-email")).sendKeys("nina at nordwerk");
        submit();
        browser.waitFor(By.cssSelector("#contact-form .field-error"));
        assertEquals("true", lastName.getAttribute("aria-invalid"), "a contact needs a last name");
        WebElement email = browser.driver().findElement(By.id("contact-email"));
        assertEquals("true", email.getAttribute("aria-invalid"), "and a real e-mail address");
        assertTrue(errorOf(email).contains("e-mail address"), errorOf(email));
        assertEquals(3, kam.get(contacts).expect(200).array().size(), "nothing stored");
        browser.assertAccessible("the contact form with errors");
        browser.screenshot("buying-center-contact-errors");

        lastName.sendKeys("Neu");
        email.clear();
        email.sendKeys("nina.neu@nordwerk.example");
        browser.driver().findElement(By.id("contact-jobTitle")).sendKeys("Head of Quality");
        browser.driver().findElement(By.cssSelector("#contact-form input[name=roles][value=influencer]")).click();
        browser.driver().findElement(By.cssSelector("#contact-form input[name=roles][value=coach]")).click();
        new Select(browser.driver().findElement(By.id("contact-attitude"))).selectByValue("supporter");
        new Select(browser.driver().findElement(By.id("contact-influence"))).selectByValue("4");
        new Select(browser.driver().findElement(By.id("contact-reportsTo"))).selectByValue(carla);
        new Select(browser.driver().findElement(By.id("contact-relationshipOwner"))).selectByValue(kamId);
        new Select(browser.driver().findElement(By.id("contact-relationshipStrength"))).selectByValue("3");
        submit();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "Nina Neu was added");

        JsonObject stored = contactNamed("Neu");
        nina = stored.get("id").getAsString();
        assertEquals(carla, stored.get("reportsTo").getAsString());
        assertEquals("supporter", stored.get("attitude").getAsString());
        assertEquals(4, stored.get("influence").getAsInt());
        assertEquals(kamId, stored.get("relationshipOwner").getAsString());
        assertEquals(3, stored.get("relationshipStrength").getAsInt());
        assertEquals(List.of("influencer", "coach"), Api.GSON.fromJson(stored.get("roles"), List.class));
        WebElement card = card(nina);
        assertTrue(card.getText().contains("Head of Quality"), card.getText());
        assertFalse(browser.findAll(By.xpath("//div[@data-contact-id='" + carla + "']/ancestor::li[1]/ul"
                + "//div[@data-contact-id='" + nina + "']")).isEmpty(), "Nina's card hangs under Carla's");
        assertTrue(card.findElements(By.cssSelector(".flag.stale")).isEmpty(),
                "nobody could have met Nina yet: " + card.getText());
        assertTrue(browser.findAll(By.cssSelector(".coverage [data-role='coach']")).isEmpty(), "the coach role is filled");
        browser.assertNoErrors("adding a contact").assertAccessible("the buying center with a new contact");
        browser.screenshot("buying-center-added");
    }

    @Test
    @Order(2)
    void clickingACardEditsTheContactAndAStaleEditIsExplained() {
        browser.open(address);
        card(nina).findElement(By.cssSelector(".contact-name")).click();
        browser.waitForText(By.id("contact-form-title"), "Edit Nina Neu");
        WebElement title = browser.driver().findElement(By.id("contact-jobTitle"));
        assertEquals("Head of Quality", title.getAttribute("value"));
        title.clear();
        title.sendKeys("Chief Quality Officer");
        submit();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "Nina Neu was saved");
        JsonObject stored = contactNamed("Neu");
        assertEquals("Chief Quality Officer", stored.get("jobTitle").getAsString());
        assertEquals(2, stored.get("version").getAsInt());
        assertEquals(4, stored.get("influence").getAsInt(), "what the form did not change stays");
        assertTrue(card(nina).getText().contains("Chief Quality Officer"), card(nina).getText());

        // Frank's form is open while a colleague changes him: saving it is refused and says why
        card(frank).findElement(By.cssSelector("button.edit-contact")).click();
        browser.waitForText(By.id("contact-form-title"), "Edit Frank Geld");
        kam.patch(contacts + "/" + frank, json("phone", "+49 30 1234"), "If-Match", Fixtures.etag(1)).expect(200);
        WebElement frankTitle = browser.driver().findElement(By.id("contact-jobTitle"));
        frankTitle.clear();
        frankTitle.sendKeys("Finance Director");
        submit();
        WebElement alert = browser.waitForText(By.cssSelector("#contact-form [role=alert]"), "Someone else changed");
        assertTrue(alert.getText().contains("Reload"), alert.getText());
        JsonObject frankNow = kam.get(contacts + "/" + frank).expect(200).object();
        assertEquals("CFO", frankNow.get("jobTitle").getAsString(), "the stale form stored nothing");
        assertEquals("+49 30 1234", frankNow.get("phone").getAsString(), "the colleague's change stays");
        browser.assertAccessible("the contact form after a conflict");
        browser.screenshot("buying-center-conflict");
        browser.driver().findElement(By.xpath("//button[text()='Load their version']")).click();
        browser.waitFor(By.cssSelector("#contact-form:not(:has(.form-problem:not([hidden])))"));
        assertEquals("+49 30 1234", browser.driver().findElement(By.id("contact-phone")).getAttribute("value"));
        assertEquals("CFO", browser.driver().findElement(By.id("contact-jobTitle")).getAttribute("value"));
    }

    @Test
    @Order(3)
    void deletingAContactSaysWhoseReportingLineItCuts() {
        browser.open(address);
        card(frank).findElement(By.cssSelector(".contact-name")).click();
        browser.waitForText(By.id("contact-form-title"), "Edit Frank Geld");
        browser.driver().findElement(By.xpath("//button[text()='Delete contact']")).click();
        WebElement confirmation = browser.waitFor(By.cssSelector("#contact-form .delete-confirmation"));
        assertTrue(confirmation.getText().contains("Bea Kauf reports to Frank Geld and will then report to nobody"),
                confirmation.getText());
        browser.assertAccessible("the delete confirmation");
        browser.screenshot("buying-center-delete");
        assertEquals(3 + 1, kam.get(contacts).expect(200).array().size(), "asking deletes nothing");
        browser.driver().findElement(By.xpath("//button[text()='Confirm delete']")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "Frank Geld was deleted");
        kam.get(contacts + "/" + frank).expectProblem(404);
        assertTrue(kam.get(contacts + "/" + bea).expect(200).object().get("reportsTo").isJsonNull());
        assertTrue(browser.findAll(By.cssSelector("[data-contact-id='" + frank + "']")).isEmpty());
        assertFalse(browser.findAll(By.cssSelector(".orgchart-tree > li > [data-contact-id='" + bea + "']")).isEmpty(),
                "Bea is at the top of the chart now");
    }

    @Test
    @Order(4)
    void aContactMovesUnderAnotherManagerOnTheChart() {
        browser.open(address);
        card(bea).findElement(By.cssSelector("button.move-contact")).click();
        WebElement status = browser.waitFor(By.cssSelector(".move-status"));
        assertTrue(status.getText().contains("Moving Bea Kauf"), status.getText());
        assertFalse(card(bea).findElement(By.cssSelector(".place-here")).isDisplayed(), "not under herself");
        browser.assertAccessible("the chart while moving a contact");
        browser.screenshot("buying-center-moving");
        card(nina).findElement(By.cssSelector(".place-here")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "Bea Kauf now reports to Nina Neu");
        assertEquals(nina, kam.get(contacts + "/" + bea).expect(200).object().get("reportsTo").getAsString());
        assertFalse(browser.findAll(By.xpath("//div[@data-contact-id='" + nina + "']/ancestor::li[1]/ul"
                + "//div[@data-contact-id='" + bea + "']")).isEmpty(), "Bea's card hangs under Nina's");

        // Nina cannot go under Bea, who reports to her, nor under Carla, her manager already: only to the top
        card(nina).findElement(By.cssSelector("button.move-contact")).click();
        assertFalse(card(bea).findElement(By.cssSelector(".place-here")).isDisplayed(), "no cycle offered");
        browser.waitFor(By.xpath("//button[text()='Top of the chart']")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "Nina Neu now reports to nobody");
        assertTrue(kam.get(contacts + "/" + nina).expect(200).object().get("reportsTo").isJsonNull());

        // and back under Carla by a click on her card
        card(nina).findElement(By.cssSelector("button.move-contact")).click();
        card(carla).findElement(By.cssSelector(".muted")).click();
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "Nina Neu now reports to Carla Chef");
        assertEquals(carla, kam.get(contacts + "/" + nina).expect(200).object().get("reportsTo").getAsString());

        // a mouse drags Bea's card onto Carla's (the events a browser sends for a drag and drop)
        browser.script("const [from, to] = arguments; const data = new DataTransfer();"
                + "const send = (target, type) => target.dispatchEvent(new DragEvent(type,"
                + " { bubbles: true, cancelable: true, dataTransfer: data }));"
                + "send(from, 'dragstart'); send(to, 'dragover'); send(to, 'drop');", card(bea), card(carla));
        browser.waitForText(By.cssSelector("#account-section [role=status]"), "Bea Kauf now reports to Carla Chef");
        assertEquals(carla, kam.get(contacts + "/" + bea).expect(200).object().get("reportsTo").getAsString());
        browser.assertNoErrors("moving contacts").assertAccessible("the chart after moves");
        browser.screenshot("buying-center-moved");
    }

    @Test
    @Order(5)
    void theBuyingCenterIsWorkedOnAPhone() {
        try {
            browser.narrow();
            browser.open(address);
            assertFalse(browser.scrollsSideways(), "the buying center fits 390 px");
            browser.assertAccessible("the buying center at 390 px");
            browser.screenshot("buying-center-phone");
            browser.waitFor(By.id("add-contact")).click();
            browser.waitFor(By.id("contact-lastName")).sendKeys("Klein");
            new Select(browser.driver().findElement(By.id("contact-reportsTo"))).selectByValue(nina);
            assertFalse(browser.scrollsSideways(), "the contact form fits 390 px");
            browser.screenshot("buying-center-form-phone");
            submit();
            browser.waitForText(By.cssSelector("#account-section [role=status]"), "Klein was added");
            assertEquals(nina, contactNamed("Klein").get("reportsTo").getAsString());
            assertFalse(browser.scrollsSideways(), "the chart fits 390 px");
            browser.assertNoErrors("the buying center on a phone").assertAccessible("the buying center at 390 px");
        } finally {
            browser.wide();
        }
    }

    private static void submit() {
        browser.driver().findElement(By.cssSelector("#contact-form button[type=submit]")).click();
    }

    private static WebElement card(String contactId) {
        return browser.waitFor(By.cssSelector(".orgchart [data-contact-id='" + contactId + "']"));
    }

    private static String errorOf(WebElement control) {
        String describedBy = control.getAttribute("aria-describedby");
        return browser.findAll(By.cssSelector("#contact-form .field-error")).stream()
                .filter(e -> describedBy != null && describedBy.contains(e.getAttribute("id")))
                .map(WebElement::getText).findFirst().orElse("");
    }

    private static JsonObject contactNamed(String lastName) {
        for (var c : kam.get(contacts).expect(200).array()) {
            if (lastName.equals(c.getAsJsonObject().get("lastName").getAsString())) {
                return c.getAsJsonObject();
            }
        }
        throw new AssertionError("no contact " + lastName + " stored");
    }
}
