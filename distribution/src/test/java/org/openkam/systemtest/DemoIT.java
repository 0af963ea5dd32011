package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The product started with {@code --demo}: the demo data set, and the OpenAPI document against the routes. */
class DemoIT {

    private static OpenKamProcess openkam;
    private static Api admin;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.startWithDemo("DemoIT");
        admin = openkam.admin();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void aboutFiftyAccountsInThreeBusinessUnits() {
        JsonArray units = admin.get("/business-units").expect(200).array();
        assertEquals(3, units.size(), "the demo has three business units: " + units);

        Response list = admin.get("/accounts?total=true&limit=500").expect(200);
        long total = list.object().get("total").getAsLong();
        assertTrue(total >= 45 && total <= 55, "about 50 demo accounts expected, found " + total);
        assertEquals(total, list.items().size(), "one page of 500 holds them all");
        Set<String> accountUnits = StreamSupport.stream(list.items().spliterator(), false)
                .map(e -> e.getAsJsonObject().get("businessUnit").getAsString()).collect(Collectors.toSet());
        Set<String> unitIds = StreamSupport.stream(units.spliterator(), false)
                .map(e -> e.getAsJsonObject().get("id").getAsString()).collect(Collectors.toSet());
        assertEquals(unitIds, accountUnits, "the accounts spread across the three units");
        assertTrue(admin.get("/users").expect(200).array().size() > 1, "the demo brings users");
    }

    /** The account 360 of every demo key account tells the whole key account management story. */
    @Test
    void everyDemoKeyAccountOverviewShowsTheWholeProcess() {
        JsonArray keyAccounts = admin.get("/accounts?tier=key&limit=500").expect(200).items();
        keyAccounts.addAll(admin.get("/accounts?tier=strategic&limit=500").expect(200).items());
        assertTrue(keyAccounts.size() >= 10, "the demo has key accounts: " + keyAccounts.size());
        for (JsonElement e : keyAccounts) {
            String id = e.getAsJsonObject().get("id").getAsString();
            String name = e.getAsJsonObject().get("name").getAsString();
            JsonObject o = admin.get("/accounts/" + id + "/overview").expect(200).object();
            assertFalse(o.getAsJsonArray("team").isEmpty(), name + ": a team");
            JsonObject coverage = o.getAsJsonObject("buyingCenter");
            assertFalse(coverage.getAsJsonArray("unfilledRoles").isEmpty(), name + ": a coverage gap " + coverage);
            assertTrue(o.get("activePlan").isJsonObject(), name + ": an active plan");
            int completion = o.getAsJsonObject("activePlan").get("completion").getAsInt();
            assertTrue(completion > 0 && completion < 100, name + ": a plan under way, completion " + completion);
            JsonArray open = o.getAsJsonArray("openOpportunities");
            assertFalse(open.isEmpty(), name + ": open opportunities");
            assertTrue(open.get(0).getAsJsonObject().getAsJsonArray("competitors").size() >= 2,
                    name + ": competitors on an open opportunity");
            assertTrue(o.getAsJsonObject("pipeline").get("openCount").getAsInt() >= 1, name + ": pipeline");
            assertFalse(o.getAsJsonArray("overdueFollowUps").isEmpty(), name + ": an overdue follow-up");
            assertTrue(o.get("lastActivity").isJsonObject(), name + ": a last activity");
        }
    }

    /**
     * The shipped configurations enable the built-in models for every unit, and each demo unit gets its first run
     * by itself: the portfolio places every key account in a cell, with the factors that put it there.
     */
    @Test
    void everyDemoKeyAccountHasACellInItsUnitsPortfolioWithAnExplanation() {
        for (JsonElement u : admin.get("/business-units").expect(200).array()) {
            String unit = u.getAsJsonObject().get("id").getAsString();
            Set<String> keyAccounts = new TreeSet<>();
            for (String tier : List.of("key", "strategic")) {
                admin.get("/accounts?businessUnit=" + unit + "&tier=" + tier + "&limit=500").expect(200).items()
                        .forEach(a -> keyAccounts.add(a.getAsJsonObject().get("id").getAsString()));
            }
            assertFalse(keyAccounts.isEmpty(), unit + " has key accounts");
            Map<String, JsonObject> points = awaitPortfolio(unit, keyAccounts);
            for (String id : keyAccounts) {
                JsonObject p = points.get(id);
                assertTrue(p.get("cell").isJsonObject(), "a cell: " + p);
                assertFalse(p.getAsJsonObject("cell").get("recommendation").getAsString().isBlank(), p.toString());
                assertFalse(p.get("attractiveness").isJsonNull(), p.toString());
                assertFalse(p.get("strength").isJsonNull(), p.toString());
                assertFalse(p.getAsJsonArray("contributions").isEmpty(), "an explanation: " + p);
            }
        }
    }

