package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Configuration forms from metatype over {@code /api/v1/admin/configurations} on the running product: the list
 * shows every configurable component with the configurations FileInstall read from {@code etc/}; a scoring model's
 * definition reads as a form; a per-unit factory configuration written here takes effect in
 * {@code /api/v1/scoring/models}; bad values are a 400 naming each attribute and store nothing.
 */
class AdminConfigurationIT {

    private static final String ABC = "org.openkam.scoring.abc";
    private static OpenKamProcess openkam;
    private static Api admin;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("AdminConfigurationIT").start();
        admin = openkam.admin();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void theWholeAuditTrailIsForGlobalAdministratorsAndHoldsSignIns() {
        String unit = Fixtures.createUnit(admin, "audit");
        String username = Fixtures.unique("auditor");
        String userId = Fixtures.createUser(admin, username, unit, "bu-admin").get("id").getAsString();
        openkam.api().login(username, "not-the-password").expectProblem(401);
        Api buAdmin = openkam.api().signIn(username, Fixtures.PASSWORD);

        buAdmin.get("/audit").expectProblem(403);
        openkam.api().get("/audit").expectProblem(401);
        assertEquals(Set.of("limit"), admin.get("/audit?limit=0").expectProblem(400).problemFields());
        List<String> signIns = Fixtures.auditSince(admin, "sign-in", userId, null).stream()
                .map(e -> e.get("action").getAsString()).toList();
        assertEquals(List.of("signed-in", "sign-in-failed"), signIns, "newest first");
        assertTrue(admin.get("/audit?entityType=user").expect(200).items().toString().contains(userId),
                "the user's creation is in the trail too");
    }

