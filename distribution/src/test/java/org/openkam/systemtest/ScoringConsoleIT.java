package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The scoring plugin's console pages on the real product, with the shipped configurations that enable every
 * built-in model for every unit: the pages' modules come from the scoring bundle with the console's headers, the
 * navigation lists them to the right users, a unit administrator switches a built-in model off for their unit
 * (which a run then leaves out) and on again, and the portfolio answers its matrix cells for the chart.
 */
class ScoringConsoleIT {

    private static final List<String> MODULES = List.of("portfolio.js", "models.js", "recommendations.js",
            "common.js");
    private static final String MATRIX = "/scoring/models/portfolio-matrix";
    private static OpenKamProcess openkam;
    private static Api anonymous;
    private static Api admin;
    private static Api viewer;
    private static Api boss;
    private static Api manager;
    private static String unit;
    private static final List<String> accounts = new ArrayList<>();

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("ScoringConsoleIT");
        anonymous = openkam.api();
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "scoringui");
        viewer = user("viewer");
        boss = user("bu-admin");
        manager = user("key-account-manager");
        long[][] figures = {{4_000_000, 1_200_000, 15_000_000}, {1_500_000, 300_000, 12_000_000},
            {200_000, 20_000, 6_000_000}};
        for (int i = 0; i < figures.length; i++) {
            accounts.add(createAccount(admin, unit, "Console " + (i + 1), "annualSales", figures[i][0],
                    "contributionMargin", figures[i][1], "potential", figures[i][2],
                    "attributes", Map.of("growth", String.valueOf(12 - 4 * i), "referenceValue", "4"))
                    .get("id").getAsString());
        }
        // the unit's first run (which may have started by itself) is over before the tests switch models
        JsonObject first = run();
        assertEquals("succeeded", first.get("state").getAsString(), first.toString());
    }

    private static Api user(String role) {
        String username = Fixtures.unique("scoringui-" + role.substring(0, 3));
        Fixtures.createUser(admin, username, unit, role);
        return openkam.api().signIn(username, Fixtures.PASSWORD);
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void theModulesComeFromTheScoringBundleAsJavaScriptWithTheConsolesHeaders() {
        String shellPolicy = anonymous.get("/console/", "Accept", "text/html").expect(200)
                .header("Content-Security-Policy");
        for (String module : MODULES) {
            Response r = anonymous.get("/console/plugins/scoring/" + module, "Accept", "*/*").expect(200);
            assertTrue(r.contentType().toLowerCase(Locale.ROOT).startsWith("text/javascript"), r.describe());
            assertEquals("nosniff", r.header("X-Content-Type-Options"), r.describe());
            assertEquals(shellPolicy, r.header("Content-Security-Policy"), "the shell's policy: " + r.describe());
            assertTrue(r.body().contains("export "), module);
            assertFalse(r.body().contains("innerHTML"), module + " never parses data as markup");
        }
        for (String bad : List.of("missing.js", "portfolio.css", "sub/portfolio.js", "OSGI-INF/openkam/openapi.json",
                "")) {
            Response r = anonymous.get("/console/plugins/scoring/" + bad, "Accept", "*/*");
            assertTrue(r.status() == 404 || r.status() == 400, bad + ": " + r.describe());
            assertFalse(r.body().contains("export async function render"), bad + " serves no module");
        }
    }

    @Test
    void theNavigationListsThePagesToTheRightUsers() {
        Map<String, JsonObject> forAdmin = scoringPages(admin);
        assertEquals(List.of("scoring-portfolio", "scoring-recommendations", "scoring-models"),
                List.copyOf(forAdmin.keySet()), "in navigation order");
        assertEquals("Portfolio", forAdmin.get("scoring-portfolio").get("title").getAsString());
        assertEquals("Key-account candidates", forAdmin.get("scoring-recommendations").get("title").getAsString());
        assertEquals("Scoring models", forAdmin.get("scoring-models").get("title").getAsString());
        for (JsonObject page : forAdmin.values()) {
            assertEquals("Scoring", page.get("group").getAsString());
            String module = page.get("moduleUrl").getAsString();
            assertTrue(module.startsWith("/console/plugins/scoring/"), module);
            assertTrue(anonymous.get(module, "Accept", "*/*").expect(200).body()
                    .contains("export async function render(element, context)"), module);
        }
        assertEquals(forAdmin.keySet(), scoringPages(boss).keySet(), "a unit administrator sees every page");
        assertEquals(List.of("scoring-portfolio", "scoring-recommendations"), List.copyOf(scoringPages(viewer).keySet()),
                "the models page is for unit administrators");
        assertEquals(List.of("scoring-portfolio", "scoring-recommendations"),
                List.copyOf(scoringPages(manager).keySet()));
    }

    @Test
    void aUnitAdministratorSwitchesABuiltInModelOffForTheUnitAndOnAgain() throws InterruptedException {
        JsonObject model = admin.get(MATRIX).expect(200).object();
        assertEquals("org.openkam.scoring", model.get("bundle").getAsString(), model.toString());
        assertEquals("org.openkam.scoring.matrix", model.get("factoryPid").getAsString());
        assertEquals(Map.of("*", "true every-unit", unit, "true every-unit"), switches(boss, MATRIX),
                "the shipped configuration for every unit enables it");
        int enabledBefore = modelsScoring(unit);

        JsonObject off = boss.put(MATRIX + "/units/" + unit + "/enabled", json("enabled", false)).expect(200).object();
        assertFalse(off.get("enabled").getAsBoolean(), off.toString());
        assertFalse(off.get("pid").isJsonNull(), "the unit got a configuration of its own: " + off);
        assertNotNull(await(MATRIX, s -> "false unit".equals(s.get(unit))), "switched off: " + switches(admin, MATRIX));
        assertEquals("true every-unit", switches(admin, MATRIX).get("*"), "other units keep it");
        assertEquals(enabledBefore - 1, modelsScoring(unit));

        JsonObject job = run();
        assertEquals("succeeded", job.get("state").getAsString(), job.toString());
        assertTrue(job.get("summary").getAsString().contains("with " + (enabledBefore - 1) + " model(s)"),
                job.toString());
        Map<String, String> runs = runIds(accounts.get(0));
        assertNotEquals(job.get("id").getAsString(), runs.get("portfolio-matrix"), "the run left the matrix out");
        assertEquals(job.get("id").getAsString(), runs.get("abc-analysis"), "and scored with the others: " + runs);

        JsonObject on = boss.put(MATRIX + "/units/" + unit + "/enabled", json("enabled", true)).expect(200).object();
        assertTrue(on.get("enabled").getAsBoolean(), on.toString());
        assertTrue(on.get("pid").isJsonNull(), "the configuration for every unit takes over again: " + on);
        assertNotNull(await(MATRIX, s -> "true every-unit".equals(s.get(unit))), "on: " + switches(admin, MATRIX));
        assertEquals(enabledBefore, modelsScoring(unit));
    }

    @Test
    void aConfigurationWrittenSwitchedOffKeepsItsParameters() throws InterruptedException {
        String abc = "/scoring/models/abc-analysis";
        JsonObject written = boss.put(abc + "/units/" + unit, json("enabled", false, "parameters",
                Map.of("a.cutoff", 70))).expect(200).object();
        assertFalse(written.get("enabled").getAsBoolean());
        assertNotNull(await(abc, s -> "false unit".equals(s.get(unit))), switches(admin, abc).toString());
        JsonObject on = boss.put(abc + "/units/" + unit + "/enabled", json("enabled", true)).expect(200).object();
        assertFalse(on.get("pid").isJsonNull(), "a unit with parameters of its own keeps its configuration: " + on);
        assertEquals("70", on.getAsJsonObject("parameters").get("a.cutoff").getAsString().replace(".0", ""));
        assertNotNull(await(abc, s -> "true unit".equals(s.get(unit))), switches(admin, abc).toString());
        boss.delete(abc + "/units/" + unit).expect(204);
        assertNotNull(await(abc, s -> "true every-unit".equals(s.get(unit))), switches(admin, abc).toString());
    }

    @Test
    void badSwitchesAreRefusedByField() {
        String path = MATRIX + "/units/" + unit + "/enabled";
        assertEquals(Set.of("enabled"), boss.put(path, json()).expectProblem(400).problemFields());
        assertEquals(Set.of("enabled"), boss.put(path, json("enabled", "no")).expectProblem(400).problemFields());
        assertEquals(Set.of("colour"), boss.put(path, json("enabled", true, "colour", "red")).expectProblem(400)
                .problemFields());
        assertEquals(Set.of("parameters.enabled"), boss.put(MATRIX + "/units/" + unit, json("parameters",
                Map.of("enabled", false))).expectProblem(400).problemFields());
        assertEquals(Set.of("enabled"), boss.put(MATRIX + "/units/" + unit, json("enabled", "off"))
                .expectProblem(400).problemFields());
        manager.put(path, json("enabled", false)).expectProblem(403);
        boss.put(MATRIX + "/units/*/enabled", json("enabled", false)).expectProblem(403);
        admin.put("/scoring/models/no-such-model/units/" + unit + "/enabled", json("enabled", false))
                .expectProblem(404);
        admin.put(MATRIX + "/units/no-such-unit/enabled", json("enabled", false)).expectProblem(404);
        anonymous.put(path, json("enabled", false)).expectProblem(401);
        assertEquals("true every-unit", switches(admin, MATRIX).get(unit), "nothing was switched");
    }

    @Test
    void thePortfolioAnswersItsCellsAndAnAccountsHistoryIsALineChartsSeries() {
        JsonObject job = run();
        assertEquals("succeeded", job.get("state").getAsString(), job.toString());
        JsonObject portfolio = viewer.get("/scoring/portfolio?businessUnit=" + unit).expect(200).object();
        JsonArray grid = portfolio.getAsJsonArray("grid");
        assertEquals(9, grid.size(), portfolio.toString());
        Set<String> strategies = new HashSet<>();
        for (JsonElement cell : grid) {
            JsonObject c = cell.getAsJsonObject();
            strategies.add(c.get("strategy").getAsString());
            assertTrue(c.get("attractivenessFrom").getAsDouble() < c.get("attractivenessTo").getAsDouble(), c.toString());
        }
        assertEquals(Set.of("Invest for growth", "Invest selectively", "Maintain", "Manage for cash", "Withdraw"),
                strategies);
        assertEquals(accounts.size(), portfolio.getAsJsonArray("points").size(), portfolio.toString());

        JsonObject scores = viewer.get("/accounts/" + accounts.get(0) + "/scores").expect(200).object();
        for (JsonElement m : scores.getAsJsonArray("models")) {
            JsonArray history = m.getAsJsonObject().getAsJsonArray("history");
            assertFalse(history.isEmpty(), m.toString());
            for (JsonElement h : history) {
                assertTrue(h.getAsJsonObject().get("scoredAt").getAsString().endsWith("Z"), h.toString());
                assertTrue(h.getAsJsonObject().has("score"), h.toString());
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Map<String, JsonObject> scoringPages(Api api) {
        Map<String, JsonObject> pages = new LinkedHashMap<>();
        for (JsonElement p : api.get("/api/v1/console/pages").expect(200).array()) {
            JsonObject page = p.getAsJsonObject();
            if (page.get("id").getAsString().startsWith("scoring-")) {
                pages.put(page.get("id").getAsString(), page);
            }
        }
        return pages;
    }

    /** The model's switches as "enabled source" by unit. */
    private static Map<String, String> switches(Api api, String model) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonElement e : api.get(model).expect(200).object().getAsJsonArray("switches")) {
            JsonObject s = e.getAsJsonObject();
            out.put(s.get("businessUnit").getAsString(), s.get("enabled").getAsBoolean() + " "
                    + s.get("source").getAsString());
        }
        return out;
    }

    private static Map<String, String> await(String model, Predicate<Map<String, String>> condition)
            throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            Map<String, String> s = switches(admin, model);
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(250);
        }
        return null;
    }

    /** How many installed models score the unit. */
    private static int modelsScoring(String businessUnit) {
        int n = 0;
        for (JsonElement m : admin.get("/scoring/models").expect(200).items()) {
            for (JsonElement s : m.getAsJsonObject().getAsJsonArray("switches")) {
                JsonObject sw = s.getAsJsonObject();
                if (sw.get("businessUnit").getAsString().equals(businessUnit) && sw.get("enabled").getAsBoolean()) {
                    n++;
                }
            }
        }
        return n;
    }

    private static JsonObject run() {
        Response accepted = manager.post("/scoring/runs", json("businessUnit", unit)).expect(202);
        return manager.awaitJob(accepted.object().get("id").getAsString(), j -> { });
    }

    /** The run that computed each current score of the account, by model. */
    private static Map<String, String> runIds(String accountId) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonElement m : admin.get("/accounts/" + accountId + "/scores").expect(200).object()
                .getAsJsonArray("models")) {
            JsonObject score = m.getAsJsonObject();
            out.put(score.get("modelId").getAsString(), score.get("runId").isJsonNull() ? null
                    : score.get("runId").getAsString());
        }
        return out;
    }
}
