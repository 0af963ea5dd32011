package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Global-account hierarchies through the API of the real product: refused input names its field and stores nothing,
 * a caller sees only the nodes of units it reads and learns how many were hidden, rollups follow a move at once,
 * buying-center gaps are summed up the tree, and a GLEIF ZIP posted over HTTP builds the tree as a job.
 */
class HierarchyIT {

    private static final String DAY = "2027-03-08";
    private static OpenKamProcess openkam;
    private static Api admin;
    private static String unitA;
    private static String unitB;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("HierarchyIT").start();
        admin = openkam.admin();
        unitA = Fixtures.createUnit(admin, "global");
        unitB = Fixtures.createUnit(admin, "local");
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    /** A hierarchy of unit A: holding (A) > EMEA (grouping) > subsidiary (B); returns the ids by name. */
    private record Acme(String id, String holding, String emea, String subsidiary, String subsidiaryAccount) {
    }

    private static Acme acme() {
        String holding = createAccount(admin, unitA, Fixtures.unique("holding"), "annualSales", 1000,
                "currency", "EUR").get("id").getAsString();
        String sub = createAccount(admin, unitB, Fixtures.unique("acme-uk"), "annualSales", 80, "currency", "GBP",
                "country", "GB").get("id").getAsString();
        String id = admin.post("/hierarchies", json("name", Fixtures.unique("Acme"), "businessUnit", unitA))
                .expect(201).text("id");
        String h = admin.post(path(id, "/nodes"), json("accountId", holding)).expect(201).text("id");
        String emea = admin.post(path(id, "/nodes"), json("name", "EMEA")).expect(201).text("id");
        String s = admin.post(path(id, "/nodes"), json("accountId", sub)).expect(201).text("id");
        link(id, h, emea, "regional-grouping");
        link(id, emea, s, "subsidiary");
        return new Acme(id, h, emea, s, sub);
    }

    private static void link(String hierarchy, String parent, String child, String type) {
        admin.post(path(hierarchy, "/links"), json("parentId", parent, "childId", child, "type", type,
                "validFrom", "2027-01-01")).expect(201);
    }

    private static String path(String hierarchy, String rest) {
        return "/hierarchies/" + hierarchy + rest;
    }

    private static List<String> names(JsonObject level) {
        return StreamSupport.stream(level.getAsJsonArray("items").spliterator(), false)
                .map(e -> e.getAsJsonObject().get("name").getAsString()).toList();
    }

    private static int links(Acme acme) {
        int count = 0;
        for (String node : List.of(acme.holding(), acme.emea(), acme.subsidiary())) {
            count += admin.get(path(acme.id(), "/nodes/" + node + "?asOf=" + DAY)).expect(200).object()
                    .getAsJsonArray("parentLinks").size();
        }
        return count;
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        Acme acme = acme();
        String links = path(acme.id(), "/links");

        Response cycle = admin.post(links, json("parentId", acme.subsidiary(), "childId", acme.holding(),
                "type", "subsidiary", "validFrom", "2027-02-01")).expectProblem(409);
        assertEquals(Set.of("parentId"), cycle.problemFields());
        assertTrue(cycle.text("detail").contains("> EMEA >"), cycle.describe());

        admin.post(links, json("parentId", "no-such-node", "childId", acme.emea(), "type", "subsidiary",
                "validFrom", "2027-02-01")).expectProblem(400);
        assertEquals(Set.of("childId"), admin.post(links, json("parentId", acme.emea(), "childId", "no-such-node",
                "type", "subsidiary", "validFrom", "2027-02-01")).expectProblem(400).problemFields());

        String other = admin.post(path(acme.id(), "/nodes"), json("name", "DACH")).expect(201).text("id");
        Response overlap = admin.post(links, json("parentId", other, "childId", acme.subsidiary(),
                "type", "subsidiary", "validFrom", "2026-06-01", "validTo", "2027-06-01")).expectProblem(409);
        assertEquals(Set.of("validFrom"), overlap.problemFields());

        Response malformed = admin.post(links, json("parentId", other, "childId", acme.holding(), "type", "owner",
                "validFrom", "yesterday", "colour", "red")).expectProblem(400);
        assertEquals(Set.of("type", "validFrom", "colour"), malformed.problemFields());
        admin.request("POST", links).body("application/json", "{\"parentId\": ".getBytes(StandardCharsets.UTF_8))
                .send().expectProblem(400);
        assertEquals(Set.of("parentId", "validTo"), admin.post(links, json("parentId", acme.holding(),
                "childId", acme.holding(), "type", "branch", "validFrom", "2027-02-01", "validTo", "2027-01-01"))
                .expectProblem(400).problemFields());
        assertEquals(Set.of("asOf"), admin.get(path(acme.id(), "/nodes?asOf=soon")).expectProblem(400)
                .problemFields());

        assertEquals(2, links(acme), "no refused link was stored");
        JsonObject underEmea = admin.get(path(acme.id(), "/nodes?parentId=" + acme.emea() + "&asOf=" + DAY))
                .expect(200).object();
        assertEquals(1, underEmea.get("total").getAsInt(), "still the subsidiary alone");
    }