    /** A demo key account's scores use its plan, opportunities and activities. */
    @Test
    void aDemoKeyAccountsScoresUseItsPlanPipelineAndActivities() {
        JsonObject account = admin.get("/accounts?tier=key&limit=1").expect(200).items().get(0).getAsJsonObject();
        String id = account.get("id").getAsString();
        awaitPortfolio(account.get("businessUnit").getAsString(), Set.of(id));
        Map<String, JsonObject> models = new HashMap<>();
        admin.get("/scoring/accounts/" + id + "/scores").expect(200).object()
                .getAsJsonArray("models").forEach(m -> models.put(m.getAsJsonObject().get("modelId").getAsString(),
                        m.getAsJsonObject()));
        assertTrue(models.keySet().containsAll(Set.of("weighted-criteria", "portfolio-matrix", "abc-analysis",
                "customer-lifetime-value", "share-of-wallet", "account-health")), models.keySet().toString());

        Map<String, JsonObject> matrix = contributions(models.get("portfolio-matrix"));
        JsonObject stage = matrix.get("strength.relationship-stage");
        assertTrue(Set.of("cooperative", "interdependent").contains(stage.get("input").getAsString()), stage.toString());
        assertTrue(stage.get("weight").getAsDouble() > 0, "the stage counts: " + stage);
        JsonObject position = matrix.get("strength.competitive-position");
        assertFalse(position.get("input").isJsonNull(), position.toString());
        assertTrue(position.get("weight").getAsDouble() > 0, "the competitive position counts: " + position);

        Map<String, JsonObject> health = contributions(models.get("account-health"));
        assertTrue(health.get("task").get("input").getAsString().endsWith("% of plan actions done"),
                health.get("task").toString());
        assertTrue(health.get("relationship").get("input").getAsString().contains("last activity"),
                health.get("relationship").toString());
    }

    /** Waits until the unit's portfolio places every one of the accounts; returns the points by account id. */
    private static Map<String, JsonObject> awaitPortfolio(String unit, Set<String> accountIds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonObject portfolio = null;
        while (System.nanoTime() < deadline) {
            portfolio = admin.get("/scoring/portfolio?businessUnit=" + unit).expect(200).object();
            Map<String, JsonObject> points = new HashMap<>();
            portfolio.getAsJsonArray("points").forEach(p -> points.put(p.getAsJsonObject().get("accountId")
                    .getAsString(), p.getAsJsonObject()));
            if (points.keySet().containsAll(accountIds)) {
                return points;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the portfolio of " + unit + " never placed " + accountIds + ": " + portfolio);
    }

    private static Map<String, JsonObject> contributions(JsonObject modelScore) {
        Map<String, JsonObject> byFactor = new HashMap<>();
        modelScore.getAsJsonArray("contributions").forEach(c -> byFactor.put(c.getAsJsonObject().get("factor")
                .getAsString(), c.getAsJsonObject()));
        return byFactor;
    }

    @Test
    void demoUsersWorkTheirFollowUpList() {
        Api kam = openkam.api().signIn("kam.industrial", "demo-password-2026");
        JsonArray due = kam.get("/follow-ups?owner=me&overdue=true").expect(200).items();
        assertFalse(due.isEmpty(), "the industrial key account manager has overdue follow-ups");
        for (JsonElement item : due) {
            assertEquals("industrial", item.getAsJsonObject().get("businessUnit").getAsString(),
                    "only the own unit's follow-ups: " + item);
        }
    }

    @Test
    void demoAccountsHaveContactsAndTeams() {
        JsonArray accounts = admin.get("/accounts?limit=500").expect(200).items();
        int withContacts = 0;
        int withTeam = 0;
        int withBoth = 0;
        for (JsonElement e : accounts) {
            String id = e.getAsJsonObject().get("id").getAsString();
            boolean contacts = !admin.get("/accounts/" + id + "/contacts").expect(200).array().isEmpty();
            boolean team = !admin.get("/accounts/" + id + "/team").expect(200).array().isEmpty();
            withContacts += contacts ? 1 : 0;
            withTeam += team ? 1 : 0;
            withBoth += contacts && team ? 1 : 0;
        }
        assertTrue(withBoth > 0, "at least one demo account must have contacts and a team; with contacts: "
                + withContacts + ", with a team: " + withTeam + " of " + accounts.size());
    }

    @Test
    void openApiDocumentIsValidAndEveryPathIsRouted() {
        Response doc = openkam.api().get("/api/v1/openapi.json").expect(200);
        JsonObject openapi = doc.object();
        assertEquals("3.1.0", openapi.get("openapi").getAsString());
        JsonObject paths = openapi.getAsJsonObject("paths");
        assertFalse(paths.isEmpty(), "the document lists paths");

        // A token of its own, so that calling POST /auth/logout cannot end the admin session of other tests.
        Api bearer = admin.createToken(Fixtures.unique("openapi-walk")).api();
        Set<String> methods = Set.of("get", "post", "put", "patch", "delete");
        List<String> unrouted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonElement> path : new TreeSet<>(paths.keySet()).stream()
                .map(p -> Map.entry(p, paths.get(p))).toList()) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "no-such-id");
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                if (!methods.contains(method)) {
                    continue;
                }
                Api.Request request = bearer.request(method.toUpperCase(), "/api/v1" + concrete)
                        .header("If-Match", "\"1\"");
                if (!method.equals("get") && !method.equals("delete")) {
                    request.json("{}");
                }
                Response r = request.send();
                calls++;
                boolean missingRoute = r.status() == 405
                        || (r.status() == 404 && r.body().contains("no API endpoint"));
                if (missingRoute) {
                    unrouted.add(method.toUpperCase() + " " + path.getKey() + " -> " + r.status() + " " + r.body());
                }
                if (r.status() >= 500) {
                    failed.add(method.toUpperCase() + " " + path.getKey() + " -> " + r.status() + " " + r.body());
                }
            }
        }
        assertTrue(calls > 20, "the document should describe the core API; calls made: " + calls);
        assertTrue(unrouted.isEmpty(), "documented operations without a route: " + unrouted);
        assertTrue(failed.isEmpty(), "documented operations failing with 5xx on unknown ids / empty bodies: "
                + failed);
    }
}
