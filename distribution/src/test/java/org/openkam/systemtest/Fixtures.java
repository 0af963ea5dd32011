package org.openkam.systemtest;

import static org.openkam.systemtest.Api.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Unique names and the few records most tests need, created through the API. */
public final class Fixtures {

    /** A password long enough for the product's rule (12 characters at least). */
    public static final String PASSWORD = "correct-horse-battery-9";

    private Fixtures() {
    }

    /** {@code prefix-<8 hex>}: lower case, valid as a business unit id and as a username. */
    public static String unique(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    /** Creates a business unit (asserting 201) and returns its id. */
    public static String createUnit(Api api, String prefix) {
        String id = unique(prefix);
        api.post("/business-units", json("id", id, "name", "Unit " + id)).expect(201);
        return id;
    }

    /** Creates an account (asserting 201) with a name, a country and figures; extra fields override. */
    public static JsonObject createAccount(Api api, String unit, String name, Object... extra) {
        Map<String, Object> body = json("businessUnit", unit, "name", name, "country", "DE", "currency", "EUR",
                "annualSales", 1250000.5, "tier", "key", "status", "active");
        body.putAll(json(extra));
        return api.post("/accounts", body).expect(201).object();
    }

    /** Creates a user with the given roles in one unit (asserting 201); returns the user. */
    public static JsonObject createUser(Api admin, String username, String unit, String... roles) {
        return admin.post("/users", json("username", username, "password", PASSWORD, "displayName", username,
                "grants", Map.of(unit, roles))).expect(201).object();
    }

    /** How many accounts of a unit the caller sees ({@code total=true}). */
    public static long countAccounts(Api api, String unit) {
        Response r = api.get("/accounts?businessUnit=" + unit + "&total=true&limit=1").expect(200);
        if (!r.object().has("total") || r.object().get("total").isJsonNull()) {
            throw new AssertionError("total=true answered no total: " + r.describe());
        }
        return r.object().get("total").getAsLong();
    }

    /** {@code "n"}, as an ETag / If-Match value. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The id of the newest entry of the whole audit trail of one entity type, or {@code null} if there is none. */
    public static String newestAudit(Api admin, String entityType) {
        JsonArray items = admin.get("/audit?limit=1&entityType=" + entityType).expect(200).items();
        return items.isEmpty() ? null : items.get(0).getAsJsonObject().get("id").getAsString();
    }

    /** The audit entries of one entity type and id recorded after the entry {@code since}, newest first. */
    public static List<JsonObject> auditSince(Api admin, String entityType, String entityId, String since) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : admin.get("/audit?limit=200&entityType=" + entityType).expect(200).items()) {
            JsonObject entry = e.getAsJsonObject();
            if (entry.get("id").getAsString().equals(since)) {
                break;
            }
            if (entry.get("entityId").getAsString().equals(entityId)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** An audit entry's change of one field as "before -> after". */
    public static String auditChange(JsonObject entry, String field) {
        for (JsonElement c : entry.getAsJsonArray("changes")) {
            JsonObject change = c.getAsJsonObject();
            if (change.get("field").getAsString().equals(field)) {
                return text(change.get("before")) + " -> " + text(change.get("after"));
            }
        }
        return null;
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? "null" : e.getAsString();
    }

    /** The example scoring plugin's jar, as the build passes it in. */
    public static Path examplePlugin() {
        Path jar = Path.of(System.getProperty("openkam.example.plugin",
                "target/vendor-plugins/openkam-example-scoring.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no example plugin at " + jar + ": build plugins/examples first");
        return jar;
    }

    /** A scoring model as {@code GET /scoring/models} lists it, if it does. */
    public static Optional<JsonObject> scoringModel(Api api, String id) {
        return StreamSupport.stream(api.get("/scoring/models").expect(200).items().spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(m -> m.get("id").getAsString().equals(id)).findFirst();
    }

    /**
     * Polls a scoring model as {@code GET /scoring/models} lists it until {@code condition} holds; the minute is a
     * safety net, not a timing assertion.
     */
    public static Optional<JsonObject> awaitScoringModel(OpenKamProcess openkam, Api api, String id,
            String description, Predicate<Optional<JsonObject>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Optional<JsonObject> last = scoringModel(api, id);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " never " + description + "; last seen: " + last + "\n"
                        + openkam.outputTail(40));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = scoringModel(api, id);
        }
        return last;
    }

    /** The first account a search of the account list finds (the demo's, by a word of its name). */
    static JsonObject firstAccount(Api api, String search) {
        return api.get("/api/v1/accounts?q=" + search).expect(200).object().getAsJsonArray("items").get(0)
                .getAsJsonObject();
    }
}