    @Test
    void aCallerSeesTheNodesOfItsUnitsAndHowManyWereHidden() {
        Acme acme = acme();
        String kamA = Fixtures.unique("kam-a");
        Fixtures.createUser(admin, kamA, unitA, "key-account-manager");
        Api a = openkam.api().signIn(kamA, Fixtures.PASSWORD);
        String viewerB = Fixtures.unique("viewer-b");
        Fixtures.createUser(admin, viewerB, unitB, "viewer");
        Api b = openkam.api().signIn(viewerB, Fixtures.PASSWORD);

        JsonObject underEmea = a.get(path(acme.id(), "/nodes?parentId=" + acme.emea() + "&asOf=" + DAY)).expect(200)
                .object();
        assertEquals(List.of(), names(underEmea));
        assertEquals(1, underEmea.get("hidden").getAsInt(), "the subsidiary of unit B");

        assertTrue(b.get("/hierarchies").expect(200).body().contains(acme.id()), "B holds an account in it");
        JsonObject roots = b.get(path(acme.id(), "/nodes?asOf=" + DAY)).expect(200).object();
        assertEquals(List.of(), names(roots));
        assertEquals(1, roots.get("hidden").getAsInt(), "the holding of unit A");
        JsonObject place = b.get("/accounts/" + acme.subsidiaryAccount() + "/hierarchy?asOf=" + DAY).expect(200)
                .object().getAsJsonArray("items").get(0).getAsJsonObject();
        assertEquals(List.of("EMEA"), StreamSupport.stream(place.getAsJsonArray("path").spliterator(), false)
                .map(e -> e.getAsJsonObject().get("name").getAsString()).toList());
        assertEquals(1, place.get("hiddenAncestors").getAsInt());
        b.get(path(acme.id(), "/nodes/" + acme.holding())).expectProblem(404);
        b.post(path(acme.id(), "/nodes"), json("name", "APAC")).expectProblem(403);

        JsonObject rollup = b.get(path(acme.id(), "/nodes/" + acme.emea() + "/rollup?asOf=" + DAY)).expect(200)
                .object();
        assertEquals(1, rollup.getAsJsonObject("counts").getAsJsonObject("accounts").get("total").getAsInt());
        assertEquals(0, rollup.get("hiddenNodes").getAsInt());
        assertEquals(1, a.get(path(acme.id(), "/nodes/" + acme.holding() + "/rollup?asOf=" + DAY)).expect(200)
                .object().get("hiddenNodes").getAsInt(), "A does not read the subsidiary's figures");
    }