    @Test
    void listsTheConfigurableComponentsWithTheShippedConfigurations() {
        JsonObject abc = configurable(ABC);
        assertTrue(abc.get("factory").getAsBoolean());
        assertEquals("org.openkam.scoring", abc.get("bundle").getAsString());
        JsonObject shipped = StreamSupport.stream(abc.getAsJsonArray("configurations").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(c -> !c.get("file").isJsonNull() && c.get("file").getAsString()
                        .endsWith("org.openkam.scoring.abc-default.cfg"))
                .findFirst().orElseThrow(() -> new AssertionError("the etc/ configuration is listed: " + abc));
        assertEquals("*", shipped.getAsJsonObject("properties").getAsJsonArray("businessUnit").get(0).getAsString());
        assertFalse(configurable("org.openkam.console.admin").get("factory").getAsBoolean());
    }

    @Test
    void readsAScoringModelsDefinitionAsAForm() {
        JsonObject form = admin.get("/admin/configurations/" + ABC).expect(200).object();
        assertEquals("OpenKAM scoring: ABC analysis", form.get("name").getAsString());
        JsonObject unit = attribute(form, "businessUnit");
        assertEquals("string", unit.get("type").getAsString());
        assertTrue(unit.get("required").getAsBoolean());
        JsonObject cutoff = attribute(form, "a.cutoff");
        assertEquals("double", cutoff.get("type").getAsString());
        assertEquals(0, cutoff.get("cardinality").getAsInt());
        assertEquals("80.0", cutoff.getAsJsonArray("defaultValue").get(0).getAsString().replaceAll("^80$", "80.0"));
        assertFalse(cutoff.get("required").getAsBoolean());
        JsonObject matrix = admin.get("/admin/configurations/org.openkam.scoring.matrix").expect(200).object();
        assertFalse(attribute(matrix, "money.scale").getAsJsonArray("options").isEmpty(), "a choice lists its options");
        admin.get("/admin/configurations/no.such.pid").expectProblem(404);
    }

    @Test
    void configurationBodiesAreStrictJsonOfTheExactMediaType() {
        String unit = Fixtures.createUnit(admin, "strict-config");
        String valid = "{\"properties\": {\"businessUnit\": \"" + unit + "\", \"a.cutoff\": 70}}";
        String path = "/admin/configurations/factories/" + ABC;
        admin.request("POST", path).body("application/jsonfoo", valid.getBytes(StandardCharsets.UTF_8)).send()
                .expectProblem(415);
        Response comment = admin.request("POST", path).body("application/json",
                ("/* x */ " + valid).getBytes(StandardCharsets.UTF_8)).send().expectProblem(400);
        assertEquals(Set.of("body"), comment.problemFields());
        Response twice = admin.request("POST", path).body("application/json", ("{\"properties\": {\"businessUnit\": \""
                + unit + "\", \"a.cutoff\": 70, \"a.cutoff\": 99}}").getBytes(StandardCharsets.UTF_8)).send()
                .expectProblem(400);
        assertEquals(Set.of("properties.a.cutoff"), twice.problemFields());
        Response huge = admin.request("POST", path).body("application/json", ("{\"properties\": {\"businessUnit\": \""
                + unit + "\", \"a.cutoff\": 1e999999}}").getBytes(StandardCharsets.UTF_8)).send().expectProblem(400);
        assertTrue(huge.problemFields().stream().anyMatch(f -> f.contains("a.cutoff")), huge.describe());
        assertFalse(Files.exists(openkam.home().resolve("etc").resolve(ABC + "-" + unit + ".cfg")), "nothing is stored");
    }

    @Test
    void aPerUnitFactoryConfigurationTakesEffectInTheScoringModels() throws Exception {
        String unit = Fixtures.createUnit(admin, "configured");
        String before = Fixtures.newestAudit(admin, "configuration");
        JsonObject created = admin.post("/admin/configurations/factories/" + ABC,
                json("properties", Map.of("businessUnit", unit, "a.cutoff", 70, "b.cutoff", "90"))).expect(201)
                .object();
        String pid = created.get("pid").getAsString();
        assertEquals(ABC, created.get("factoryPid").getAsString());
        JsonObject enabled = awaitUnit(unit, Optional::isPresent).orElseThrow();
        assertEquals("70", number(enabled.getAsJsonObject("parameters").get("a.cutoff").getAsString()));
        // kept as a file in etc/, as FileInstall names them, since the framework's storage is rebuilt at each start
        Path file = openkam.home().resolve("etc").resolve(ABC + "-" + unit + ".cfg");
        assertTrue(created.get("file").getAsString().endsWith(file.getFileName().toString()), created.toString());
        assertNotNull(awaitFile(file, t -> t.contains(unit)), "the configuration's file names the unit");

        // the same unit twice: refused, naming the unit
        Response twice = admin.post("/admin/configurations/factories/" + ABC,
                json("properties", Map.of("businessUnit", unit))).expectProblem(409);
        assertEquals(Set.of("businessUnit"), twice.problemFields());

        // the form lists it, and its own PID opens it
        JsonObject form = admin.get("/admin/configurations/" + pid).expect(200).object();
        assertEquals(ABC, form.get("pid").getAsString());

        admin.put("/admin/configurations/" + pid, json("properties", Map.of("businessUnit", unit, "a.cutoff", 60)))
                .expect(200);
        awaitUnit(unit, u -> u.isPresent() && "60".equals(number(u.get().getAsJsonObject("parameters")
                .get("a.cutoff").getAsString())));

        admin.delete("/admin/configurations/" + pid).expect(204);
        awaitUnit(unit, Optional::isEmpty);
        assertFalse(Files.exists(file), "its file goes with it");
        admin.delete("/admin/configurations/" + pid).expectProblem(404);

        // created, changed and deleted: each in the audit trail with what it changed
        List<JsonObject> trail = Fixtures.auditSince(admin, "configuration", pid, before);
        assertEquals(List.of("deleted", "updated", "created"), trail.stream().map(e -> e.get("action").getAsString())
                .toList(), trail.toString());
        assertEquals("null -> 70", Fixtures.auditChange(trail.get(2), "a.cutoff").replace(".0", ""));
        assertEquals("70 -> 60", Fixtures.auditChange(trail.get(1), "a.cutoff").replace(".0", ""));
        assertEquals("60 -> null", Fixtures.auditChange(trail.get(0), "a.cutoff").replace(".0", ""));
        assertTrue(trail.stream().allMatch(e -> e.get("actorName").getAsString().equals(OpenKamProcess.ADMIN)));
    }

    @Test
    void badValuesAreA400NamingEachAttributeAndStoreNothing() {
        String unit = Fixtures.createUnit(admin, "badvalues");
        int before = configurable(ABC).getAsJsonArray("configurations").size();
        Response bad = admin.post("/admin/configurations/factories/" + ABC, json("properties",
                Map.of("businessUnit", unit, "a.cutoff", "lots", "b.cutoff", 150, "colour", "red"))).expectProblem(400);
        assertEquals(Set.of("a.cutoff", "b.cutoff", "colour"), bad.problemFields());
        Response noUnit = admin.post("/admin/configurations/factories/" + ABC, json("properties",
                Map.of("businessUnit", "no-such-unit-x"))).expectProblem(400);
        assertEquals(Set.of("businessUnit"), noUnit.problemFields());
        Response missing = admin.post("/admin/configurations/factories/" + ABC, json("properties",
                Map.of("a.cutoff", 50))).expectProblem(400);
        assertEquals(Set.of("businessUnit"), missing.problemFields());
        assertEquals(before, configurable(ABC).getAsJsonArray("configurations").size(), "nothing was stored");

        // a singleton PID: the console's own administration settings
        Response singleton = admin.put("/admin/configurations/org.openkam.console.admin",
                json("properties", Map.of("upload.max.megabytes", 0))).expectProblem(400);
        assertEquals(Set.of("upload.max.megabytes"), singleton.problemFields());
        admin.put("/admin/configurations/org.openkam.console.admin", json("weights", 1)).expectProblem(400);
        assertTrue(configurable("org.openkam.console.admin").getAsJsonArray("configurations").isEmpty());
    }

    @Test
    void editingAShippedConfigurationWritesItBackToItsFile() throws IOException {
        Path file = openkam.home().resolve("etc").resolve("org.openkam.scoring.clv-default.cfg");
        JsonObject clv = configurable("org.openkam.scoring.clv");
        String pid = StreamSupport.stream(clv.getAsJsonArray("configurations").spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(c -> !c.get("file").isJsonNull())
                .findFirst().orElseThrow().get("pid").getAsString();
        admin.put("/admin/configurations/" + pid, json("properties", Map.of("businessUnit", "*",
                "retention.rate", 75))).expect(200);
        java.util.regex.Pattern written = java.util.regex.Pattern.compile("(?m)^\\s*retention\\.rate\\s*[=:].*75");
        String text = awaitFile(file, t -> written.matcher(t).find());
        assertNotNull(text, "FileInstall wrote the change to " + file + ":\n" + Files.readString(file));
    }

    @Test
    void onlyGlobalAdministratorsConfigure() {
        String unit = Fixtures.createUnit(admin, "cfgboss");
        String username = Fixtures.unique("cfg-boss");
        Fixtures.createUser(admin, username, unit, "bu-admin");
        Api boss = openkam.api().signIn(username, Fixtures.PASSWORD);
        boss.get("/admin/configurations").expectProblem(403);
        boss.get("/admin/configurations/" + ABC).expectProblem(403);
        boss.post("/admin/configurations/factories/" + ABC, json("properties", Map.of("businessUnit", unit)))
                .expectProblem(403);
        assertNull(StreamSupport.stream(configurable(ABC).getAsJsonArray("configurations").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(c -> c.getAsJsonObject("properties").getAsJsonArray("businessUnit").get(0).getAsString()
                        .equals(unit)).findFirst().orElse(null), "nothing was stored");
    }

    private static JsonObject configurable(String pid) {
        return StreamSupport.stream(admin.get("/admin/configurations").expect(200).items().spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(c -> c.get("pid").getAsString().equals(pid)).findFirst()
                .orElseThrow(() -> new AssertionError(pid + " is not listed"));
    }

    private static JsonObject attribute(JsonObject form, String id) {
        return StreamSupport.stream(form.getAsJsonArray("attributes").spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(a -> a.get("id").getAsString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the form: " + form));
    }

    private static String number(String value) {
        return value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
    }

    /** The abc model's configuration for the unit, polled until {@code condition}; the limit is a safety net. */
    private static Optional<JsonObject> awaitUnit(String unit, Predicate<Optional<JsonObject>> condition)
            throws InterruptedException {
        Optional<JsonObject> last = Optional.empty();
        for (int i = 0; i < 240; i++) {
            JsonObject model = admin.get("/scoring/models/abc-analysis").expect(200).object();
            last = StreamSupport.stream(model.getAsJsonArray("businessUnits").spliterator(), false)
                    .map(JsonElement::getAsJsonObject)
                    .filter(u -> u.get("businessUnit").getAsString().equals(unit)).findFirst();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the unit's configuration never reached the condition; last: " + last);
    }

    private static String awaitFile(Path file, Predicate<String> condition) throws IOException {
        for (int i = 0; i < 240; i++) {
            String text = Files.readString(file);
            if (condition.test(text)) {
                return text;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
