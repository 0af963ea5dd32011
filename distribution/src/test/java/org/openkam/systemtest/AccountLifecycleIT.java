package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;
import static org.openkam.systemtest.Fixtures.etag;

import java.util.HashMap;
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
 * An account's life through the API of the real product on H2: create, read, replace, patch, optimistic
 * concurrency, validation, delete, contacts, team and audit trail. On the {@link OpenKamProcess#shared} product:
 * a restart with the data kept is {@link DurabilityIT}'s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountLifecycleIT {

    private static OpenKamProcess openkam;
    private static Api admin;
    private static String unit;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("AccountLifecycleIT");
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "lifecycle");
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    @Order(1)
    void createReadReplacePatchWithOptimisticConcurrency() {
        Response created = admin.post("/accounts", json("businessUnit", unit, "name", "Acme Drives",
                "legalName", "Acme Drives GmbH", "country", "DE", "currency", "EUR", "annualSales", 1200000,
                "tier", "key", "status", "active", "attributes", Map.of("segment", "A"))).expect(201);
        JsonObject account = created.object();
        String id = account.get("id").getAsString();
        assertEquals(etag(1), created.etag(), "ETag of a new account: " + created.describe());
        assertNotNull(created.header("Location"), "Location header of a new account: " + created.describe());
        assertTrue(created.header("Location").endsWith("/api/v1/accounts/" + id),
                "Location must name the new account: " + created.header("Location"));
        assertEquals(1, account.get("version").getAsLong(), created.describe());
        assertEquals("Acme Drives", account.get("name").getAsString());
        assertEquals(unit, account.get("businessUnit").getAsString());

        Response read = admin.get(created.header("Location")).expect(200);
        assertEquals(etag(1), read.etag(), "ETag of a read: " + read.describe());
        assertEquals("Acme Drives GmbH", read.text("legalName"));
        assertEquals("A", read.object().getAsJsonObject("attributes").get("segment").getAsString());

        Response replaced = admin.put("/accounts/" + id, json("businessUnit", unit, "name", "Acme Drives International",
                "legalName", "Acme Drives GmbH", "country", "AT", "currency", "EUR", "annualSales", 1500000,
                "tier", "strategic", "status", "active"), "If-Match", etag(1)).expect(200);
        assertEquals(etag(2), replaced.etag(), "ETag after PUT: " + replaced.describe());
        assertEquals(2, replaced.object().get("version").getAsLong());
        assertEquals("Acme Drives International", replaced.text("name"));
        assertEquals("AT", replaced.text("country"));
        assertEquals("strategic", replaced.text("tier"));

        Response patched = admin.patch("/accounts/" + id, json("region", "DACH", "tier", "key"),
                "If-Match", etag(2)).expect(200);
        assertEquals(etag(3), patched.etag(), "ETag after PATCH: " + patched.describe());
        assertEquals("DACH", patched.text("region"));
        assertEquals("key", patched.text("tier"));
        assertEquals("Acme Drives International", patched.text("name"), "PATCH must keep fields it does not name");
        assertEquals("AT", patched.text("country"), "PATCH must keep fields it does not name");

        // A writer who still holds version 1 loses, and changes nothing.
        Response stale = admin.put("/accounts/" + id, json("businessUnit", unit, "name", "Stale Writer",
                "country", "DE"), "If-Match", etag(1));
        stale.expectProblem(412);
        Response stalePatch = admin.patch("/accounts/" + id, json("name", "Stale Patch"), "If-Match", etag(2));
        stalePatch.expectProblem(412);
        Response after = admin.get("/accounts/" + id).expect(200);
        assertEquals(etag(3), after.etag(), "a refused stale update must not change the version: " + after.describe());
        assertEquals("Acme Drives International", after.text("name"), "a stale update must not be stored");
        assertEquals("DACH", after.text("region"));

        // Neither If-Match nor a version: refused as a blind update.
        Response blind = admin.put("/accounts/" + id, json("businessUnit", unit, "name", "Blind Writer"));
        blind.expectProblem(428);
        Response blindPatch = admin.patch("/accounts/" + id, json("name", "Blind Patch"));
        blindPatch.expectProblem(428);
        assertEquals("Acme Drives International", admin.get("/accounts/" + id).expect(200).text("name"),
                "a refused blind update must not be stored");

        // The version in the body stands in for If-Match.
        Response byBodyVersion = admin.patch("/accounts/" + id, json("industry", "Machinery", "version", 3))
                .expect(200);
        assertEquals(etag(4), byBodyVersion.etag(), byBodyVersion.describe());
        admin.patch("/accounts/" + id, json("industry", "Stale", "version", 3)).expectProblem(412);
    }

    @Test
    @Order(2)
    void invalidInputIsRefusedByFieldAndNothingIsStored() {
        long before = Fixtures.countAccounts(admin, unit);
        String name = Fixtures.unique("Invalid Account");

        Response invalid = admin.post("/accounts", json("businessUnit", unit, "name", name, "country", "Germany",
                "currency", "EURO", "annualSales", 1000));
        invalid.expectProblem(400);
        assertTrue(invalid.problemFields().containsAll(List.of("country", "currency")),
                "the problem must name country and currency: " + invalid.describe());
        assertTrue(invalid.errorFields().containsAll(List.of("country", "currency")),
                "errors[] must list every bad field: " + invalid.describe());

        Response unknown = admin.post("/accounts", json("businessUnit", unit, "name", name, "favouriteColour", "blue"));
        unknown.expectProblem(400);
        assertTrue(unknown.problemFields().contains("favouriteColour"),
                "the problem must name the unknown field: " + unknown.describe());

        Response badTier = admin.post("/accounts", json("businessUnit", unit, "name", name, "tier", "gold"));
        badTier.expectProblem(400);
        assertTrue(badTier.problemFields().contains("tier"), "the problem must name tier: " + badTier.describe());

        Response missingName = admin.post("/accounts", json("businessUnit", unit, "country", "DE"));
        missingName.expectProblem(400);
        assertTrue(missingName.problemFields().contains("name"), "a missing name must be named: "
                + missingName.describe());

        Response notJson = admin.request("POST", "/accounts").json("{\"name\": ").send();
        notJson.expectProblem(400);

        assertEquals(before, Fixtures.countAccounts(admin, unit), "refused input must not store an account");
        Response search = admin.get("/accounts?businessUnit=" + unit + "&q=" + name.replace(' ', '+')).expect(200);
        assertEquals(0, search.items().size(), "no account named " + name + " may exist: " + search.describe());

        // An invalid update of an existing account leaves it as it was.
        JsonObject account = createAccount(admin, unit, Fixtures.unique("Valid Account"));
        String id = account.get("id").getAsString();
        Response invalidUpdate = admin.patch("/accounts/" + id, json("country", "Germany", "currency", "EURO"),
                "If-Match", etag(1));
        invalidUpdate.expectProblem(400);
        assertTrue(invalidUpdate.problemFields().containsAll(List.of("country", "currency")),
                invalidUpdate.describe());
        admin.patch("/accounts/" + id, json("tier", "gold"), "If-Match", etag(1)).expectProblem(400);
        Response unchanged = admin.get("/accounts/" + id).expect(200);
        assertEquals(etag(1), unchanged.etag(), "a refused update must not change the version");
        assertEquals("DE", unchanged.text("country"));
        assertEquals("key", unchanged.text("tier"));
    }

    /** One answer names every bad field, the unknown one included, so a client can fix all of them at once. */
    @Test
    @Order(2)
    void everyBadFieldIsReportedAtOnce() {
        long before = Fixtures.countAccounts(admin, unit);
        Response invalid = admin.post("/accounts", json("businessUnit", unit, "name", Fixtures.unique("All Bad"),
                "country", "Germany", "currency", "EURO", "annualSales", 1000, "tier", "gold",
                "favouriteColour", "blue"));
        invalid.expectProblem(400);
        assertTrue(invalid.errorFields().containsAll(List.of("country", "currency", "tier", "favouriteColour")),
                "errors[] must name country, currency, tier and the unknown field favouriteColour together: "
                + invalid.describe());
        assertEquals(before, Fixtures.countAccounts(admin, unit), "refused input must not store an account");
    }

    @Test
    @Order(3)
    void deleteNeedsTheCurrentVersion() {
        String id = createAccount(admin, unit, Fixtures.unique("Doomed")).get("id").getAsString();
        admin.delete("/accounts/" + id).expectProblem(428);
        admin.delete("/accounts/" + id, "If-Match", etag(7)).expectProblem(412);
        admin.get("/accounts/" + id).expect(200);

        Response deleted = admin.delete("/accounts/" + id, "If-Match", etag(1));
        deleted.expect(204);
        assertTrue(deleted.body().isEmpty(), "204 must have no body: " + deleted.describe());
        admin.get("/accounts/" + id).expectProblem(404);
        admin.delete("/accounts/" + id, "If-Match", etag(1)).expectProblem(404);
    }

    @Test
    @Order(4)
    void contactsCrud() {
        String id = createAccount(admin, unit, Fixtures.unique("With Contacts")).get("id").getAsString();
        String contacts = "/accounts/" + id + "/contacts";
        assertEquals(0, admin.get(contacts).expect(200).array().size());

        Response created = admin.post(contacts, json("firstName", "Erika", "lastName", "Mustermann",
                "jobTitle", "Head of Purchasing", "email", "erika@example.com", "phone", "+49 30 1234")).expect(201);
        String contactId = created.text("id");
        assertEquals(etag(1), created.etag(), created.describe());
        assertEquals(id, created.text("accountId"));
        assertNotNull(created.header("Location"), created.describe());
        assertTrue(created.header("Location").endsWith(contacts + "/" + contactId), created.header("Location"));

        Response read = admin.get(contacts + "/" + contactId).expect(200);
        assertEquals("Mustermann", read.text("lastName"));
        assertEquals(etag(1), read.etag());
        JsonArray list = admin.get(contacts).expect(200).array();
        assertEquals(1, list.size(), list.toString());

        admin.post(contacts, json("firstName", "No", "lastName", "Mail", "email", "not-an-address"))
                .expectProblem(400);

        Response replaced = admin.put(contacts + "/" + contactId, json("firstName", "Erika", "lastName", "Musterfrau",
                "jobTitle", "CPO", "email", "erika@example.com"), "If-Match", etag(1)).expect(200);
        assertEquals(etag(2), replaced.etag(), replaced.describe());
        assertEquals("Musterfrau", replaced.text("lastName"));
        assertEquals("CPO", replaced.text("jobTitle"));

        Response patched = admin.patch(contacts + "/" + contactId, json("phone", "+49 30 9999"), "If-Match", etag(2))
                .expect(200);
        assertEquals(etag(3), patched.etag());
        assertEquals("Musterfrau", patched.text("lastName"), "PATCH keeps the other fields");
        admin.put(contacts + "/" + contactId, json("lastName", "Stale"), "If-Match", etag(1)).expectProblem(412);

        admin.delete(contacts + "/" + contactId, "If-Match", etag(3)).expect(204);
        admin.get(contacts + "/" + contactId).expectProblem(404);
        assertEquals(0, admin.get(contacts).expect(200).array().size());
    }

    @Test
    @Order(5)
    void teamCrud() {
        String id = createAccount(admin, unit, Fixtures.unique("With Team")).get("id").getAsString();
        String team = "/accounts/" + id + "/team";
        String userId = Fixtures.createUser(admin, Fixtures.unique("kam"), unit, "key-account-manager")
                .get("id").getAsString();

        Response added = admin.post(team, json("userId", userId, "function", "key-account-manager",
                "responsible", true)).expect(201);
        String memberId = added.text("id");
        assertEquals(etag(1), added.etag(), added.describe());
        assertEquals(userId, added.text("userId"));
        assertEquals("key-account-manager", added.text("function"));

        JsonArray members = admin.get(team).expect(200).array();
        assertEquals(1, members.size(), members.toString());
        assertEquals(memberId, members.get(0).getAsJsonObject().get("id").getAsString());

        admin.post(team, json("userId", "no-such-user", "function", "sales")).expectProblem(400);
        admin.post(team, json("userId", userId, "function", "astronaut")).expectProblem(400);

        Response updated = admin.put(team + "/" + memberId, json("userId", userId, "function", "sales",
                "responsible", false), "If-Match", etag(1)).expect(200);
        assertEquals(etag(2), updated.etag(), updated.describe());
        assertEquals("sales", updated.text("function"));
        admin.put(team + "/" + memberId, json("userId", userId, "function", "executive-sponsor"),
                "If-Match", etag(1)).expectProblem(412);

        admin.delete(team + "/" + memberId, "If-Match", etag(2)).expect(204);
        assertEquals(0, admin.get(team).expect(200).array().size());
    }

    @Test
    @Order(5)
    void teamMembershipsListWhereAUserServes() {
        String name = Fixtures.unique("member");
        String userId = Fixtures.createUser(admin, name, unit, "key-account-manager").get("id").getAsString();
        String accountName = Fixtures.unique("Served");
        String id = createAccount(admin, unit, accountName).get("id").getAsString();
        admin.post("/accounts/" + id + "/team", json("userId", userId, "function", "sales", "responsible", true))
                .expect(201);
        Api member = openkam.api().signIn(name, Fixtures.PASSWORD);

        JsonArray mine = member.get("/team-memberships?user=me").expect(200).array();
        assertEquals(1, mine.size(), mine.toString());
        JsonObject m = mine.get(0).getAsJsonObject();
        assertEquals(id, text(m, "accountId"));
        assertEquals(accountName, text(m, "accountName"));
        assertEquals(unit, text(m, "businessUnit"));
        assertEquals("key", text(m, "tier"));
        assertEquals("sales", text(m, "function"));
        assertTrue(m.get("responsible").getAsBoolean());
        assertEquals(mine, admin.get("/team-memberships?user=" + userId + "&businessUnit=" + unit).expect(200).array());
        assertEquals(0, admin.get("/team-memberships?user=me").expect(200).array().size());

        assertEquals(Set.of("user"), member.get("/team-memberships").expectProblem(400).problemFields());
        String elsewhere = Fixtures.createUnit(admin, "lifecycle-other");
        assertEquals(Set.of("businessUnit"), member.get("/team-memberships?user=me&businessUnit=" + elsewhere)
                .expectProblem(400).problemFields());
        openkam.api().get("/team-memberships?user=me").expectProblem(401);
    }

    @Test
    @Order(6)
    void auditTrailRecordsCreationAndChangesByField() {
        String name = Fixtures.unique("Audited");
        String id = createAccount(admin, unit, name).get("id").getAsString();
        admin.patch("/accounts/" + id, json("name", name + " Renamed", "country", "FR"), "If-Match", etag(1))
                .expect(200);

        Response audit = admin.get("/accounts/" + id + "/audit").expect(200);
        JsonArray entries = audit.items();
        List<JsonObject> accountEntries = StreamSupport.stream(entries.spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(e -> id.equals(text(e, "entityId")))
                .toList();
        Set<String> actions = accountEntries.stream().map(e -> text(e, "action")).collect(Collectors.toSet());
        assertTrue(actions.containsAll(Set.of("created", "updated")),
                "the audit trail must show created and updated: " + audit.describe());
        for (JsonObject e : accountEntries) {
            assertEquals("admin", text(e, "actorName"), "the actor of " + e);
            assertNotNull(text(e, "at"), "when: " + e);
        }

        JsonObject updated = accountEntries.stream().filter(e -> "updated".equals(text(e, "action"))).findFirst()
                .orElseThrow();
        Map<String, JsonObject> changes = new HashMap<>();
        for (JsonElement c : updated.getAsJsonArray("changes")) {
            changes.put(text(c.getAsJsonObject(), "field"), c.getAsJsonObject());
        }
        assertTrue(changes.containsKey("name"), "the update's changes must name the name field: " + updated);
        assertEquals(name, text(changes.get("name"), "before"), "name before: " + updated);
        assertEquals(name + " Renamed", text(changes.get("name"), "after"), "name after: " + updated);
        assertTrue(changes.containsKey("country"), "the update's changes must name country: " + updated);
        assertEquals("DE", text(changes.get("country"), "before"));
        assertEquals("FR", text(changes.get("country"), "after"));
        assertFalse(changes.containsKey("currency"), "an unchanged field is no change: " + updated);

        JsonObject created = accountEntries.stream().filter(e -> "created".equals(text(e, "action"))).findFirst()
                .orElseThrow();
        boolean createdName = StreamSupport.stream(created.getAsJsonArray("changes").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .anyMatch(c -> "name".equals(text(c, "field")) && name.equals(text(c, "after")));
        assertTrue(createdName, "the created entry must record the initial name: " + created);
    }

    private static String text(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