    @Test
    void rollupsConvertAtTheDaysRatesAndFollowAMoveAtOnce() {
        admin.request("POST", "/exchange-rates/ecb").body("text/csv", """
                Date,USD,GBP,CHF,
                2027-03-08,1.25,0.8,N/A,
                2027-03-05,1.24,0.81,0.95,
                """.getBytes(StandardCharsets.UTF_8)).send().expect(200);
        admin.request("POST", "/exchange-rates/ecb").body("text/csv", "Date,USD\n2027-03-09,abc\n"
                .getBytes(StandardCharsets.UTF_8)).send().expectProblem(400);
        assertEquals(3, admin.get("/exchange-rates?date=" + DAY).expect(200).object().getAsJsonArray("rates").size(),
                "GBP and USD of the 8th; CHF is N/A on the 8th, so the 5th's rate is in force");

        Acme acme = acme();
        String japan = createAccount(admin, unitA, Fixtures.unique("acme-jp"), "annualSales", 500,
                "currency", "JPY", "country", "JP").get("id").getAsString();
        String ch = admin.post(path(acme.id(), "/nodes"), json("accountId", japan)).expect(201).text("id");
        link(acme.id(), acme.emea(), ch, "subsidiary");

        JsonObject sales = rollup(acme, acme.holding()).getAsJsonObject("money").getAsJsonObject("sales");
        assertEquals(1000.0, amount(sales, "own"));
        assertEquals(100.0, amount(sales, "children"), "80 GBP at 1.25");
        assertEquals(1100.0, amount(sales, "total"));
        assertEquals(500.0, sales.getAsJsonObject("total").getAsJsonObject("unconverted").get("JPY").getAsDouble(),
                "no JPY rate: never summed");
        assertTrue(rollup(acme, acme.holding()).getAsJsonArray("rates").toString().contains("\"GBP\""));

        admin.post(path(acme.id(), "/nodes/" + ch + "/move"), json("parentId", acme.subsidiary(), "on", DAY))
                .expect(200);
        assertEquals(1, rollup(acme, acme.subsidiary()).getAsJsonObject("counts").getAsJsonObject("accounts")
                .get("children").getAsInt(), "the moved node counts under its new parent at once");
        admin.post(path(acme.id(), "/nodes/" + acme.emea() + "/move"), json("parentId", ch, "on", DAY))
                .expectProblem(409);
    }

