package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.etag;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * Opportunities through the API of the real product: create with competitors, list, read, replace, patch
 * with the stage's default probability, close, delete, the account's pipeline and the configured stages;
 * every bad input answers a problem naming the field and stores nothing; other units see nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpportunitiesIT {

    private static OpenKamProcess openkam;
    private static Api kam;
    private static Api otherKam;
    private static String kamId;
    private static String account;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("OpportunitiesIT").start();
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "pipeline");
        String otherUnit = Fixtures.createUnit(admin, "pipeline-other");
        String kamName = Fixtures.unique("kam");
        String otherName = Fixtures.unique("kam-other");
        kamId = Fixtures.createUser(admin, kamName, unit, "key-account-manager").get("id").getAsString();
        Fixtures.createUser(admin, otherName, otherUnit, "key-account-manager");
        kam = openkam.api().signIn(kamName, Fixtures.PASSWORD);
        otherKam = openkam.api().signIn(otherName, Fixtures.PASSWORD);
        account = Fixtures.createAccount(kam, unit, Fixtures.unique("Brauerei Nord")).get("id").getAsString();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    private static String opportunities() {
        return "/accounts/" + account + "/opportunities";
    }

    private static Map<String, Object> input(String name, Object... extra) {
        Map<String, Object> body = json("name", name, "description", "Drives and controls for the bottling line",
                "value", 480000.5, "currency", "EUR", "stage", "develop", "expectedCloseDate", "2026-09-30",
                "nextStep", "Site visit with the plant manager", "nextStepDue", "2026-04-02",
                "ourPosition", "top-supplier", "competitors", List.of(
                        json("name", "Konkurrent AG", "strengths", "Price", "weaknesses", "Slow service",
                                "position", "incumbent"),
                        json("name", "Other Corp")));
        body.putAll(json(extra));
        return body;
    }

    private static JsonObject create(String name, Object... extra) {
        return kam.post(opportunities(), input(name, extra)).expect(201).object();
    }

    private static int count() {
        return kam.get(opportunities()).expect(200).array().size();
    }

    private static void assertNames(Response problem, String... fields) {
        assertTrue(problem.problemFields().containsAll(List.of(fields)),
                "the problem must name " + List.of(fields) + ": " + problem.describe());
    }

    @Test
    @Order(1)
    void stagesAreTheConfiguredDefaults() {
        JsonArray stages = kam.get("/pipeline/stages").expect(200).array();
        assertEquals("[{\"id\":\"qualify\",\"probability\":10},{\"id\":\"develop\",\"probability\":25},"
                + "{\"id\":\"propose\",\"probability\":50},{\"id\":\"negotiate\",\"probability\":75},"
                + "{\"id\":\"commit\",\"probability\":90}]", stages.toString());
    }

    @Test
    @Order(2)
    void createWithCompetitorsListAndRead() {
        Response created = kam.post(opportunities(), input("Line 3 retrofit")).expect(201);
        JsonObject o = created.object();
        String id = o.get("id").getAsString();
        assertEquals(etag(1), created.etag(), created.describe());
        assertTrue(created.header("Location").endsWith(opportunities() + "/" + id), created.describe());
        assertEquals(account, o.get("accountId").getAsString());
        assertEquals(25, o.get("probability").getAsInt(), "the stage's default: " + o);
        assertEquals("120000.13", o.get("weightedValue").getAsBigDecimal().toPlainString(), "480000.5 x 25 %: " + o);
        assertEquals("open", o.get("status").getAsString());
        assertEquals("2026-09-30", o.get("expectedCloseDate").getAsString());
        assertEquals("2026-04-02", o.get("nextStepDue").getAsString());
        assertEquals("top-supplier", o.get("ourPosition").getAsString());
        assertTrue(o.get("closeReason").isJsonNull() && o.get("closedAt").isJsonNull(), o.toString());
        assertEquals(kamId, o.get("owner").getAsString(), "the caller owns it");
        JsonArray competitors = o.getAsJsonArray("competitors");
        assertEquals(2, competitors.size(), o.toString());
        JsonObject first = competitors.get(0).getAsJsonObject();
        assertEquals("Konkurrent AG", first.get("name").getAsString());
        assertEquals("incumbent", first.get("position").getAsString());
        assertEquals("Slow service", first.get("weaknesses").getAsString());
        assertTrue(competitors.get(1).getAsJsonObject().get("position").isJsonNull());

        Response read = kam.get(created.header("Location")).expect(200);
        assertEquals(etag(1), read.etag());
        assertEquals(o, read.object());
        JsonArray list = kam.get(opportunities()).expect(200).array();
        assertTrue(contains(list, id), list.toString());
        assertTrue(contains(kam.get(opportunities() + "?status=open").expect(200).array(), id));
        assertTrue(kam.get(opportunities() + "?status=won").expect(200).array().isEmpty());
        assertNames(kam.get(opportunities() + "?status=pending").expectProblem(400), "status");
    }

    @Test
    @Order(3)
    void patchingTheStageMovesTheProbabilityUnlessOverridden() {
        String id = create("Stage moves").get("id").getAsString();
        String one = opportunities() + "/" + id;

        Response moved = kam.patch(one, json("stage", "propose"), "If-Match", etag(1)).expect(200);
        assertEquals(etag(2), moved.etag());
        assertEquals(50, moved.object().get("probability").getAsInt(), "the new stage's default: " + moved.describe());
        assertEquals("240000.25", moved.object().get("weightedValue").getAsBigDecimal().toPlainString());

        Response overridden = kam.patch(one, json("stage", "negotiate", "probability", 60), "If-Match", etag(2))
                .expect(200);
        assertEquals(60, overridden.object().get("probability").getAsInt(), overridden.describe());

        Response kept = kam.patch(one, json("nextStep", "Send the revised offer"), "If-Match", etag(3)).expect(200);
        assertEquals(60, kept.object().get("probability").getAsInt(), "a patch that leaves the stage keeps the override");
        assertEquals("negotiate", kept.object().get("stage").getAsString());
        assertEquals(2, kept.object().getAsJsonArray("competitors").size(), "a patch keeps the competitors");

        Response back = kam.patch(one, json("probability", null), "If-Match", etag(4)).expect(200);
        assertEquals(75, back.object().get("probability").getAsInt(), "null returns to the stage's default");

        Response replaced = kam.put(one, input("Stage moves", "stage", "commit", "competitors", List.of()),
                "If-Match", etag(5)).expect(200);
        assertEquals(90, replaced.object().get("probability").getAsInt());
        assertEquals(0, replaced.object().getAsJsonArray("competitors").size());
        assertEquals(etag(6), replaced.etag());
    }

    @Test
    @Order(4)
    void badInputIsNamedAndStoresNothing() {
        int before = count();
        Response noNextStep = kam.post(opportunities(), input("No next step", "nextStep", null, "nextStepDue", null));
        noNextStep.expectProblem(400);
        assertNames(noNextStep, "nextStep", "nextStepDue");

        Response badPosition = kam.post(opportunities(), input("Bad position", "ourPosition", "leader"));
        badPosition.expectProblem(400);
        assertNames(badPosition, "ourPosition");

        Response badCompetitor = kam.post(opportunities(), input("Bad competitor", "competitors", List.of(
                json("name", "A", "position", "monopolist"), json("name", "a"), json("strengths", "no name"))));
        badCompetitor.expectProblem(400);
        assertNames(badCompetitor, "competitors[0].position", "competitors[1].name", "competitors[2].name");

        Response everything = kam.post(opportunities(), input("All bad", "value", 0, "currency", "EURO",
                "stage", "closing", "probability", 150, "expectedCloseDate", "30.09.2026", "colour", "red"));
        everything.expectProblem(400);
        assertTrue(everything.errorFields().containsAll(List.of("value", "currency", "stage", "probability",
                "expectedCloseDate", "colour")), "every bad field at once: " + everything.describe());
        assertTrue(everything.body().contains("qualify, develop, propose, negotiate, commit"),
                "an unknown stage lists the allowed ones: " + everything.describe());

        Response closedOnCreate = kam.post(opportunities(), input("Born won", "status", "won"));
        closedOnCreate.expectProblem(400);
        assertNames(closedOnCreate, "status");
        assertEquals(before, count(), "refused input must not store an opportunity");

        JsonObject o = create("Stays as it was");
        String one = opportunities() + "/" + o.get("id").getAsString();
        Response patch = kam.patch(one, json("nextStep", " ", "ourPosition", "leader"), "If-Match", etag(1));
        patch.expectProblem(400);
        assertNames(patch, "nextStep", "ourPosition");
        Response sneakyClose = kam.patch(one, json("status", "won"), "If-Match", etag(1));
        sneakyClose.expectProblem(400);
        assertNames(sneakyClose, "status");
        Response unchanged = kam.get(one).expect(200);
        assertEquals(etag(1), unchanged.etag());
        assertEquals(o, unchanged.object());
    }

    @Test
    @Order(5)
    void staleOrBlindChangesAreRefused() {
        JsonObject o = create("Contested");
        String one = opportunities() + "/" + o.get("id").getAsString();
        kam.patch(one, json("stage", "propose"), "If-Match", etag(1)).expect(200);
        kam.patch(one, json("stage", "commit"), "If-Match", etag(1)).expectProblem(412);
        kam.put(one, input("Contested", "stage", "commit"), "If-Match", etag(1)).expectProblem(412);
        kam.post(one + "/close", json("status", "won", "closeReason", "late"), "If-Match", etag(1))
                .expectProblem(412);
        kam.delete(one, "If-Match", etag(1)).expectProblem(412);
        kam.patch(one, json("stage", "commit")).expectProblem(428);
        Response after = kam.get(one).expect(200);
        assertEquals(etag(2), after.etag());
        assertEquals("propose", after.text("stage"));
        assertEquals("open", after.text("status"));
    }

    @Test
    @Order(6)
    void closingNeedsAReasonAndIsFinal() {
        JsonObject o = create("To be won", "stage", "commit");
        String one = opportunities() + "/" + o.get("id").getAsString();

        Response noReason = kam.post(one + "/close", json("status", "won", "closeFollowUps", true), "If-Match", etag(1));
        noReason.expectProblem(400);
        assertNames(noReason, "closeReason");
        Response blankReason = kam.post(one + "/close", json("status", "lost", "closeReason", "  "), "If-Match", etag(1));
        blankReason.expectProblem(400);
        assertNames(blankReason, "closeReason");
        Response notClosing = kam.post(one + "/close", json("status", "open", "closeReason", "undecided"),
                "If-Match", etag(1));
        notClosing.expectProblem(400);
        assertNames(notClosing, "status");
        Response unknown = kam.post(one + "/close", json("status", "cancelled", "closeReason", "x", "why", "y"),
                "If-Match", etag(1));
        unknown.expectProblem(400);
        assertNames(unknown, "status", "why");
        Response unchanged = kam.get(one).expect(200);
        assertEquals(etag(1), unchanged.etag(), "a refused closing changes nothing");
        assertEquals(o, unchanged.object());

        Response won = kam.post(one + "/close", json("status", "won",
                "closeReason", "Best total cost of ownership over five years", "closeFollowUps", false),
                "If-Match", etag(1)).expect(200);
        JsonObject w = won.object();
        assertEquals(etag(2), won.etag());
        assertEquals("won", w.get("status").getAsString());
        assertEquals("Best total cost of ownership over five years", w.get("closeReason").getAsString());
        assertEquals(100, w.get("probability").getAsInt());
        assertEquals("480000.50", w.get("weightedValue").getAsBigDecimal().toPlainString(), "won counts in full");
        assertNotNull(w.get("closedAt").getAsString());
        assertEquals(w, kam.get(one).expect(200).object());
        assertTrue(contains(kam.get(opportunities() + "?status=won").expect(200).array(), w.get("id").getAsString()));

        Response again = kam.post(one + "/close", json("status", "lost", "closeReason", "changed"), "If-Match", etag(2));
        again.expectProblem(409);
        Response edit = kam.patch(one, json("name", "Renamed"), "If-Match", etag(2));
        edit.expectProblem(409);
        assertNames(edit, "status");
        assertEquals("won", kam.get(one).expect(200).text("status"));
    }

    @Test
    @Order(7)
    void thePipelineSumsTheOpenOnes() {
        JsonObject pipeline = kam.get("/accounts/" + account + "/pipeline").expect(200).object();
        JsonArray open = kam.get(opportunities() + "?status=open").expect(200).array();
        assertEquals(open.size(), pipeline.get("openCount").getAsInt(), pipeline.toString());
        BigDecimal weighted = BigDecimal.ZERO;
        for (JsonElement e : open) {
            weighted = weighted.add(e.getAsJsonObject().get("weightedValue").getAsBigDecimal());
        }
        assertEquals(0, weighted.compareTo(pipeline.getAsJsonObject("weightedValue").get("EUR").getAsBigDecimal()),
                "the weighted total adds the listed weighted values: " + pipeline + " vs " + open);
    }

    @Test
    @Order(8)
    void deleteNeedsTheCurrentVersion() {
        String id = create("Doomed").get("id").getAsString();
        String one = opportunities() + "/" + id;
        kam.delete(one).expectProblem(428);
        Response deleted = kam.delete(one, "If-Match", etag(1));
        deleted.expect(204);
        kam.get(one).expectProblem(404);
        assertFalse(contains(kam.get(opportunities()).expect(200).array(), id));
    }

    @Test
    @Order(9)
    void anotherUnitsKeyAccountManagerFindsNothing() {
        JsonObject o = create("Confidential");
        String one = opportunities() + "/" + o.get("id").getAsString();
        otherKam.get(opportunities()).expectProblem(404);
        otherKam.get(one).expectProblem(404);
        otherKam.get("/accounts/" + account + "/pipeline").expectProblem(404);
        otherKam.post(opportunities(), input("Intruder")).expectProblem(404);
        otherKam.patch(one, json("name", "Hijacked"), "If-Match", etag(1)).expectProblem(404);
        otherKam.post(one + "/close", json("status", "lost", "closeReason", "sabotage"), "If-Match", etag(1))
                .expectProblem(404);
        otherKam.delete(one, "If-Match", etag(1)).expectProblem(404);
        assertEquals(o, kam.get(one).expect(200).object(), "nothing changed");
        otherKam.get("/pipeline/stages").expect(200);
    }

    /** The pipeline by stage across accounts, counted in a unit of its own so earlier tests do not change it. */
    @Test
    @Order(10)
    void pipelineByStageAcrossAccounts() {
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "pipeline-sum");
        String name = Fixtures.unique("kam-sum");
        Fixtures.createUser(admin, name, unit, "key-account-manager");
        Api summer = openkam.api().signIn(name, Fixtures.PASSWORD);
        String first = Fixtures.createAccount(summer, unit, Fixtures.unique("First")).get("id").getAsString();
        String second = Fixtures.createAccount(summer, unit, Fixtures.unique("Second")).get("id").getAsString();
        summer.post("/accounts/" + first + "/opportunities", input("A", "value", 1000, "stage", "develop")).expect(201);
        summer.post("/accounts/" + second + "/opportunities", input("B", "value", 333.33, "stage", "develop"))
                .expect(201);
        String won = summer.post("/accounts/" + second + "/opportunities", input("C", "stage", "commit")).expect(201)
                .object().get("id").getAsString();
        summer.post("/accounts/" + second + "/opportunities/" + won + "/close",
                json("status", "won", "closeReason", "Signed"), "If-Match", etag(1)).expect(200);

        JsonArray stages = summer.get("/pipeline?businessUnit=" + unit).expect(200).array();
        assertEquals("[\"qualify\",\"develop\",\"propose\",\"negotiate\",\"commit\"]",
                Api.GSON.toJson(stages.asList().stream().map(e -> e.getAsJsonObject().get("stage").getAsString())
                        .toList()));
        JsonObject develop = stages.get(1).getAsJsonObject();
        assertEquals(2, develop.get("openCount").getAsInt(), develop.toString());
        assertEquals(25, develop.get("probability").getAsInt(), develop.toString());
        assertEquals("1333.33", develop.getAsJsonObject("openValue").get("EUR").getAsBigDecimal().toPlainString());
        assertEquals("333.33", develop.getAsJsonObject("weightedValue").get("EUR").getAsBigDecimal().toPlainString(),
                "250.00 + 83.33 (333.33 x 25 %)");
        assertEquals(0, stages.get(4).getAsJsonObject().get("openCount").getAsInt(), "a won one is not pipeline");
        assertEquals(stages, summer.get("/pipeline").expect(200).array(), "the caller's only unit");
        assertEquals(stages, summer.get("/pipeline?owner=me&businessUnit=" + unit).expect(200).array());
        assertNames(kam.get("/pipeline?owner=" + kamId + "&businessUnit=" + unit).expectProblem(400), "businessUnit");
        assertNames(otherKam.get("/pipeline?businessUnit=" + unit).expectProblem(400), "businessUnit");
        JsonArray asAdmin = admin.get("/pipeline?businessUnit=" + unit).expect(200).array();
        assertEquals(stages, asAdmin);
        assertEquals(0, admin.get("/pipeline?businessUnit=" + unit + "&owner=" + kamId).expect(200).array().asList()
                .stream().mapToInt(e -> e.getAsJsonObject().get("openCount").getAsInt()).sum());
        openkam.api().get("/pipeline").expectProblem(401);
    }

    /** Last: a changed configuration reaches the running product and new opportunities use it. */
    @Test
    @Order(100)
    void configuredStagesApplyWhileRunning() throws InterruptedException {
        openkam.writeEtc("org.openkam.pipeline.cfg", Map.of("stages", "lead:5,short-list:40,award:95"));
        JsonArray stages = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            stages = kam.get("/pipeline/stages").expect(200).array();
            if (stages.size() == 3) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("[{\"id\":\"lead\",\"probability\":5},{\"id\":\"short-list\",\"probability\":40},"
                + "{\"id\":\"award\",\"probability\":95}]", String.valueOf(stages));
        JsonObject o = create("After the change", "stage", "short-list");
        assertEquals(40, o.get("probability").getAsInt());
        assertNames(kam.post(opportunities(), input("Old stage", "stage", "develop")).expectProblem(400), "stage");
    }

    private static boolean contains(JsonArray list, String id) {
        for (JsonElement e : list) {
            if (id.equals(e.getAsJsonObject().get("id").getAsString())) {
                return true;
            }
        }
        return false;
    }
}
