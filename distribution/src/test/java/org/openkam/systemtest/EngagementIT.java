package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;
import static org.openkam.systemtest.Fixtures.etag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The buying center, activities with coordinated contact and follow-ups through the API of the real product:
 * two key account managers of one unit, one of another; every refused input stores nothing.
 */
class EngagementIT {

    private static OpenKamProcess openkam;
    private static Api admin;
    private static String unitA;
    private static String unitB;
    private static Member anna;
    private static Member karl;
    private static Member bert;

    /** A signed-in user. */
    private record Member(String id, String username, Api api) {
    }

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("EngagementIT");
        admin = openkam.admin();
        unitA = Fixtures.createUnit(admin, "engage-a");
        unitB = Fixtures.createUnit(admin, "engage-b");
        anna = member("anna", unitA);
        karl = member("karl", unitA);
        bert = member("bert", unitB);
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    private static Member member(String prefix, String unit) {
        String username = Fixtures.unique(prefix);
        String id = Fixtures.createUser(admin, username, unit, "key-account-manager").get("id").getAsString();
        return new Member(id, username, openkam.api().signIn(username, Fixtures.PASSWORD));
    }

    private static String account(Member owner, String unit, String name) {
        return createAccount(owner.api(), unit, Fixtures.unique(name)).get("id").getAsString();
    }

    private static void joinTeam(String accountId, Member m) {
        anna.api().post("/accounts/" + accountId + "/team", json("userId", m.id(), "function", "sales",
                "responsible", false)).expect(201);
    }

    private static String contact(Api api, String accountId, Object... fields) {
        return api.post("/accounts/" + accountId + "/contacts", json(fields)).expect(201).text("id");
    }