    @Test
    void coverageHandsTheGlobalManagerDownAndNamesTheNodesNobodyCovers() {
        Acme acme = acme();
        String holdingAccount = admin.get(path(acme.id(), "/nodes/" + acme.holding())).expect(200).object()
                .getAsJsonObject("node").get("accountId").getAsString();
        String gkam = Fixtures.createUser(admin, Fixtures.unique("gkam"), unitA, "key-account-manager").get("id")
                .getAsString();
        admin.post("/accounts/" + holdingAccount + "/team", json("userId", gkam, "function", "key-account-manager",
                "responsible", true)).expect(201);

        JsonObject coverage = admin.get(path(acme.id(), "/nodes/" + acme.holding() + "/coverage?asOf=" + DAY))
                .expect(200).object();
        JsonObject sub = StreamSupport.stream(coverage.getAsJsonArray("nodes").spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(n -> n.get("nodeId").getAsString().equals(acme.subsidiary()))
                .findFirst().orElseThrow();
        JsonObject kam = sub.getAsJsonObject("functions").getAsJsonObject("key-account-manager");
        assertEquals(gkam, kam.get("userId").getAsString());
        assertEquals(acme.holding(), kam.get("from").getAsString());
        assertTrue(kam.get("inherited").getAsBoolean());
        assertEquals(3, coverage.getAsJsonObject("uncovered").getAsJsonArray("sales").size(), "nobody sells yet");
        assertEquals(0, coverage.getAsJsonObject("uncovered").getAsJsonArray("key-account-manager").size());
    }

    @Test
    void buyingCenterCoverageSumsTheGapsOfASubtreeAndHidesWhatACallerMayNotRead() {
        String holdingAccount = createAccount(admin, unitA, Fixtures.unique("bc-holding")).get("id").getAsString();
        String subAccount = createAccount(admin, unitB, Fixtures.unique("bc-sub")).get("id").getAsString();
        String id = admin.post("/hierarchies", json("name", Fixtures.unique("Buying"), "businessUnit", unitA))
                .expect(201).text("id");
        String holding = admin.post(path(id, "/nodes"), json("accountId", holdingAccount)).expect(201).text("id");
        String emea = admin.post(path(id, "/nodes"), json("name", "EMEA")).expect(201).text("id");
        String sub = admin.post(path(id, "/nodes"), json("accountId", subAccount)).expect(201).text("id");
        for (String[] link : List.of(new String[] {holding, emea}, new String[] {emea, sub})) {
            admin.post(path(id, "/links"), json("parentId", link[0], "childId", link[1], "type", "subsidiary",
                    "validFrom", "2020-01-01")).expect(201);
        }
        // the holding's CFO is a key contact nobody owns; the subsidiary's user is no key contact
        String cfo = admin.post("/accounts/" + holdingAccount + "/contacts", json("firstName", "Frank", "lastName",
                "Geld", "roles", List.of("economic-buyer"))).expect(201).text("id");
        admin.post("/accounts/" + subAccount + "/contacts", json("lastName", "Nutzer", "roles", List.of("user"),
                "influence", 2)).expect(201);
        String today = java.time.LocalDate.now().toString();
        String coverage = path(id, "/nodes/" + holding + "/buying-center-coverage?asOf=");

        JsonObject now = admin.get(coverage + today).expect(200).object();
        assertEquals(List.of(holding, emea, sub), StreamSupport.stream(now.getAsJsonArray("nodes").spliterator(), false)
                .map(e -> e.getAsJsonObject().get("nodeId").getAsString()).toList());
        JsonObject top = now.getAsJsonArray("nodes").get(0).getAsJsonObject();
        assertEquals(List.of(6, 6, 12), part(top, "unfilledRoles"), "six roles unfilled at each account");
        assertEquals(List.of(1, 0, 1), part(top, "keyContactsWithoutOwner"));
        assertEquals(List.of(0, 0, 0), part(top, "staleContacts"), "both contacts were recorded today");
        assertEquals(List.of(0, 6, 6), part(now.getAsJsonArray("nodes").get(1).getAsJsonObject(), "unfilledRoles"),
                "a grouping node has no gaps of its own");
        assertEquals(List.of(sub), strings(now.getAsJsonObject("unfilledRoles").getAsJsonArray("economic-buyer")));
        assertEquals(List.of(holding, sub), strings(now.getAsJsonObject("unfilledRoles").getAsJsonArray("coach")));
        JsonObject unowned = now.getAsJsonArray("keyContactsWithoutOwner").get(0).getAsJsonObject();
        assertEquals(List.of(cfo, holding, "Frank Geld"), List.of(unowned.get("contactId").getAsString(),
                unowned.get("nodeId").getAsString(), unowned.get("name").getAsString()));
        assertEquals(0, now.get("hiddenNodes").getAsInt());

        int freshness = now.get("freshnessDays").getAsInt();
        JsonObject later = admin.get(coverage + java.time.LocalDate.now().plusDays(freshness + 10)).expect(200)
                .object();
        assertEquals(List.of(1, 1, 2), part(later.getAsJsonArray("nodes").get(0).getAsJsonObject(), "staleContacts"),
                "never met, recorded longer ago than the freshness window");
        assertEquals(2, later.getAsJsonArray("staleContacts").size());

        String kamA = Fixtures.unique("kam-bc");
        Fixtures.createUser(admin, kamA, unitA, "key-account-manager");
        Api a = openkam.api().signIn(kamA, Fixtures.PASSWORD);
        JsonObject seenByA = a.get(coverage + today).expect(200).object();
        assertEquals(1, seenByA.get("hiddenNodes").getAsInt(), "the subsidiary of unit B");
        assertEquals(List.of(6, 0, 6), part(seenByA.getAsJsonArray("nodes").get(0).getAsJsonObject(),
                "unfilledRoles"), "the hidden subsidiary's gaps are left out");
        assertEquals(List.of(), strings(seenByA.getAsJsonObject("unfilledRoles").getAsJsonArray("economic-buyer")));

        assertEquals(Set.of("asOf"), admin.get(coverage + "soon").expectProblem(400).problemFields());
        admin.get(path(id, "/nodes/no-such-node/buying-center-coverage")).expectProblem(404);
    }

    private static List<Integer> part(JsonObject node, String count) {
        JsonObject part = node.getAsJsonObject(count);
        return List.of(part.get("own").getAsInt(), part.get("children").getAsInt(), part.get("total").getAsInt());
    }

    private static List<String> strings(com.google.gson.JsonArray array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsString).toList();
    }

