package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
        // each change is answered once the model runs with it: no waiting after the answer
        JsonObject enabled = admin.get(MODEL).expect(200).object();
        assertEquals("70", parameter(unit(enabled, unit), "a.cutoff"), "the model shows the unit's parameters: "
                + enabled);
        assertEquals("unit", source(enabled, unit));

        boss.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", 60))).expect(200);
        JsonObject changed = admin.get(MODEL).expect(200).object();
        assertEquals("60", parameter(unit(changed, unit), "a.cutoff"), "a change replaces the values: " + changed);
        assertEquals("95", parameter(unit(changed, unit), "b.cutoff"), "one left out is the default again");

        boss.delete(MODEL + "/units/" + unit).expect(204);
        JsonObject removed = admin.get(MODEL).expect(200).object();
        assertEquals(null, unit(removed, unit), "removed: " + removed);
        assertEquals("every-unit", source(removed, unit));
        boss.delete(MODEL + "/units/" + unit).expectProblem(404);
    }

    @Test
    void valuesTheModelRefusesTogetherAreNamedAndTheValuesInForceStay() {
        String unit = Fixtures.createUnit(admin, "refused");
        admin.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", 70, "b.cutoff", 90))).expect(200);

        // each value is within its bounds; together they are not (A beyond B): the model's own rule
        Response refused = admin.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", 96,
                "b.cutoff", 90))).expectProblem(400);
        assertEquals(Set.of("parameters"), refused.problemFields(), refused.body());
        assertTrue(refused.body().contains("cut-offs must satisfy 0 < A <= B <= 100"), refused.body());
        JsonObject model = admin.get(MODEL).expect(200).object();
        assertEquals("70", parameter(unit(model, unit), "a.cutoff"), "the values in force stay: " + model);
        assertEquals("90", parameter(unit(model, unit), "b.cutoff"));
        assertEquals("unit", source(model, unit), "the unit is still scored with its own values, not those for "
                + "every unit");

        String fresh = Fixtures.createUnit(admin, "refusednew");
        admin.put(MODEL + "/units/" + fresh, json("parameters", Map.of("a.cutoff", 96, "b.cutoff", 90)))
                .expectProblem(400);
        JsonObject after = admin.get(MODEL).expect(200).object();
        assertEquals(null, unit(after, fresh), "a refused first configuration is not kept: " + after);
        assertEquals("every-unit", source(after, fresh));

        // the administrator's form writes through the configuration API: refused the same way
        Response everyUnit = admin.put("/admin/configurations/org.openkam.scoring.abc~default", json("properties",
                Map.of("businessUnit", "*", "a.cutoff", 96, "b.cutoff", 90))).expectProblem(400);
        assertEquals(Set.of("properties"), everyUnit.problemFields(), everyUnit.body());
        JsonObject defaults = admin.get(MODEL).expect(200).object();
        assertEquals("80", parameter(unit(defaults, "*"), "a.cutoff"), "every unit keeps its values: " + defaults);
        assertEquals("every-unit", source(defaults, fresh));
    }

    @Test
    void aUnitConfigurationWrittenOverHttpSurvivesARestart() throws InterruptedException {
        String unit = Fixtures.createUnit(admin, "kept");
        admin.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", 65, "b.cutoff", 85))).expect(200);
        assertNotNull(await(m -> "65".equals(parameter(unit(m, unit), "a.cutoff"))), admin.get(MODEL).body());
        // refused: what is kept for the next start is restored too
        admin.put(MODEL + "/units/" + unit, json("parameters", Map.of("a.cutoff", 90, "b.cutoff", 85)))
                .expectProblem(400);

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
        assertTrue(bad.problemFields().containsAll(List.of("parameters.a.cutoff", "parameters.colour")),
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

    /** Whose configuration decides the model for the unit: its own ({@code unit}), every unit's, or none. */
    private static String source(JsonObject model, String unit) {
        for (JsonElement e : model.getAsJsonArray("switches")) {
            if (e.getAsJsonObject().get("businessUnit").getAsString().equals(unit)) {
                return e.getAsJsonObject().get("source").getAsString();
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
