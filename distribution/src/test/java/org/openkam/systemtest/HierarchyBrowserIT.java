package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.google.gson.JsonArray;

/**
 * The hierarchy pages in headless Chromium at 1440 px: the list of hierarchies, a tree that opens one level on demand,
 * a wide level paged, the rollup of a chosen node with own / children / total, the treemap of sales by child, the
 * coverage matrix with its gaps (also at 390 px), a move through the chooser and a refused one by drag and drop, a parent link removed,
 * the GLEIF import with its report, and the account 360 showing the account's place; names as text; axe-core passes on each.
 */
class HierarchyBrowserIT {

    private static final String DAY = "2027-03-08";
    /** Links hold from before the day the test runs, so the account 360 (which reads today) sees them too. */
    private static final String SINCE = "2026-01-01";
    private static final String XSS = "<img src=x onerror=alert(1)> Acme UK";
    // the LEIs of the GLEIF files
    private static final String HOLD = "ZZHOLDING00000000042";
    private static final String SUB = "ZZSUBSIDIARY00000042";
    private static final String BRANCH = "ZZBRANCH000000000042";
    private static final String GHOST = "ZZGHOST0000000000042";

    private static OpenKamProcess openkam;
    private static Api admin;
    private static Browser browser;
    private static String unit;
    private static String hierarchy;
    private static String holding;
    private static String emea;
    private static String ukAccount;
    private static String gkam;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("HierarchyBrowserIT");
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "global");
        hierarchy = newHierarchy("Acme worldwide");
        holding = node(json("accountId", createAccount(admin, unit, "Acme Holding", "annualSales", 1000)
                .get("id").getAsString()));
        emea = node(json("name", "EMEA"));
        link(holding, emea);
        ukAccount = createAccount(admin, unit, XSS, "annualSales", 250).get("id").getAsString();
        link(emea, node(json("accountId", ukAccount)));
        gkam = Fixtures.createUser(admin, Fixtures.unique("gkam"), unit, "key-account-manager").get("id").getAsString();
        String holdingAccount = admin.get("/hierarchies/" + hierarchy + "/nodes/" + holding).expect(200).object()
                .getAsJsonObject("node").get("accountId").getAsString();
        admin.post("/accounts/" + holdingAccount + "/team", json("userId", gkam, "function", "key-account-manager",
                "responsible", true)).expect(201);
        admin.post("/accounts/" + ukAccount + "/team", json("userId", gkam, "function", "sales",
                "responsible", true)).expect(201);
        for (int i = 0; i < 120; i++) { // a wide level: more than one page of 100
            link(emea, node(json("name", String.format("Site %03d", i))));
        }
        browser = Browser.open(openkam);
        browser.wide().signInAsAdmin();
    }

    private static String node(Object body) {
        return admin.post("/hierarchies/" + hierarchy + "/nodes", body).expect(201).text("id");
    }

    private static void link(String parent, String child) {
        link(hierarchy, parent, child);
    }

    private static void link(String in, String parent, String child) {
        admin.post("/hierarchies/" + in + "/links", json("parentId", parent, "childId", child,
                "type", "regional-grouping", "validFrom", SINCE)).expect(201);
    }

    /** A new hierarchy in the test's unit. */
    private static String newHierarchy(String name) {
        return admin.post("/hierarchies", json("name", name, "businessUnit", unit)).expect(201).text("id");
    }

    private static String group(String in, String name) {
        return admin.post("/hierarchies/" + in + "/nodes", json("name", name)).expect(201).text("id");
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

    @Test
    void aNodeShowsItsSalesByChildAndItsCoverageWithTheGapsFlagged() {
        browser.wide().open("#/hierarchy-tree/" + hierarchy + "?asOf=" + DAY);
        browser.waitFor(By.cssSelector("li[data-node='" + holding + "'] .node-name")).click();

        WebElement chart = browser.waitFor(By.cssSelector("#hierarchy-treemap[data-tiles]"));
        assertEquals("2", browser.dataset(chart).get("tiles"), "EMEA with its subtree, and the holding's own sales");
        assertEquals("img", chart.getAttribute("role"));
        assertTrue(chart.getAttribute("aria-label").startsWith("Sales by child of Acme Holding on " + DAY),
                chart.getAttribute("aria-label"));
        String table = (String) browser.script("return arguments[0].textContent;",
                browser.waitFor(By.cssSelector("#hierarchy-chart details")));
        assertTrue(table.replaceAll("[^A-Za-z0-9 ]", "").contains("EMEA250"), table);

        WebElement matrix = browser.waitForText(By.cssSelector("#hierarchy-coverage table"), "Key account manager");
        String uk = matrix.findElement(By.xpath(".//tr[th='" + XSS + "']")).getText();
        assertTrue(uk.contains("inherited from Acme Holding"), "the global manager handed down: " + uk);
        assertTrue(uk.contains("own"), "the local sales manager is the node's own: " + uk);
        String site = matrix.findElement(By.xpath(".//tr[th='Site 000']")).getText();
        assertTrue(site.contains("Nobody"), "a site nobody sells to is flagged: " + site);
        assertEquals(5, matrix.findElements(By.cssSelector("tbody tr:first-child td")).size(), "five functions");
        String gaps = browser.waitFor(By.id("hierarchy-gap-count")).getText();
        // 123 nodes: all but the UK account lack sales (122), all lack the three functions nobody holds (123 each)
        assertTrue(gaps.startsWith("491 gap(s): "), gaps);
        assertTrue(gaps.contains("Sales 122"), gaps);
        assertEquals(491, matrix.findElements(By.cssSelector(".coverage-gap")).size(), "each gap flagged in its cell");

        browser.assertNoErrors("the coverage matrix").assertAccessible("the coverage matrix and the treemap at 1440 px");
        browser.screenshot("hierarchy-coverage");
        browser.narrow();
        try {
            browser.open("#/hierarchy-tree/" + hierarchy + "?asOf=" + DAY + "&node=" + holding);
            browser.waitForText(By.cssSelector("#hierarchy-coverage table"), "inherited from Acme Holding");
            assertTrue(!browser.scrollsSideways(), "no sideways scrolling at 390 px: " + browser.tooWide());
            browser.assertAccessible("the coverage matrix at 390 px");
        } finally {
            browser.wide();
        }
    }

    @Test
    void aHierarchyIsCreatedAndFilledInTheConsoleAndItsRollupFollows() {
        String japan = createAccount(admin, unit, "Globex Japan KK", "annualSales", 300).get("name").getAsString();
        browser.open("#/hierarchy-tree");
        browser.waitFor(By.id("new-hierarchy-name")).sendKeys("Globex worldwide");
        new Select(browser.waitFor(By.id("new-hierarchy-unit"))).selectByValue(unit);
        browser.waitFor(By.cssSelector("#new-hierarchy-form button[type='submit']")).click();
        browser.waitForText(By.cssSelector("#main h1"), "Globex worldwide");
        browser.waitForText(By.id("hierarchy-tree"), "No node on this day.");

        // a grouping node as the root
        browser.waitFor(By.id("hierarchy-add-open")).click();
        new Select(browser.waitFor(By.id("add-kind"))).selectByValue("grouping");
        browser.waitFor(By.id("add-name")).sendKeys("APAC");
        browser.waitFor(By.cssSelector("#hierarchy-add-form button[type='submit']")).click();
        browser.waitForText(By.id("hierarchy-notice"), "APAC added as a new root.");

        // an account found by its name, placed under APAC
        browser.waitFor(By.id("hierarchy-add-open")).click();
        browser.waitFor(By.id("add-search")).sendKeys("globex jap");
        browser.waitFor(By.xpath("//form[@id='hierarchy-add-form']//button[normalize-space()='Find']")).click();
        browser.waitFor(By.xpath("//select[@id='add-account']/option[starts-with(normalize-space(), '" + japan + "')]"));
        new Select(browser.waitFor(By.id("add-parent"))).selectByVisibleText("APAC (group)");
        browser.script("arguments[0].value = arguments[1];", browser.waitFor(By.id("add-from")), SINCE);
        browser.waitFor(By.cssSelector("#hierarchy-add-form button[type='submit']")).click();
        browser.waitForText(By.id("hierarchy-notice"), japan + " added under APAC.");

        String created = admin.get("/hierarchies").expect(200).items().asList().stream()
                .map(h -> h.getAsJsonObject()).filter(h -> h.get("name").getAsString().equals("Globex worldwide"))
                .findFirst().orElseThrow().get("id").getAsString();
        JsonArray roots = admin.get("/hierarchies/" + created + "/nodes?asOf=" + DAY).expect(200).object()
                .getAsJsonArray("items");
        assertEquals(1, roots.size(), roots.toString());
        String apac = roots.get(0).getAsJsonObject().get("id").getAsString();
        browser.waitFor(By.cssSelector("li[data-node='" + apac + "'] .node-name")).click();
        WebElement rollup = browser.waitForText(By.cssSelector("#hierarchy-rollup table"), "Sales");
        String sales = rollup.findElement(By.xpath(".//tr[th='Sales']")).getText();
        assertTrue(sales.replaceAll("[^0-9 ]", "").matches("\\s*0 300 300\\s*"), sales);
        browser.assertNoErrors("a hierarchy filled in the console").assertAccessible("the add-node form and its tree");
        browser.screenshot("hierarchy-created");
    }

    @Test
    void aNodeMovesThroughTheChooserAndACycleIsRefusedAtTheField() {
        String moves = newHierarchy("Moves");
        String world = group(moves, "World");
        String europe = group(moves, "Europe");
        String americas = group(moves, "Americas");
        String berlin = group(moves, "Berlin office");
        link(moves, world, europe);
        link(moves, world, americas);
        link(moves, europe, berlin);

        browser.open("#/hierarchy-tree/" + moves + "?asOf=" + DAY);
        browser.waitFor(By.cssSelector("li[data-node='" + world + "'] .node-toggle")).click();
        browser.waitFor(By.cssSelector("li[data-node='" + europe + "'] .node-toggle")).click();
        browser.waitFor(By.cssSelector("li[data-node='" + berlin + "'] .node-name")).click();
        browser.waitFor(By.id("hierarchy-move-open")).click();
        new Select(browser.waitFor(By.id("move-parent"))).selectByValue(americas);
        browser.script("arguments[0].value = arguments[1];", browser.waitFor(By.id("move-on")), "2027-03-01");
        browser.waitFor(By.cssSelector("#hierarchy-move-form button[type='submit']")).click();
        browser.waitForText(By.id("hierarchy-notice"), "Berlin office moved under Americas from 2027-03-01");
        assertEquals(americas, parentOf(moves, berlin, DAY), "stored");
        assertEquals(europe, parentOf(moves, berlin, "2027-02-01"), "the old parent stays until the move's day");

        // World dragged onto Americas would close a cycle: refused, its message at the chosen parent, nothing stored
        assertEquals("true", browser.waitFor(By.cssSelector("li[data-node='" + world + "'] > .node-toggle"))
                .getAttribute("aria-expanded"), "the tree stays open down to the moved node");
        browser.waitFor(By.cssSelector("li[data-node='" + americas + "'] li[data-node='" + berlin + "']"));
        browser.script("const [from, to] = arguments; const data = new DataTransfer();"
                + "from.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));"
                + "to.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));"
                + "to.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));",
                browser.waitFor(By.cssSelector("li[data-node='" + world + "'] > .node-name")),
                browser.waitFor(By.cssSelector("li[data-node='" + americas + "'] > .node-name")));
        browser.waitForText(By.id("hierarchy-move-title"), "Move World");
        assertEquals(americas, new Select(browser.waitFor(By.id("move-parent"))).getFirstSelectedOption()
                .getAttribute("value"), "the drop chose the parent; the move waits for a confirmation");
        new Select(browser.waitFor(By.id("move-type"))).selectByValue("regional-grouping"); // a root has none to keep
        browser.waitFor(By.cssSelector("#hierarchy-move-form button[type='submit']")).click();
        WebElement error = browser.waitFor(By.cssSelector("#hierarchy-move-form .field-error"));
        assertTrue(error.getText().contains("cycle"), error.getText());
        assertEquals("true", browser.waitFor(By.id("move-parent")).getAttribute("aria-invalid"));
        assertEquals(0, admin.get("/hierarchies/" + moves + "/nodes/" + world + "?asOf=" + DAY).expect(200).object()
                .getAsJsonArray("path").size(), "World is still a root");

        browser.assertNoErrors("the move").assertAccessible("the move form with a refused move");
        browser.screenshot("hierarchy-move-refused");
    }

    @Test
    void aLinkToAParentIsRemovedAfterAConfirmation() {
        String links = newHierarchy("Links");
        String asia = group(links, "Asia");
        String japan = group(links, "Japan");
        link(links, asia, japan);

        browser.open("#/hierarchy-tree/" + links + "?asOf=" + DAY + "&node=" + japan);
        WebElement table = browser.waitForText(By.cssSelector("#hierarchy-links table"), "Asia");
        assertTrue(table.getText().contains("Regional grouping"), table.getText());
        table.findElement(By.cssSelector("td button")).click();
        browser.waitFor(By.cssSelector("#hierarchy-links button.danger")).click();
        browser.waitForText(By.id("hierarchy-notice"), "The link of Japan to Asia was removed.");
        browser.waitForText(By.id("hierarchy-links"), "Japan has never had a parent: it is a root.");
        assertEquals(2, browser.findAll(By.cssSelector("#hierarchy-tree > li")).size(), "Japan is a root now");
        assertEquals(0, admin.get("/hierarchies/" + links + "/nodes/" + japan + "?asOf=" + DAY).expect(200).object()
                .getAsJsonArray("parentLinks").size(), "stored");
        browser.assertNoErrors("removing a link").assertAccessible("the node's links");
    }

    @Test
    void aGleifImportShowsItsProgressAndItsReportByLine() throws IOException {
        String imported = newHierarchy("Imported");
        Path zip = gleifFiles();
        browser.open("#/hierarchy-gleif");
        browser.waitFor(By.cssSelector("#hierarchy-list a"));
        browser.open("#/hierarchy-gleif/" + imported);
        browser.waitFor(By.cssSelector("#gleif-form button[type='submit']")).click();
        assertEquals("true", browser.waitFor(By.id("gleif-file")).getAttribute("aria-invalid"), "no file chosen");

        browser.driver().findElement(By.id("gleif-file")).sendKeys(zip.toString());
        browser.waitFor(By.cssSelector("#gleif-form button[type='submit']")).click();
        WebElement summary = browser.waitFor(By.id("gleif-summary"));
        assertEquals("3 account(s) and 4 node(s) created, 3 link(s) created, 0 unchanged, 2 problem(s)",
                summary.getText());
        assertTrue(browser.waitFor(By.id("gleif-progress-label")).getText().startsWith("Finished: 3 of 3 links"),
                browser.waitFor(By.id("gleif-progress-label")).getText());
        List<String> rows = browser.findAll(By.cssSelector("#gleif-result tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("4 gleif-rr-cdf.csv Relationship.StartNode.NodeID no entity record for "
                + GHOST), rows.toString());
        assertTrue(rows.get(1).startsWith("5 gleif-rr-cdf.csv Relationship.EndNode.NodeID the ultimate parent "
                + "ZZULTIMATE0000000042 disagrees"), rows.toString());
        assertEquals(1, admin.get("/hierarchies/" + imported + "/nodes?asOf=" + DAY).expect(200).object()
                .get("total").getAsInt(), "one root: the holding");

        browser.assertNoErrors("the GLEIF import").assertAccessible("the GLEIF import report");
        browser.screenshot("hierarchy-gleif-import");
    }

    @Test
    void theAccount360ShowsTheAccountsPlaceAndLeadsToIt() {
        browser.open("#/accounts/" + ukAccount);
        WebElement place = browser.waitFor(By.cssSelector("#account-hierarchy li[data-hierarchy='" + hierarchy + "']"));
        assertEquals("Acme worldwide: Acme Holding › EMEA › " + XSS + " (0 children)", place.getText());
        browser.assertNoErrors("the account 360").assertAccessible("the account 360 with its hierarchy");
        browser.screenshot("hierarchy-account-360");

        browser.clickAndAwaitPage(place.findElement(By.tagName("a")));
        browser.waitForText(By.cssSelector("#hierarchy-rollup h2"), "Rollup: " + XSS);
        assertEquals("true", browser.waitFor(By.cssSelector("li[data-node='" + emea + "']"))
                .findElement(By.cssSelector(".node-toggle")).getAttribute("aria-expanded"), "the tree opened to it");
        browser.assertNoErrors("the hierarchy page opened from the 360");
    }

    /** The node's parent on the day (the path runs from the root down). */
    private static String parentOf(String in, String node, String day) {
        JsonArray path = admin.get("/hierarchies/" + in + "/nodes/" + node + "?asOf=" + day).expect(200)
                .object().getAsJsonArray("path");
        return path.get(path.size() - 1).getAsJsonObject().get("id").getAsString();
    }

    /**
     * A ZIP of LEI-CDF and RR-CDF golden copies in GLEIF's published columns: a holding, a subsidiary directly
     * consolidated by it, a branch of the subsidiary, a relationship of an LEI without an entity record (a
     * placeholder, line 4) and an ultimate parent that disagrees with the direct chain (line 5).
     */
    private static Path gleifFiles() throws IOException {
        String entities = """
                "LEI","Entity.LegalName","Entity.LegalAddress.Country","Entity.HeadquartersAddress.Country","Entity.EntityCategory","Entity.EntityStatus","Registration.RegistrationStatus"
                "%s","Zeta Holding SE","FR","FR","GENERAL","ACTIVE","ISSUED"
                "%s","Zeta Deutschland GmbH","DE","DE","GENERAL","ACTIVE","ISSUED"
                "%s","Zeta Deutschland GmbH, Succursale France","FR","FR","BRANCH","ACTIVE","ISSUED"
                """.formatted(HOLD, SUB, BRANCH);
        String period = "\"2027-01-01T00:00:00Z\",\"2027-12-31T00:00:00Z\",\"ACCOUNTING_PERIOD\","
                + "\"2020-01-01T00:00:00Z\",\"\",\"RELATIONSHIP_PERIOD\",\"ACTIVE\",\"PUBLISHED\"";
        String relationships = String.join("\n",
                "\"Relationship.StartNode.NodeID\",\"Relationship.StartNode.NodeIDType\",\"Relationship.EndNode.NodeID\","
                        + "\"Relationship.EndNode.NodeIDType\",\"Relationship.RelationshipType\","
                        + "\"Relationship.Period.1.startDate\",\"Relationship.Period.1.endDate\","
                        + "\"Relationship.Period.1.periodType\",\"Relationship.Period.2.startDate\","
                        + "\"Relationship.Period.2.endDate\",\"Relationship.Period.2.periodType\","
                        + "\"Relationship.RelationshipStatus\",\"Registration.RegistrationStatus\"",
                relation(SUB, HOLD, "IS_DIRECTLY_CONSOLIDATED_BY") + period,
                relation(BRANCH, SUB, "IS_INTERNATIONAL_BRANCH_OF") + period,
                relation(GHOST, HOLD, "IS_DIRECTLY_CONSOLIDATED_BY") + period,
                relation(BRANCH, "ZZULTIMATE0000000042", "IS_ULTIMATELY_CONSOLIDATED_BY") + period) + "\n";
        Path zip = Files.createTempFile("gleif-", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("gleif-lei-cdf.csv"));
            out.write(entities.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("gleif-rr-cdf.csv"));
            out.write(relationships.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    private static String relation(String start, String end, String type) {
        return "\"" + start + "\",\"LEI\",\"" + end + "\",\"LEI\",\"" + type + "\",";
    }
}