    @Test
    void aGleifImportOverHttpBuildsTheTreeNumbersItsProblemsAndChangesNothingTheSecondTime() {
        String id = admin.post("/hierarchies", json("name", Fixtures.unique("Globex"), "businessUnit", unitA))
                .expect(201).text("id");
        String imports = path(id, "/imports/gleif");
        createAccount(admin, unitB, "Globex Inc. (ours)", "attributes",
                java.util.Map.of("lei", "GLOBUS00000000000077"));
        long accountsInA = Fixtures.countAccounts(admin, unitA);

        JsonObject job = importGleif(imports, gleifZip(null));
        assertEquals("succeeded", job.get("state").getAsString(), job.toString());
        assertEquals("2 account(s) and 4 node(s) created, 3 link(s) created, 0 unchanged, 3 problem(s)",
                job.get("summary").getAsString());
        assertEquals(List.of("4 20270308-gleif-goldencopy-rr-cdf.csv.Relationship.StartNode.NodeID",
                "5 20270308-gleif-goldencopy-rr-cdf.csv.Relationship.RelationshipStatus",
                "6 20270308-gleif-goldencopy-lei-cdf.csv.LEI"), problems(job));
        assertEquals(accountsInA + 2, Fixtures.countAccounts(admin, unitA), "holding and branch created in A");

        JsonObject roots = admin.get(path(id, "/nodes?asOf=" + DAY)).expect(200).object();
        assertEquals(List.of("Globex Holding SE"), names(roots));
        String holding = roots.getAsJsonArray("items").get(0).getAsJsonObject().get("id").getAsString();
        JsonObject underHolding = admin.get(path(id, "/nodes?parentId=" + holding + "&asOf=" + DAY)).expect(200)
                .object();
        List<String> below = names(underHolding).stream().sorted().toList();
        assertEquals(2, below.size(), below.toString());
        assertEquals("Globex Holding SE, Nederland", below.get(0));
        assertTrue(below.get(1).startsWith("Globex Inc. (ours)"), "our own account, matched by its lei: " + below);
        String us = node(underHolding, "Globex Inc. (ours)");
        assertEquals("branch", admin.get(path(id, "/nodes/" + node(underHolding, "Globex Holding SE, Nederland")))
                .expect(200).object().getAsJsonArray("parentLinks").get(0).getAsJsonObject().get("type").getAsString());
        assertEquals(List.of("LEI GLOBGHOST00000000077"), names(admin.get(path(id, "/nodes?parentId=" + us
                + "&asOf=" + DAY)).expect(200).object()), "a placeholder for the node without an entity record");

        JsonObject again = importGleif(imports, gleifZip(null));
        assertEquals("succeeded", again.get("state").getAsString());
        assertEquals("0 account(s) and 0 node(s) created, 0 link(s) created, 3 unchanged, 3 problem(s)",
                again.get("summary").getAsString());
        assertEquals(accountsInA + 2, Fixtures.countAccounts(admin, unitA));
        assertEquals(1, admin.get(path(id, "/nodes/" + us)).expect(200).object().getAsJsonArray("parentLinks")
                .size(), "no second link");
    }

