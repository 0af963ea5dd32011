package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The hierarchy page in headless Chromium: the list of hierarchies, a tree that opens one level on demand, a
 * wide level paged, the rollup of a chosen node with own / children / total; names as text; axe-core passes.
 */
class HierarchyBrowserIT {

    private static final String DAY = "2027-03-08";
    private static final String XSS = "<img src=x onerror=alert(1)> Acme UK";
    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;
    private static String hierarchy;
    private static String holding;
    private static String emea;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("HierarchyBrowserIT").start();
        admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "global");
        hierarchy = admin.post("/hierarchies", json("name", "Acme worldwide", "businessUnit", unit)).expect(201)
                .text("id");
        holding = node(json("accountId", createAccount(admin, unit, "Acme Holding", "annualSales", 1000)
                .get("id").getAsString()));
        emea = node(json("name", "EMEA"));
        link(holding, emea);
        link(emea, node(json("accountId", createAccount(admin, unit, XSS, "annualSales", 250).get("id")
                .getAsString())));
        for (int i = 0; i < 120; i++) { // a wide level: more than one page of 100
            link(emea, node(json("name", String.format("Site %03d", i))));
        }
        browser = Browser.open(openkam);
        browser.signInAsAdmin();
    }

    private static String node(Object body) {
        return admin.post("/hierarchies/" + hierarchy + "/nodes", body).expect(201).text("id");
    }

    private static void link(String parent, String child) {
        admin.post("/hierarchies/" + hierarchy + "/links", json("parentId", parent, "childId", child,
                "type", "regional-grouping", "validFrom", "2027-01-01")).expect(201);
    }

    @AfterAll
    static void shutDown() {
        Browser.closeBoth(browser, openkam);
    }

    @Test
    void theTreeOpensLevelByLevelAndANodeShowsItsRollup() {
        browser.open("#/hierarchy-tree");
        browser.waitFor(By.cssSelector("#hierarchy-list a"));
        List<String> links = browser.findAll(By.cssSelector("#navigation a")).stream()
                .map(a -> a.getAttribute("data-page")).toList();
        assertTrue(links.contains("hierarchy-tree"), links.toString());

        browser.open("#/hierarchy-tree/" + hierarchy + "?asOf=" + DAY);
        WebElement root = browser.waitFor(By.cssSelector("#hierarchy-tree > li[data-node='" + holding + "']"));
        assertEquals(1, browser.findAll(By.cssSelector("#hierarchy-tree > li")).size(), "one root");
        root.findElement(By.cssSelector(".node-toggle")).click();
        WebElement group = browser.waitFor(By.cssSelector("li[data-node='" + emea + "']"));
        group.findElement(By.cssSelector(".node-toggle")).click();
        browser.waitForText(By.cssSelector("li[data-node='" + emea + "'] li.more button"), "Show 21 more of 21");
        assertEquals(100, group.findElements(By.cssSelector("ul > li[data-node]")).size(), "the first page only");
        group.findElement(By.cssSelector("li.more button")).click();
        browser.waitForText(By.cssSelector("li[data-node='" + emea + "'] > ul"), "Site 119");
        assertEquals(121, group.findElements(By.cssSelector("ul > li[data-node]")).size());
        assertTrue(group.getText().contains(XSS), "names show as text");
        assertTrue(browser.findAll(By.cssSelector("#main img")).isEmpty(), "a name never becomes an image");

        root.findElement(By.cssSelector(".node-name")).click();
        WebElement rollup = browser.waitForText(By.cssSelector("#hierarchy-rollup table"), "Sales");
        String sales = rollup.findElement(By.xpath(".//tr[th='Sales']")).getText();
        assertTrue(sales.replaceAll("[^0-9 ]", "").matches("\\s*1000 250 1250\\s*"), sales);
        String accounts = rollup.findElement(By.xpath(".//tr[th='Accounts']")).getText();
        assertTrue(accounts.endsWith("1 1 2"), accounts);

        browser.assertNoErrors("the hierarchy page").assertAccessible("the hierarchy page with a level open");
        browser.screenshot("hierarchy-tree");
    }
}
