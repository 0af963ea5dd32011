package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The scoring plugin through HTTP on the real product: the built-in models enabled for one unit by
 * configuration files in etc/ (the shipped ones for every unit deleted, as an administrator disables them), the
 * unit's automatic first run, a rescoring run as a job, an account's scores with explanation and history, the
 * portfolio with movement, key account recommendations, and bad input refused by field without storing
 * anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringIT {

    private static final Set<String> BUILT_IN = Set.of("weighted-criteria", "portfolio-matrix", "abc-analysis",
            "customer-lifetime-value", "share-of-wallet", "account-health");
    private static OpenKamProcess openkam;
    private static Api admin;
    private static String unit;
    private static String bare;
    private static List<String> accounts = new ArrayList<>();
    /** The unit's first run, started by the engine. */
    private static JsonObject firstRun;

    @BeforeAll
    static void start() {
        unit = Fixtures.unique("scoring");
        openkam = OpenKamProcess.create("ScoringIT");
        // one factory configuration per model enables it for the unit (FileInstall: <factory pid>-<name>.cfg);
        // without the shipped ones for every unit, the other units have no model
        for (String pid : List.of("weighted", "matrix", "abc", "clv", "wallet", "health")) {
            deleteEtc("org.openkam.scoring." + pid + "-default.cfg");
            openkam.writeEtc("org.openkam.scoring." + pid + "-it.cfg", Map.of("businessUnit", unit));
        }
        openkam.writeEtc("org.openkam.scoring.selection-it.cfg", Map.of("businessUnit", unit, "target.min", "1",
                "target.max", "2"));
        openkam.start();
        admin = openkam.admin();
        admin.post("/business-units", json("id", unit, "name", "Scoring " + unit)).expect(201);
        bare = Fixtures.createUnit(admin, "bare");
        long[][] figures = {{4_000_000, 1_200_000, 15_000_000}, {2_500_000, 500_000, 9_000_000},
            {1_500_000, 300_000, 12_000_000}, {600_000, 90_000, 3_000_000}, {200_000, 20_000, 6_000_000}};
        for (int i = 0; i < figures.length; i++) {
            accounts.add(createAccount(admin, unit, "Scored " + (i + 1), "annualSales", figures[i][0],
                    "contributionMargin", figures[i][1], "potential", figures[i][2], "tier", i < 2 ? "key" : "none",
                    "attributes", Map.of("growth", String.valueOf(12 - 4 * i), "referenceValue", "4"))
                    .get("id").getAsString());
        }
        // a unit its models never scored is scored in full by itself once its accounts stop changing
        accounts.forEach(id -> awaitHistory(id, 0));
        String runId = awaitHistory(accounts.get(0), 0).getAsJsonArray("history").get(0).getAsJsonObject()
                .get("runId").getAsString();
        firstRun = admin.awaitJob(runId, j -> { });
    }

    private static void deleteEtc(String fileName) {
        Path file = openkam.home().resolve("etc").resolve(fileName);
        assertTrue(Files.isRegularFile(file), "the product ships " + file);
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    @Order(1)
    void theInstalledModelsAreListedWithTheUnitsTheyAreEnabledFor() {
        JsonArray items = admin.get("/scoring/models").expect(200).items();
        Map<String, JsonObject> byId = StreamSupport.stream(items.spliterator(), false).map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(m -> m.get("id").getAsString(), m -> m));
        assertTrue(byId.keySet().containsAll(BUILT_IN), "built-in models: " + byId.keySet());
        JsonObject abc = byId.get("abc-analysis");
        assertEquals("1.0.0", abc.get("version").getAsString());
        assertEquals("active", abc.get("state").getAsString());
        assertTrue(abc.get("reason").isJsonNull());
        assertEquals("ABC analysis", abc.get("name").getAsString());
        assertFalse(abc.getAsJsonArray("criteria").isEmpty());
        JsonArray enabled = abc.getAsJsonArray("businessUnits");
        assertEquals(1, enabled.size(), abc.toString());
        assertEquals(unit, enabled.get(0).getAsJsonObject().get("businessUnit").getAsString());
        assertEquals("80", enabled.get(0).getAsJsonObject().getAsJsonObject("parameters").get("a.cutoff").getAsString());

        Response one = admin.get("/scoring/models/portfolio-matrix").expect(200);
        assertEquals("millman-wilson", one.object().getAsJsonObject("parameters").get("scheme").getAsString());
        admin.get("/scoring/models/no-such-model").expectProblem(404);
        admin.post("/scoring/models", json()).expectProblem(405);
        admin.get("/scoring/nothing-here").expectProblem(404);
    }

    @Test
    @Order(2)
    void aRunScoresTheUnitAndTheScoresExplainThemselves() {
        JsonObject job = run(admin);
        assertEquals("succeeded", job.get("state").getAsString(), job.toString());
        assertEquals(accounts.size(), job.get("done").getAsLong(), job.toString());
        assertEquals(accounts.size(), job.get("total").getAsLong(), job.toString());

        JsonObject scores = admin.get("/scoring/accounts/" + accounts.get(0) + "/scores").expect(200).object();
        Map<String, JsonObject> byModel = models(scores);
        assertEquals(BUILT_IN, byModel.keySet(), scores.toString());
        JsonObject matrix = byModel.get("portfolio-matrix");
        assertEquals(job.get("id").getAsString(), matrix.get("runId").getAsString());
        assertTrue(matrix.get("modelInstalled").getAsBoolean());
        assertFalse(matrix.get("classification").isJsonNull(), matrix.toString());
        assertNotNull(matrix.getAsJsonObject("classification").get("recommendation").getAsString());
        assertTrue(matrix.getAsJsonObject("measures").has("attractiveness"), matrix.toString());
        JsonArray contributions = matrix.getAsJsonArray("contributions");
        assertTrue(StreamSupport.stream(contributions.spliterator(), false).anyMatch(c -> c.getAsJsonObject()
                .get("factor").getAsString().equals("attractiveness.sales")
                && c.getAsJsonObject().get("input").getAsString().equals("4000000 EUR")), contributions.toString());
        JsonArray history = matrix.getAsJsonArray("history");
        assertEquals(2, history.size(), "scored by the unit's first run, then by this run: " + history);
        assertEquals(job.get("id").getAsString(), history.get(0).getAsJsonObject().get("runId").getAsString());
        // the first run is a job like any other, started by the engine itself
        assertEquals(firstRun.get("id").getAsString(), history.get(1).getAsJsonObject().get("runId").getAsString());
        assertEquals("scoring-run", firstRun.get("type").getAsString());
        assertEquals("succeeded", firstRun.get("state").getAsString(), firstRun.toString());
        assertEquals(accounts.size(), firstRun.get("done").getAsLong(), firstRun.toString());
        // the largest of five accounts with 4.0 of 8.8 million sales is A
        assertEquals("A", byModel.get("abc-analysis").getAsJsonObject("classification").get("id").getAsString());
        assertEquals(100.0, byModel.get("abc-analysis").get("score").getAsDouble());
        // 4,000,000 a year of 5,000,000 a year (15,000,000 over three years): 80 %
        assertEquals(80.0, byModel.get("share-of-wallet").get("score").getAsDouble());

        JsonObject onlyAbc = admin.get("/scoring/accounts/" + accounts.get(0) + "/scores?model=abc-analysis&limit=5")
                .expect(200).object();
        assertEquals(Set.of("abc-analysis"), models(onlyAbc).keySet());
        admin.get("/scoring/accounts/" + accounts.get(0) + "/scores?limit=0").expectProblem(400);
        admin.get("/scoring/accounts/no-such-account/scores").expectProblem(404);
        // the core API still answers its own paths beside the plugin's prefix
        admin.get("/accounts/" + accounts.get(0)).expect(200);
    }

    @Test
    @Order(3)
    void thePortfolioShowsEveryAccountInACellAndItsMovement() {
        String first = accounts.get(3);
        JsonObject before = admin.get("/accounts/" + first).expect(200).object();
        int scored = history(first);
        // more sales and margin for account 4: it moves up in the matrix
        admin.patch("/accounts/" + first, json("annualSales", 2_400_000, "contributionMargin", 600_000),
                "If-Match", Fixtures.etag(before.get("version").getAsLong())).expect(200);
        awaitHistory(first, scored); // rescored after the change; movement still counts from the last run
        run(admin);

        JsonObject portfolio = admin.get("/scoring/portfolio?businessUnit=" + unit).expect(200).object();
        assertEquals("portfolio-matrix", portfolio.get("model").getAsString());
        JsonArray points = portfolio.getAsJsonArray("points");
        assertEquals(accounts.size(), points.size(), portfolio.toString());
        assertTrue(portfolio.getAsJsonArray("unscored").isEmpty());
        JsonObject moved = null;
        for (JsonElement e : points) {
            JsonObject p = e.getAsJsonObject();
            assertFalse(p.get("cell").isJsonNull(), p.toString());
            assertFalse(p.get("attractiveness").isJsonNull(), p.toString());
            assertFalse(p.get("strength").isJsonNull(), p.toString());
            assertFalse(p.get("annualSales").isJsonNull(), p.toString());
            assertFalse(p.get("previous").isJsonNull(), "every account was scored before: " + p);
            if (p.get("accountId").getAsString().equals(first)) {
                moved = p;
            }
        }
        assertNotNull(moved);
        assertTrue(moved.getAsJsonObject("movement").get("attractiveness").getAsDouble() > 0, moved.toString());
        assertTrue(portfolio.get("nextCursor").isJsonNull(), "one page holds the unit");
        assertEquals(accounts.size(), portfolio.get("total").getAsInt());

        // a page at a time: the pages by name add up to the unit, each account once, counted on the first only
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = admin.get("/scoring/portfolio?businessUnit=" + unit + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .expect(200).object();
            assertEquals(pages == 0, !page.get("total").isJsonNull(), page.toString());
            page.getAsJsonArray("points").forEach(p -> paged.add(p.getAsJsonObject().get("accountId").getAsString()));
            assertTrue(page.getAsJsonArray("points").size() <= 2, page.toString());
            cursor = page.get("nextCursor").isJsonNull() ? null : page.get("nextCursor").getAsString();
            pages++;
        } while (cursor != null);
        List<String> byName = new ArrayList<>();
        points.forEach(p -> byName.add(p.getAsJsonObject().get("accountId").getAsString()));
        assertEquals(byName, paged, "the same accounts in the same order");
        assertEquals((accounts.size() + 1) / 2, pages);

        // the accounts that moved most, the largest change of score first, in one page
        double largest = 0;
        for (JsonElement e : points) {
            JsonObject movement = e.getAsJsonObject().getAsJsonObject("movement");
            largest = Math.max(largest, Math.abs(movement.get("score").getAsDouble()));
        }
        assertTrue(largest > 0, "the changed account's score moved: " + points);
        JsonObject movers = admin.get("/portfolio?businessUnit=" + unit + "&order=movement&limit=1").expect(200)
                .object();
        assertEquals(1, movers.getAsJsonArray("points").size(), movers.toString());
        JsonObject top = movers.getAsJsonArray("points").get(0).getAsJsonObject();
        assertEquals(largest, Math.abs(top.getAsJsonObject("movement").get("score").getAsDouble()), movers.toString());
        assertTrue(movers.get("nextCursor").isJsonNull() && movers.get("total").isJsonNull(), movers.toString());

        assertEquals(Set.of("businessUnit"), admin.get("/scoring/portfolio").expectProblem(400).problemFields());
        admin.get("/scoring/portfolio?businessUnit=no-such-unit").expectProblem(404);
        assertEquals(Set.of("limit"), admin.get("/scoring/portfolio?businessUnit=" + unit + "&limit=501")
                .expectProblem(400).problemFields());
        assertEquals(Set.of("order"), admin.get("/scoring/portfolio?businessUnit=" + unit + "&order=sales")
                .expectProblem(400).problemFields());
        assertEquals(Set.of("cursor"), admin.get("/scoring/portfolio?businessUnit=" + unit
                + "&order=movement&cursor=abc").expectProblem(400).problemFields());
        assertEquals(Set.of("cursor"), admin.get("/scoring/portfolio?businessUnit=" + unit + "&cursor=not-a-cursor")
                .expectProblem(400).problemFields());
    }

    @Test
    @Order(4)
    void keyAccountRecommendationsFollowThePortfolioAndTheTarget() {
        JsonObject r = admin.get("/scoring/key-account-recommendations?businessUnit=" + unit).expect(200).object();
        JsonObject target = r.getAsJsonObject("target");
        assertEquals(1, target.get("min").getAsInt());
        assertEquals(2, target.get("max").getAsInt());
        JsonArray recommended = r.getAsJsonArray("recommended");
        assertTrue(recommended.size() >= 1 && recommended.size() <= 2, r.toString());
        for (JsonElement e : recommended) {
            JsonObject a = e.getAsJsonObject();
            assertFalse(a.get("reason").getAsString().isBlank());
            assertTrue(Set.of("key", "strategic").contains(a.get("recommendedTier").getAsString()), a.toString());
            assertTrue(Set.of("keep", "add").contains(a.get("change").getAsString()), a.toString());
        }
        for (JsonElement e : r.getAsJsonArray("leave")) {
            assertEquals("key", e.getAsJsonObject().get("currentTier").getAsString(), e.toString());
            assertEquals("none", e.getAsJsonObject().get("recommendedTier").getAsString(), e.toString());
        }
        assertEquals(accounts.size(), target.get("candidates").getAsInt(), "every placed account: " + r);
        assertTrue(r.getAsJsonArray("unscored").isEmpty(), r.toString());

        // a key account the portfolio does not place is named with what to do; it is no candidate
        JsonObject unplaced = admin.post("/accounts", json("businessUnit", unit, "name", "Unplaced strategic",
                "tier", "strategic")).expect(201).object();
        JsonObject again = admin.get("/key-account-recommendations?businessUnit=" + unit).expect(200).object();
        assertEquals(accounts.size(), again.getAsJsonObject("target").get("candidates").getAsInt(), again.toString());
        JsonArray unscored = again.getAsJsonArray("unscored");
        assertEquals(1, unscored.size(), again.toString());
        assertEquals(unplaced.get("id").getAsString(), unscored.get(0).getAsJsonObject().get("accountId").getAsString());
        assertEquals("strategic", unscored.get(0).getAsJsonObject().get("tier").getAsString());
        assertTrue(unscored.get(0).getAsJsonObject().get("reason").getAsString().contains("rescore the unit"),
                unscored.toString());
        admin.delete("/accounts/" + unplaced.get("id").getAsString(), "If-Match",
                Fixtures.etag(unplaced.get("version").getAsLong())).expect(204);

        // a placed account counts until it is deleted; its scores stay as history, it is no candidate any more
        JsonObject brief = createAccount(admin, unit, "Scored briefly", "annualSales", 3_000_000,
                "contributionMargin", 900_000, "potential", 10_000_000, "tier", "none");
        String briefId = brief.get("id").getAsString();
        awaitHistory(briefId, 0);
        JsonObject matrix = models(admin.get("/scoring/accounts/" + briefId + "/scores").expect(200).object())
                .get("portfolio-matrix");
        assertFalse(matrix.getAsJsonObject("classification").get("id").getAsString().isBlank(), matrix.toString());
        assertEquals(accounts.size() + 1, admin.get("/key-account-recommendations?businessUnit=" + unit).expect(200)
                .object().getAsJsonObject("target").get("candidates").getAsInt());
        admin.delete("/accounts/" + briefId, "If-Match", Fixtures.etag(brief.get("version").getAsLong())).expect(204);
        JsonObject after = admin.get("/key-account-recommendations?businessUnit=" + unit).expect(200).object();
        assertEquals(accounts.size(), after.getAsJsonObject("target").get("candidates").getAsInt(), after.toString());
        assertFalse(after.toString().contains(briefId), after.toString());
        admin.get("/scoring/key-account-recommendations").expectProblem(400);
    }

    @Test
    @Order(5)
    void badRunRequestsAreRefusedByFieldAndStoreNothing() {
        int history = history(accounts.get(1));
        assertEquals(Set.of("businessUnit"), admin.post("/scoring/runs", json()).expectProblem(400).problemFields());
        assertEquals(Set.of("businessUnit"), admin.post("/scoring/runs", json("businessUnit", 42))
                .expectProblem(400).problemFields());
        assertEquals(Set.of("unit"), admin.post("/scoring/runs", json("businessUnit", unit, "unit", unit))
                .expectProblem(400).problemFields());
        assertEquals(Set.of("body"), admin.request("POST", "/scoring/runs").body("application/json",
                "[1,".getBytes(StandardCharsets.UTF_8)).send().expectProblem(400).problemFields());
        admin.request("POST", "/scoring/runs").body("text/plain", unit.getBytes(StandardCharsets.UTF_8)).send()
                .expectProblem(415);
        admin.post("/scoring/runs", json("businessUnit", "no-such-unit")).expectProblem(404);
        assertEquals(Set.of("businessUnit"), admin.post("/scoring/runs", json("businessUnit", bare))
                .expectProblem(409).problemFields(), "no model is enabled for that unit");

        String viewerName = Fixtures.unique("viewer");
        Fixtures.createUser(admin, viewerName, unit, "viewer");
        Api viewer = openkam.api().signIn(viewerName, Fixtures.PASSWORD);
        viewer.post("/scoring/runs", json("businessUnit", unit)).expectProblem(403);
        viewer.get("/scoring/accounts/" + accounts.get(1) + "/scores").expect(200);
        viewer.get("/scoring/portfolio?businessUnit=" + bare).expectProblem(404);
        viewer.delete("/scoring/models/abc-analysis/quarantine").expectProblem(403);
        openkam.api().get("/api/v1/scoring/models").expectProblem(401);

        assertEquals(history, history(accounts.get(1)), "refused runs store no score");
    }

    @Test
    @Order(6)
    void aChangedAccountIsRescoredWithoutARun() {
        String id = accounts.get(4);
        int before = history(id);
        JsonObject account = admin.get("/accounts/" + id).expect(200).object();
        admin.patch("/accounts/" + id, json("potential", 600_000), "If-Match",
                Fixtures.etag(account.get("version").getAsLong())).expect(200);
        JsonObject wallet = awaitHistory(id, before);
        assertTrue(wallet.get("runId").isJsonNull(), wallet.toString());
        // 200,000 a year of 200,000 a year: 100 %
        assertEquals(100.0, wallet.get("score").getAsDouble(), wallet.toString());
    }

    private JsonObject run(Api api) {
        Response accepted = api.post("/scoring/runs", json("businessUnit", unit)).expect(202);
        String jobId = accepted.object().get("id").getAsString();
        assertTrue(accepted.header("Location").endsWith("/api/v1/jobs/" + jobId), accepted.describe());
        assertEquals("scoring-run", accepted.object().get("type").getAsString());
        return api.awaitJob(jobId, j -> { });
    }

    private static Map<String, JsonObject> models(JsonObject scores) {
        return StreamSupport.stream(scores.getAsJsonArray("models").spliterator(), false)
                .map(JsonElement::getAsJsonObject).collect(Collectors.toMap(m -> m.get("modelId").getAsString(), m -> m));
    }

    /** Waits until the account's share-of-wallet history grows beyond {@code size}; returns that model's scores. */
    private static JsonObject awaitHistory(String accountId, int size) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonObject wallet = null;
        while (System.nanoTime() < deadline) {
            wallet = models(admin.get("/scoring/accounts/" + accountId + "/scores").expect(200).object())
                    .get("share-of-wallet");
            if (wallet != null && wallet.getAsJsonArray("history").size() > size) {
                return wallet;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no rescoring of " + accountId + " after the change: " + wallet);
    }

    private static int history(String accountId) {
        JsonObject scores = admin.get("/scoring/accounts/" + accountId + "/scores?model=share-of-wallet").expect(200)
                .object();
        return models(scores).get("share-of-wallet").getAsJsonArray("history").size();
    }
}