    @Test
    void aMalformedGleifFileFailsItsJobNamingTheLineAndStoresNothing() {
        String id = admin.post("/hierarchies", json("name", Fixtures.unique("Broken"), "businessUnit", unitA))
                .expect(201).text("id");
        String imports = path(id, "/imports/gleif");
        long accountsInA = Fixtures.countAccounts(admin, unitA);
        String rr = resource("rr-cdf.csv").replace("\"GLOBBRANCHNL00000077\",\"LEI\",", "\"GLOBBRANCHNL00000077\"x,");

        JsonObject job = importGleif(imports, gleifZip(rr));
        assertEquals("failed", job.get("state").getAsString(), job.toString());
        assertEquals(List.of("3 20270308-gleif-goldencopy-rr-cdf.csv"), problems(job).stream()
                .filter(p -> p.endsWith("rr-cdf.csv")).toList(), "the broken quote's line");
        assertEquals(List.of(), names(admin.get(path(id, "/nodes?asOf=" + DAY)).expect(200).object()));
        assertEquals(accountsInA, Fixtures.countAccounts(admin, unitA), "no account created");

        admin.request("POST", imports).body("text/csv", resource("rr-cdf.csv").getBytes(StandardCharsets.UTF_8))
                .send().expectProblem(415);
        assertEquals(Set.of("body"), admin.request("POST", imports).body("application/zip", new byte[0]).send()
                .expectProblem(400).problemFields());
    }

