package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** A model's per-unit configuration written over HTTP reaches the model, checked against its form. */
class ScoringConfigurationIT {

    private static final String MODEL = "/scoring/models/abc-analysis";
    private static OpenKamProcess openkam;
    private static Api admin;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("ScoringConfigurationIT").start();
        admin = openkam.admin();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void aUnitAdministratorConfiguresAModelForTheirUnit() throws InterruptedException {
        String unit = Fixtures.createUnit(admin, "abc");
        String buAdmin = Fixtures.unique("buadmin");
        Fixtures.createUser(admin, buAdmin, unit, "bu-admin");
        Api boss = openkam.api().signIn(buAdmin, Fixtures.PASSWORD);

        JsonObject written = boss.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", 70,
                "b.cutoff", 90))).expect(200).object();
        assertEquals(unit, written.get("businessUnit").getAsString());
        JsonObject enabled = await(m -> unit(m, unit) != null && "70".equals(parameter(unit(m, unit), "a.cutoff")));
        assertNotNull(enabled, "the model shows the unit's parameters: " + admin.get(MODEL).body());

        boss.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", 60))).expect(200);
        assertNotNull(await(m -> "60".equals(parameter(unit(m, unit), "a.cutoff"))), "a change replaces the values");

        boss.delete(MODEL + "/units/" + unit).expect(204);
        assertNotNull(await(m -> unit(m, unit) == null), "removed: " + admin.get(MODEL).body());
        boss.delete(MODEL + "/units/" + unit).expectProblem(404);
    }

    @Test
    void aUnitConfigurationWrittenOverHttpSurvivesARestart() throws InterruptedException {
        String unit = Fixtures.createUnit(admin, "kept");
        admin.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", 65, "b.cutoff", 85))).expect(200);
        assertNotNull(await(m -> "65".equals(parameter(unit(m, unit), "a.cutoff"))), admin.get(MODEL).body());

        openkam.stop();
        openkam.start();
        admin = openkam.admin();

        JsonObject after = await(m -> unit(m, unit) != null);
        assertNotNull(after, "the unit's configuration is gone after a restart: " + admin.get(MODEL).body());
        assertEquals("65", parameter(unit(after, unit), "a.cutoff"));
        assertEquals("85", parameter(unit(after, unit), "b.cutoff"));
    }

    @Test
    void badParametersAreNamedAndNothingIsWritten() throws InterruptedException {
        String unit = Fixtures.createUnit(admin, "bad");
        Response bad = admin.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", "lots",
                "colour", "red"))).expectProblem(400);
        assertTrue(bad.problemFields().containsAll(java.util.List.of("parameters.a.cutoff", "parameters.colour")),
                bad.body());
        admin.put(MODEL + "/units/" + unit, json("weights", 1)).expectProblem(400);
        Thread.sleep(1000);
        assertEquals(null, unit(admin.get(MODEL).expect(200).object(), unit), "nothing was written");
    }

    @Test
    void othersMayNotConfigure() {
        String unit = Fixtures.createUnit(admin, "guarded");
        String kam = Fixtures.unique("kam");
        Fixtures.createUser(admin, kam, unit, "key-account-manager");
        Api manager = openkam.api().signIn(kam, Fixtures.PASSWORD);
        manager.put(MODEL + "/units/" + unit, json("parameters", Map.of())).expectProblem(403);
        manager.put(MODEL + "/units/*", json("parameters", Map.of())).expectProblem(403);
        admin.put("/scoring/models/no-such-model/units/" + unit, json("parameters", Map.of())).expectProblem(404);
        admin.put(MODEL + "/units/no-such-unit", json("parameters", Map.of())).expectProblem(404);
    }

    private static JsonObject await(Predicate<JsonObject> condition) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            JsonObject model = admin.get(MODEL).expect(200).object();
            if (condition.test(model)) {
                return model;
            }
            Thread.sleep(250);
        }
        return null;
    }

    private static JsonObject unit(JsonObject model, String unit) {
        for (JsonElement e : model.getAsJsonArray("businessUnits")) {
            if (e.getAsJsonObject().get("businessUnit").getAsString().equals(unit)) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    private static String parameter(JsonObject unit, String name) {
        if (unit == null || !unit.has("parameters") || !unit.getAsJsonObject("parameters").has(name)) {
            return null;
        }
        String value = unit.getAsJsonObject("parameters").get(name).getAsString();
        return value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
    }
}
