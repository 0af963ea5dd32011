package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.etag;

import java.util.ArrayList;
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
 * Customer development plans through the API of the real product: create with objectives, strategies and
 * actions, completion, bad input named by path with nothing stored, updates keeping action ids, version
 * history, stale writes, reviews, one active plan per period, deletion and business-unit scoping.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlansIT {

    private static OpenKamProcess openkam;
    private static Api admin;
    private static String unit;
    private static String plansPath;
    private static String planPath;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("PlansIT");
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "plans");
        String accountId = Fixtures.createAccount(admin, unit, "Nordwerk").get("id").getAsString();
        plansPath = "/accounts/" + accountId + "/plans";
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    private static Map<String, Object> action(String description, String status) {
        return json("description", description, "dueDate", "2027-06-30", "status", status);
    }

    /** FY2027; two objectives; actions: 3 done, 1 open, 1 cancelled, so 3 of 4 counted are done: 75 %. */
    private static Map<String, Object> plan(String title, String start, String end, String status) {
        String owner = admin.get("/users/me").expect(200).text("id");
        return json("title", title, "period", json("start", start, "end", end), "status", status,
                "relationshipStage", "cooperative",
                "swot", json("strengths", List.of("Incumbent on drives"), "weaknesses", List.of("Price level"),
                        "opportunities", List.of("New plant in Brno"), "threats", List.of("Competitor courts the CFO")),
                "objectives", List.of(
                        json("description", "Grow sales", "metric", "annual sales EUR", "baseline", 1200000,
                                "target", 1500000.5, "dueDate", "2027-12-31", "strategies", List.of(
                                        json("description", "Win the service contract", "actions", List.of(
                                                json("description", "Meet the CFO", "owner", owner,
                                                        "dueDate", "2027-03-31", "status", "done"),
                                                action("Send the proposal", "done"))),
                                        json("description", "Cross-sell sensors", "actions", List.of(
                                                action("Demo day", "open"), action("Trade fair", "cancelled"))))),
                        json("description", "Raise share of wallet", "metric", "share of wallet %", "baseline", 20,
                                "target", 30, "strategies", List.of(json("description", "Preferred supplier",
                                        "actions", List.of(action("Supplier audit", "done")))))));
    }

    private static List<JsonObject> actions(JsonObject plan) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement o : plan.getAsJsonArray("objectives")) {
            for (JsonElement s : o.getAsJsonObject().getAsJsonArray("strategies")) {
                s.getAsJsonObject().getAsJsonArray("actions").forEach(a -> out.add(a.getAsJsonObject()));
            }
        }
        return out;
    }

    private static int planCount() {
        return admin.get(plansPath).expect(200).array().size();
    }

    /** Asserts a 400 problem naming {@code field}, and that nothing was stored. */
    private static void refused(Response r, String field) {
        r.expectProblem(400);
        assertTrue(r.problemFields().contains(field), "the problem must name " + field + ": " + r.describe());
    }

    @Test
    @Order(1)
    void aPlanIsCreatedWithItsTreeAndReadWithItsCompletion() {
        Response created = admin.post(plansPath, plan("Nordwerk 2027", "2027-01-01", "2027-12-31", "draft"))
                .expect(201);
        assertEquals(etag(1), created.etag(), created.describe());
        planPath = plansPath + "/" + created.text("id");
        assertTrue(created.header("Location").endsWith("/api/v1" + planPath), created.describe());
        assertEquals(75, created.object().get("completion").getAsInt(), created.describe());

        Response read = admin.get(planPath).expect(200);
        assertEquals(etag(1), read.etag());
        JsonObject plan = read.object();
        assertEquals(75, plan.get("completion").getAsInt(), "3 done of 4 counted: " + read.describe());
        assertEquals("2027-01-01", plan.getAsJsonObject("period").get("start").getAsString());
        assertEquals("2027-12-31", plan.getAsJsonObject("period").get("end").getAsString());
        assertEquals("cooperative", plan.get("relationshipStage").getAsString());
        assertEquals("draft", plan.get("status").getAsString());
        assertEquals("Competitor courts the CFO", plan.getAsJsonObject("swot").getAsJsonArray("threats").get(0)
                .getAsString());
        JsonObject objective = plan.getAsJsonArray("objectives").get(0).getAsJsonObject();
        assertEquals("1500000.5", objective.get("target").getAsBigDecimal().toPlainString());
        assertEquals("2027-12-31", objective.get("dueDate").getAsString());
        List<JsonObject> actions = actions(plan);
        assertEquals(5, actions.size());
        actions.forEach(a -> assertFalse(a.get("id").isJsonNull(), "every action gets an id: " + a));
        assertEquals("done", actions.get(0).get("status").getAsString());
        assertEquals(1, planCount());
        assertEquals(304, admin.get(planPath, "If-None-Match", etag(1)).status());
    }

    @Test
    @Order(2)
    void anObjectiveWithoutATargetIsRefusedByPathAndNothingIsStored() {
        Map<String, Object> body = plan("No target", "2028-01-01", "2028-12-31", "draft");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) body.get("objectives")).get(0);
        first.remove("target");
        refused(admin.post(plansPath, body), "objectives[0].target");
        first.put("target", null);
        refused(admin.post(plansPath, body), "objectives[0].target");
        assertEquals(1, planCount(), "a refused plan must not be stored");
    }

    @Test
    @Order(3)
    void unknownEnumsAndBadFieldsAreNamedAndNothingIsStored() {
        Map<String, Object> friends = plan("Friends", "2028-01-01", "2028-12-31", "draft");
        friends.put("relationshipStage", "friends");
        refused(admin.post(plansPath, friends), "relationshipStage");

        Map<String, Object> deep = plan("Half done", "2028-01-01", "2028-12-31", "draft");
        @SuppressWarnings("unchecked")
        Map<String, Object> strategy = ((List<Map<String, Object>>) ((List<Map<String, Object>>) deep.get("objectives"))
                .get(0).get("strategies")).get(1);
        strategy.put("actions", List.of(action("Demo day", "half-done")));
        refused(admin.post(plansPath, deep), "objectives[0].strategies[1].actions[0].status");

        Map<String, Object> many = plan("Several", "2028-12-31", "2028-01-01", "someday");
        many.put("colour", "red");
        many.put("swot", json("threats", List.of("x".repeat(501))));
        Response r = admin.post(plansPath, many);
        r.expectProblem(400);
        assertTrue(r.errorFields().containsAll(List.of("status", "colour", "period.end", "swot.threats[0]")),
                "every bad field at once: " + r.describe());

        Map<String, Object> badDate = plan("Bad date", "2028-01-01", "31.12.2028", "draft");
        refused(admin.post(plansPath, badDate), "period.end");
        assertEquals(1, planCount(), "refused plans must not be stored");
    }

    @Test
    @Order(4)
    void updatesKeepActionIdsAndTheHistory() {
        JsonObject v1 = admin.get(planPath).expect(200).object();
        List<JsonObject> before = actions(v1);
        // send the plan back as read: the demo day is done, and the sensors strategy gets a new action
        JsonObject changed = v1.deepCopy();
        JsonArray sensorActions = changed.getAsJsonArray("objectives").get(0).getAsJsonObject()
                .getAsJsonArray("strategies").get(1).getAsJsonObject().getAsJsonArray("actions");
        sensorActions.get(0).getAsJsonObject().addProperty("status", "done");
        sensorActions.add(Api.GSON.toJsonTree(action("Sensor pilot", "open")));
        changed.addProperty("relationshipStage", "interdependent");

        Response v2 = admin.put(planPath, changed, "If-Match", etag(1)).expect(200);
        assertEquals(etag(2), v2.etag(), v2.describe());
        List<JsonObject> after = actions(v2.object());
        for (int i = 0; i < 4; i++) {
            assertEquals(before.get(i).get("id"), after.get(i).get("id"), "action ids are kept: " + v2.describe());
        }
        assertNotEquals(before.get(4).get("id"), after.get(4).get("id"), "the new action comes before the audit");
        assertEquals(before.get(4).get("id"), after.get(5).get("id"));
        assertFalse(after.get(4).get("id").isJsonNull());
        assertEquals(80, v2.object().get("completion").getAsInt(), "4 done of 5 counted: " + v2.describe());

        Response patched = admin.patch(planPath, json("title", "Nordwerk FY2027", "swot",
                json("weaknesses", List.of("Delivery times"))), "If-Match", etag(2)).expect(200);
        assertEquals(etag(3), patched.etag());
        assertEquals("interdependent", patched.text("relationshipStage"), "PATCH keeps what it does not name");
        assertEquals("Incumbent on drives", patched.object().getAsJsonObject("swot").getAsJsonArray("strengths")
                .get(0).getAsString(), "PATCH keeps the SWOT lists it does not name");
        assertEquals(6, actions(patched.object()).size());

        JsonArray versions = admin.get(planPath + "/versions").expect(200).array();
        assertEquals(List.of(3L, 2L, 1L), versions.asList().stream().map(v -> v.getAsJsonObject().get("version")
                .getAsLong()).toList());
        Response first = admin.get(planPath + "/versions/1").expect(200);
        JsonObject old = first.object().getAsJsonObject("plan");
        assertEquals("Nordwerk 2027", old.get("title").getAsString());
        assertEquals("cooperative", old.get("relationshipStage").getAsString());
        assertEquals(75, old.get("completion").getAsInt());
        assertNotNull(first.text("changedBy"));
        assertEquals("Nordwerk FY2027", admin.get(planPath + "/versions/3").expect(200).object()
                .getAsJsonObject("plan").get("title").getAsString());
        admin.get(planPath + "/versions/9").expectProblem(404);
        admin.get(planPath + "/versions/latest").expectProblem(404);

        // the version is in the response for the next write; closeFollowUps must be a boolean
        refused(admin.patch(planPath + "?closeFollowUps=maybe", json("title", "X"), "If-Match", etag(3)),
                "closeFollowUps");
        Response asked = admin.patch(planPath + "?closeFollowUps=true", json("title", "Nordwerk 2027"),
                "If-Match", etag(3)).expect(200);
        assertEquals(etag(4), asked.etag());
    }

    @Test
    @Order(5)
    void staleAndBlindWritesAreRefusedAndChangeNothing() {
        Response current = admin.get(planPath).expect(200);
        admin.put(planPath, plan("Stale", "2027-01-01", "2027-12-31", "draft"), "If-Match", etag(1))
                .expectProblem(412);
        admin.patch(planPath, json("title", "Stale"), "If-Match", etag(2)).expectProblem(412);
        admin.patch(planPath, json("title", "Blind")).expectProblem(428);
        admin.delete(planPath, "If-Match", etag(1)).expectProblem(412);
        Response after = admin.get(planPath).expect(200);
        assertEquals(current.etag(), after.etag());
        assertEquals(current.text("title"), after.text("title"));
    }

    @Test
    @Order(6)
    void reviewsAreRecordedAndBadOnesNamed() {
        Response review = admin.post(planPath + "/reviews", json("reviewDate", "2027-03-31", "rating", 4,
                "notes", "Service contract signed", "nextReviewDate", "2027-06-30")).expect(201);
        assertEquals(4, review.object().get("rating").getAsInt());
        assertEquals("2027-06-30", review.text("nextReviewDate"));
        refused(admin.post(planPath + "/reviews", json("reviewDate", "2027-06-30", "rating", 6)), "rating");
        refused(admin.post(planPath + "/reviews", json("reviewDate", "2027-06-30", "rating", 0)), "rating");
        refused(admin.post(planPath + "/reviews", json("reviewDate", "2027-06-30", "rating", 3,
                "nextReviewDate", "2027-06-01")), "nextReviewDate");
        refused(admin.post(planPath + "/reviews", json("rating", 3)), "reviewDate");
        JsonArray reviews = admin.get(planPath + "/reviews").expect(200).array();
        assertEquals(1, reviews.size(), "refused reviews must not be stored: " + reviews);
        assertEquals("Service contract signed", reviews.get(0).getAsJsonObject().get("notes").getAsString());
    }

    @Test
    @Order(7)
    void oneActivePlanPerAccountAndPeriod() {
        String version = admin.get(planPath).expect(200).etag();
        Response activated = admin.patch(planPath, json("status", "active"), "If-Match", version).expect(200);

        Response clash = admin.post(plansPath, plan("Second half", "2027-07-01", "2027-12-31", "active"));
        clash.expectProblem(409);
        assertEquals("status", clash.text("field"), clash.describe());

        Response draft = admin.post(plansPath, plan("Second half", "2027-07-01", "2027-12-31", "draft")).expect(201);
        String draftPath = plansPath + "/" + draft.text("id");
        Response clashOnUpdate = admin.patch(draftPath, json("status", "active"), "If-Match", etag(1));
        clashOnUpdate.expectProblem(409);
        assertEquals("status", clashOnUpdate.text("field"), clashOnUpdate.describe());
        assertEquals("draft", admin.get(draftPath).expect(200).text("status"));

        admin.post(plansPath, plan("Nordwerk 2028", "2028-01-01", "2028-12-31", "active")).expect(201);

        // an active plan is archived before it can be deleted
        Response refusedDelete = admin.delete(planPath, "If-Match", activated.etag());
        refusedDelete.expectProblem(409);
        assertEquals("status", refusedDelete.text("field"));
        admin.delete(draftPath, "If-Match", etag(1)).expect(204);
        admin.get(draftPath).expectProblem(404);
        assertEquals(2, planCount());
    }

    @Test
    @Order(8)
    void plansOfOtherUnitsDoNotExistAndViewersOnlyRead() {
        String otherUnit = Fixtures.createUnit(admin, "other");
        String outsider = Fixtures.unique("kam");
        Fixtures.createUser(admin, outsider, otherUnit, "key-account-manager");
        Api kamElsewhere = openkam.api().signIn(outsider, Fixtures.PASSWORD);
        kamElsewhere.get(plansPath).expectProblem(404);
        kamElsewhere.get(planPath).expectProblem(404);
        kamElsewhere.get(planPath + "/versions").expectProblem(404);
        kamElsewhere.post(plansPath, plan("Intruder", "2029-01-01", "2029-12-31", "draft")).expectProblem(404);

        String viewer = Fixtures.unique("viewer");
        Fixtures.createUser(admin, viewer, unit, "viewer");
        Api viewing = openkam.api().signIn(viewer, Fixtures.PASSWORD);
        assertEquals(2, viewing.get(plansPath).expect(200).array().size());
        viewing.get(planPath + "/reviews").expect(200);
        viewing.post(planPath + "/reviews", json("reviewDate", "2027-09-30", "rating", 3)).expectProblem(403);
        viewing.post(plansPath, plan("Viewer", "2029-01-01", "2029-12-31", "draft")).expectProblem(403);
        assertEquals(2, planCount());
    }
}