    /** Posts the ZIP, expects the job to be accepted and returns it finished. */
    @Test
    void theProductServesOnWhileTheHierarchyBundleIsStoppedAndTheHierarchiesComeBackWhenStarted()
            throws InterruptedException {
        Acme acme = acme();
        long bundle = StreamSupport.stream(admin.get("/admin/bundles").expect(200).items().spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(b -> !b.get("symbolicName").isJsonNull()
                        && b.get("symbolicName").getAsString().equals("org.openkam.hierarchy"))
                .findFirst().orElseThrow(() -> new AssertionError("the hierarchy bundle is listed"))
                .get("id").getAsLong();
        assertEquals("resolved", admin.post("/admin/bundles/" + bundle + "/stop", null).expect(200).object()
                .get("state").getAsString());
        try {
            openkam.api().get("/health/ready").expect(200);
            admin.get("/accounts/" + acme.subsidiaryAccount()).expect(200);
            admin.get("/hierarchies").expectProblem(404);
            admin.get("/accounts/" + acme.subsidiaryAccount() + "/hierarchy").expectProblem(404);
            assertTrue(consolePages().stream().noneMatch(id -> id.startsWith("hierarchy-")), consolePages()
                    .toString());
            assertTrue(admin.get("/openapi.json").expect(200).object().getAsJsonObject("paths").keySet().stream()
                    .noneMatch(p -> p.startsWith("/hierarchies")), "the hierarchy paths leave the API document");
        } finally {
            assertEquals("active", admin.post("/admin/bundles/" + bundle + "/start", null).expect(200).object()
                    .get("state").getAsString());
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (admin.get(path(acme.id(), "")).status() != 200) {
            assertTrue(System.nanoTime() < deadline, "the hierarchies never came back\n" + openkam.outputTail(40));
            Thread.sleep(100);
        }
        assertEquals(List.of("EMEA"), names(admin.get(path(acme.id(), "/nodes?parentId=" + acme.holding()
                + "&asOf=" + DAY)).expect(200).object()), "kept while the bundle was stopped");
        assertTrue(consolePages().contains("hierarchy-tree"), consolePages().toString());
        openkam.api().get("/health/ready").expect(200);
    }

    private static Set<String> consolePages() {
        return StreamSupport.stream(admin.get("/api/v1/console/pages").expect(200).array().spliterator(), false)
                .map(p -> p.getAsJsonObject().get("id").getAsString()).collect(java.util.stream.Collectors.toSet());
    }

    private static JsonObject importGleif(String imports, byte[] zip) {
        Response accepted = admin.request("POST", imports).body("application/zip", zip).send().expect(202);
        assertTrue(accepted.header("Location").endsWith("/jobs/" + accepted.text("id")), accepted.describe());
        return admin.awaitJob(accepted.text("id"), j -> { });
    }

    /** Each problem as "line field". */
    private static List<String> problems(JsonObject job) {
        return StreamSupport.stream(job.getAsJsonArray("problems").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .map(p -> p.get("line").getAsLong() + " " + p.get("field").getAsString()).toList();
    }

    private static String node(JsonObject level, String namePrefix) {
        return StreamSupport.stream(level.getAsJsonArray("items").spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(n -> n.get("name").getAsString().startsWith(namePrefix))
                .findFirst().orElseThrow().get("id").getAsString();
    }

    /** The golden copies of {@code src/test/resources/gleif} as GLEIF names them, the RR-CDF replaced by {@code rr}. */
    private static byte[] gleifZip(String rr) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String name : List.of("lei-cdf.csv", "rr-cdf.csv")) {
                zip.putNextEntry(new java.util.zip.ZipEntry("20270308-gleif-goldencopy-" + name));
                zip.write((name.equals("rr-cdf.csv") && rr != null ? rr : resource(name))
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String resource(String name) {
        try (java.io.InputStream in = HierarchyIT.class.getResourceAsStream("/gleif/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rollupsGiveTheMeanAndMinimumScoreOfAChosenModel() {
        // share of wallet = annual sales / (potential / 3): it depends on the account alone, so no other test moves it
        String holding = createAccount(admin, unitA, Fixtures.unique("scored-holding"), "annualSales", 1000,
                "potential", 6000).get("id").getAsString(); // 50 %
        String big = createAccount(admin, unitB, Fixtures.unique("scored-big"), "annualSales", 600,
                "potential", 3000).get("id").getAsString(); // 60 %
        String small = createAccount(admin, unitB, Fixtures.unique("scored-small"), "annualSales", 100,
                "potential", 3000).get("id").getAsString(); // 10 %
        String id = admin.post("/hierarchies", json("name", Fixtures.unique("Scored"), "businessUnit", unitA))
                .expect(201).text("id");
        String h = admin.post(path(id, "/nodes"), json("accountId", holding)).expect(201).text("id");
        String region = admin.post(path(id, "/nodes"), json("name", "Region")).expect(201).text("id");
        link(id, h, region, "regional-grouping");
        for (String account : List.of(big, small)) {
            link(id, region, admin.post(path(id, "/nodes"), json("accountId", account)).expect(201).text("id"),
                    "subsidiary");
        }
        String rollup = path(id, "/nodes/" + h + "/rollup?asOf=" + DAY);
        assertTrue(admin.get(rollup).expect(200).object().get("scores").isJsonNull(), "no model asked for");

        // the units' accounts are scored by the engine on its own after they change; wait for all three
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonObject scores;
        do {
            scores = admin.get(rollup + "&scoreModel=share-of-wallet").expect(200).object().getAsJsonObject("scores");
        } while (scores.getAsJsonObject("scored").get("total").getAsInt() < 3 && System.nanoTime() < deadline
                && pause());
        assertEquals("share-of-wallet", scores.get("model").getAsString());
        assertEquals(List.of(1, 2, 3), parts(scores, "scored").stream().map(Double::intValue).toList(),
                scores.toString());
        assertEquals(List.of(50.0, 35.0, 40.0), parts(scores, "mean"));
        assertEquals(List.of(50.0, 10.0, 10.0), parts(scores, "minimum"));

        JsonObject unknown = admin.get(rollup + "&scoreModel=no-such-model").expect(200).object()
                .getAsJsonObject("scores");
        assertEquals(0, unknown.getAsJsonObject("scored").get("total").getAsInt());
        assertTrue(unknown.getAsJsonObject("mean").get("total").isJsonNull(), "nothing scored: no mean");
    }

    private static List<Double> parts(JsonObject scores, String figure) {
        JsonObject part = scores.getAsJsonObject(figure);
        return List.of(part.get("own").getAsDouble(), part.get("children").getAsDouble(),
                part.get("total").getAsDouble());
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonObject rollup(Acme acme, String node) {
        return admin.get(path(acme.id(), "/nodes/" + node + "/rollup?asOf=" + DAY)).expect(200).object();
    }

    private static double amount(JsonObject figure, String part) {
        JsonElement e = figure.getAsJsonObject(part).get("amount");
        return e.getAsDouble();
    }
}