    private static List<String> ids(JsonArray array, String member) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(e -> e.getAsJsonObject().get(member).getAsString()).toList();
    }

    @Test
    void theBuyingCenterIsAnOrgChartAndReportingCyclesAreRefused() {
        String id = account(anna, unitA, "Buying Center");
        joinTeam(id, anna);
        String contacts = "/accounts/" + id + "/contacts";
        String ceo = contact(anna.api(), id, "firstName", "Carla", "lastName", "Chef", "jobTitle", "CEO",
                "roles", List.of("economic-buyer"), "attitude", "supporter", "influence", 5,
                "relationshipOwner", anna.id(), "relationshipStrength", 4);
        String cfo = contact(anna.api(), id, "firstName", "Frank", "lastName", "Geld", "roles",
                List.of("decision-maker", "coach"), "reportsTo", ceo);
        String buyer = contact(anna.api(), id, "firstName", "Bea", "lastName", "Kauf", "roles",
                List.of("gatekeeper"), "attitude", "skeptic", "reportsTo", cfo);

        Response read = anna.api().get(contacts + "/" + cfo).expect(200);
        assertEquals(List.of("decision-maker", "coach"), StreamSupport.stream(read.object().getAsJsonArray("roles")
                .spliterator(), false).map(JsonElement::getAsString).toList());
        assertEquals(ceo, read.text("reportsTo"));

        // Carla reporting to Bea would close Carla -> Bea -> Frank -> Carla.
        Response cycle = anna.api().patch(contacts + "/" + ceo, json("reportsTo", buyer), "If-Match", etag(1));
        cycle.expectProblem(400);
        assertEquals("reportsTo", cycle.text("field"), cycle.describe());
        assertTrue(cycle.text("detail").contains("Carla Chef -> Bea Kauf -> Frank Geld -> Carla Chef"),
                cycle.describe());
        anna.api().patch(contacts + "/" + cfo, json("reportsTo", cfo), "If-Match", etag(1)).expectProblem(400);
        Response unchanged = anna.api().get(contacts + "/" + ceo).expect(200);
        assertEquals(etag(1), unchanged.etag(), "a refused cycle stores nothing: " + unchanged.describe());
        assertEquals(null, unchanged.text("reportsTo"));

        Response grumpy = anna.api().post(contacts, json("lastName", "Grumpy", "attitude", "grumpy",
                "roles", List.of("user", "boss"), "influence", 9));
        grumpy.expectProblem(400);
        assertTrue(grumpy.problemFields().containsAll(List.of("attitude", "roles[1]", "influence")),
                grumpy.describe());
        Response notOnTeam = anna.api().post(contacts, json("lastName", "Owned", "relationshipOwner", karl.id()));
        notOnTeam.expectProblem(400);
        assertEquals("relationshipOwner", notOnTeam.text("field"), notOnTeam.describe());
        Response elsewhere = anna.api().post(contacts, json("lastName", "Lost",
                "reportsTo", contact(anna.api(), account(anna, unitA, "Other"), "lastName", "Else")));
        elsewhere.expectProblem(400);
        assertEquals("reportsTo", elsewhere.text("field"), elsewhere.describe());
        assertEquals(3, anna.api().get(contacts).expect(200).array().size(), "refused contacts are not stored");

        JsonObject bc = anna.api().get("/accounts/" + id + "/buying-center").expect(200).object();
        JsonArray roots = bc.getAsJsonArray("roots");
        assertEquals(1, roots.size(), bc.toString());
        JsonObject carla = roots.get(0).getAsJsonObject();
        assertEquals(ceo, carla.get("contactId").getAsString());
        assertEquals("Carla Chef", carla.get("name").getAsString());
        assertEquals("supporter", carla.get("attitude").getAsString());
        assertFalse(carla.get("stale").getAsBoolean(), "never met, but recorded just now: " + carla);
        JsonObject frank = carla.getAsJsonArray("directReports").get(0).getAsJsonObject();
        assertEquals(cfo, frank.get("contactId").getAsString());
        assertEquals(buyer, frank.getAsJsonArray("directReports").get(0).getAsJsonObject().get("contactId")
                .getAsString());
        JsonObject coverage = bc.getAsJsonObject("coverage");
        assertEquals(List.of("technical-buyer", "user", "influencer"), StreamSupport.stream(
                coverage.getAsJsonArray("unfilledRoles").spliterator(), false).map(JsonElement::getAsString).toList());
        assertEquals(List.of(cfo), ids(coverage.getAsJsonArray("keyContactsWithoutOwner"), "contactId"));
        assertEquals(0, coverage.getAsJsonArray("staleContacts").size(), "nobody could meet them yet: " + coverage);
        assertEquals(90, coverage.get("freshnessDays").getAsInt());
        bert.api().get("/accounts/" + id + "/buying-center").expectProblem(404);

        // Deleting Frank puts Bea at the top of her own tree, audited as a change of Bea.
        anna.api().delete(contacts + "/" + cfo, "If-Match", etag(1)).expect(204);
        Response bea = anna.api().get(contacts + "/" + buyer).expect(200);
        assertEquals(null, bea.text("reportsTo"));
        assertEquals(etag(2), bea.etag());
    }

    @Test
    void anActivityWithAColleaguesContactNearbyCarriesAWarningNamingThem() {
        String id = account(anna, unitA, "Coordinated");
        joinTeam(id, karl);
        String ann = contact(anna.api(), id, "firstName", "Ann", "lastName", "Lee", "roles", List.of("user"));
        String activities = "/accounts/" + id + "/activities";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Response call = anna.api().post(activities, json("type", "call", "subject", "Frame contract",
                "occurredAt", now.minus(3, ChronoUnit.DAYS).toString(), "contactIds", List.of(ann))).expect(201);
        JsonObject annasCall = call.object().getAsJsonObject("activity");
        assertEquals(etag(1), call.etag());
        assertTrue(call.header("Location").endsWith(activities + "/" + annasCall.get("id").getAsString()),
                call.describe());
        assertEquals("done", annasCall.get("status").getAsString());
        assertEquals(List.of(anna.id()), StreamSupport.stream(annasCall.getAsJsonArray("participants").spliterator(),
                false).map(JsonElement::getAsString).toList());
        assertEquals(0, call.object().getAsJsonArray("coordinationWarnings").size(), call.describe());

        // asked first, the coordination check answers the save's warnings and stores nothing
        Map<String, Object> tour = json("type", "visit", "status", "planned", "subject", "Plant tour",
                "occurredAt", now.plus(2, ChronoUnit.DAYS).toString(), "contactIds", List.of(ann));
        JsonArray foretold = karl.api().post(activities + "/coordination", tour).expect(200).object()
                .getAsJsonArray("coordinationWarnings");
        assertEquals(List.of(annasCall.get("id").getAsString()), ids(foretold, "activityId"), foretold.toString());
        Response unchecked = karl.api().post(activities + "/coordination", json("type", "visit", "status", "done",
                "subject", " ", "occurredAt", now.toString()));
        unchecked.expectProblem(400);
        assertTrue(unchecked.problemFields().containsAll(List.of("subject", "contactIds")), unchecked.describe());
        bert.api().post(activities + "/coordination", tour).expectProblem(404);
        assertEquals(1, anna.api().get(activities).expect(200).items().size(), "checks store nothing");

        Response visit = karl.api().post(activities, tour).expect(201);
        JsonArray warnings = visit.object().getAsJsonArray("coordinationWarnings");
        assertEquals(1, warnings.size(), visit.describe());
        JsonObject w = warnings.get(0).getAsJsonObject();
        assertEquals(anna.id(), w.get("memberId").getAsString());
        assertEquals(anna.username(), w.get("memberUsername").getAsString());
        assertEquals(ann, w.get("contactId").getAsString());
        assertEquals("Ann Lee", w.get("contactName").getAsString());
        assertEquals(annasCall.get("id").getAsString(), w.get("activityId").getAsString());
        assertEquals("call", w.get("activityType").getAsString());
        assertTrue(w.get("message").getAsString().contains(anna.username()), w.toString());
        String visitId = visit.object().getAsJsonObject("activity").get("id").getAsString();

        // bad input: each named, nothing stored
        Response lunch = anna.api().post(activities, json("type", "lunch", "subject", "Lunch",
                "occurredAt", now.toString(), "contactIds", List.of(ann)));
        lunch.expectProblem(400);
        assertEquals("type", lunch.text("field"), lunch.describe());
        Response noContact = anna.api().post(activities, json("type", "call", "subject", "Call",
                "occurredAt", now.toString()));
        noContact.expectProblem(400);
        assertEquals("contactIds", noContact.text("field"), noContact.describe());
        Response future = anna.api().post(activities, json("type", "call", "subject", "Call", "status", "done",
                "occurredAt", now.plus(3, ChronoUnit.DAYS).toString(), "contactIds", List.of(ann)));
        future.expectProblem(400);
        assertEquals("occurredAt", future.text("field"), future.describe());
        anna.api().post(activities, json("type", "call", "subject", "Call", "occurredAt", "yesterday",
                "contactIds", List.of(ann))).expectProblem(400);

        JsonArray listed = anna.api().get(activities).expect(200).items();
        assertEquals(List.of(visitId, annasCall.get("id").getAsString()), ids(listed, "id"), "newest first");
        assertEquals(1, anna.api().get(activities + "?status=planned").expect(200).items().size());
        assertEquals(2, anna.api().get(activities + "?contactId=" + ann).expect(200).items().size());
        anna.api().get(activities + "?type=lunch").expectProblem(400);

        assertEquals(1, karl.api().post(activities + "/" + visitId + "/coordination", json("status", "done",
                "occurredAt", now.toString())).expect(200).object().getAsJsonArray("coordinationWarnings").size(),
                "a change is checked with its stored fields");
        Response done = karl.api().patch(activities + "/" + visitId, json("status", "done",
                "occurredAt", now.toString()), "If-Match", etag(1)).expect(200);
        assertEquals(etag(2), done.etag());
        assertEquals(1, done.object().getAsJsonArray("coordinationWarnings").size(), done.describe());
        karl.api().put(activities + "/" + visitId, json("type", "visit", "subject", "Stale", "occurredAt",
                now.toString(), "contactIds", List.of(ann)), "If-Match", etag(1)).expectProblem(412);

        JsonObject node = anna.api().get("/accounts/" + id + "/buying-center").expect(200).object()
                .getAsJsonArray("roots").get(0).getAsJsonObject();
        assertEquals(now.toString(), node.get("lastContactAt").getAsString());
        assertFalse(node.get("stale").getAsBoolean());

        anna.api().delete(activities + "/" + visitId, "If-Match", etag(2)).expect(204);
        anna.api().get(activities + "/" + visitId).expectProblem(404);
        bert.api().get(activities).expectProblem(404);
    }

    @Test
    void theFollowUpListSpansAccountsInOrderOfUrgencyAndStaysInTheCallersUnits() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String north = account(anna, unitA, "North");
        String south = account(anna, unitA, "South");
        String beta = account(bert, unitB, "Beta");
        String southTwo = followUp(anna, south, "Call back the buyer", today.minusDays(2), null);
        String northNine = followUp(anna, north, "Send the offer", today.minusDays(9), null);
        String northLater = followUp(anna, north, "Prepare the review", today.plusDays(5), null);
        String karls = followUp(anna, north, "Karl's task", today.minusDays(20), karl.id());
        followUp(bert, beta, "Other unit's task", today.minusDays(40), null);

        JsonArray upcoming = anna.api().get("/follow-ups?owner=me&upcoming=true").expect(200).items();
        assertEquals(List.of(northLater), StreamSupport.stream(upcoming.spliterator(), false)
                .map(i -> i.getAsJsonObject().getAsJsonObject("followUp").get("id").getAsString()).toList());
        Response both = anna.api().get("/follow-ups?overdue=true&upcoming=true");
        both.expectProblem(400);
        assertEquals(Set.of("upcoming"), both.problemFields(), both.describe());

        Response mine = anna.api().get("/follow-ups?owner=me&overdue=true").expect(200);
        JsonArray items = mine.items();
        assertEquals(List.of(northNine, southTwo), StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.getAsJsonObject().getAsJsonObject("followUp").get("id").getAsString()).toList(),
                mine.describe());
        JsonObject first = items.get(0).getAsJsonObject();
        assertTrue(first.get("accountName").getAsString().startsWith("north-"), first.toString());
        assertEquals(9, first.get("daysOverdue").getAsLong());
        assertEquals(today.minusDays(9).toString(), first.getAsJsonObject("followUp").get("dueDate").getAsString());
        assertEquals(anna.id(), first.getAsJsonObject("followUp").get("owner").getAsString());

        JsonArray everyone = anna.api().get("/follow-ups?businessUnit=" + unitA + "&limit=2").expect(200).items();
        assertEquals(List.of(karls, northNine), StreamSupport.stream(everyone.spliterator(), false)
                .map(i -> i.getAsJsonObject().getAsJsonObject("followUp").get("id").getAsString()).toList());
        JsonArray bertsList = bert.api().get("/follow-ups?owner=me&overdue=true").expect(200).items();
        assertEquals(1, bertsList.size(), bertsList.toString());
        assertEquals(unitB, bertsList.get(0).getAsJsonObject().get("businessUnit").getAsString());

        // bad input: named, nothing stored
        String followUps = "/accounts/" + north + "/follow-ups";
        Response bad = anna.api().post(followUps, json("title", " ", "dueDate", "31.03.2027", "status", "later",
                "owner", bert.id()));
        bad.expectProblem(400);
        assertTrue(bad.errorFields().containsAll(List.of("title", "dueDate", "status")), bad.describe());
        Response strangerOwner = anna.api().post(followUps, json("title", "Task", "dueDate", today.toString(),
                "owner", bert.id()));
        strangerOwner.expectProblem(400);
        assertEquals("owner", strangerOwner.text("field"), strangerOwner.describe());
        assertEquals(3, anna.api().get(followUps).expect(200).array().size(), "refused follow-ups are not stored");
        anna.api().get("/follow-ups?status=later").expectProblem(400);
        bert.api().get(followUps).expectProblem(404);

        Response doneNow = anna.api().patch(followUps + "/" + northNine, json("status", "done"), "If-Match", etag(1))
                .expect(200);
        assertNotNull(doneNow.text("completedAt"), doneNow.describe());
        assertEquals(List.of(southTwo), StreamSupport.stream(anna.api().get("/follow-ups?owner=me&overdue=true")
                .expect(200).items().spliterator(), false)
                .map(i -> i.getAsJsonObject().getAsJsonObject("followUp").get("id").getAsString()).toList());
        assertEquals(1, anna.api().get("/follow-ups?owner=me&status=done").expect(200).items().size());
        anna.api().delete(followUps + "/" + northLater, "If-Match", etag(2)).expectProblem(412);
        anna.api().delete(followUps + "/" + northLater, "If-Match", etag(1)).expect(204);
        anna.api().get(followUps + "/" + northLater).expectProblem(404);
    }

    private static String followUp(Member caller, String accountId, String title, LocalDate due, String owner) {
        Map<String, Object> body = json("title", title, "dueDate", due.toString(), "owner", owner);
        Response r = caller.api().post("/accounts/" + accountId + "/follow-ups", body).expect(201);
        assertEquals("open", r.text("status"), r.describe());
        return r.text("id");
    }
}
