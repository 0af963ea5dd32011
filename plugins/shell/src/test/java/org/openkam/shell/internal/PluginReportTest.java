package org.openkam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ModelState;
import org.openkam.api.scoring.ModelStatus;

class PluginReportTest {

    private static ModelStatus model(String id, ModelState state, String... units) {
        ModelDescription d = new ModelDescription(id, "", List.of(), Map.of());
        Map<String, ModelDescription> enabled = new java.util.HashMap<>();
        for (String u : units) {
            enabled.put(u, d);
        }
        return new ModelStatus(id, "1.0.0", d, state, state == ModelState.QUARANTINED ? "too slow" : null, null, 0,
                enabled);
    }

    @Test
    void aUnitHasItsOwnInstancesAndTheEveryUnitOnes() {
        List<ModelStatus> models = List.of(model("wallet", ModelState.ACTIVE, "retail"),
                model("abc", ModelState.ACTIVE, "*"), model("growth", ModelState.QUARANTINED, "industrial"),
                model("idle", ModelState.ACTIVE));
        assertEquals(List.of("abc", "wallet"), PluginReport.enabledFor("retail", models));
        assertEquals(List.of("abc", "growth (quarantined)"), PluginReport.enabledFor("industrial", models));
    }

    @Test
    void theReportNamesBundlesModelsAndUnits() {
        String text = PluginReport.render(List.of(
                new PluginReport.BundleRow(7, "org.openkam.scoring", "0.1.0", "ACTIVE", Set.of("clv", "abc")),
                new PluginReport.BundleRow(9, "com.example.kam.scoring", "1.0.0", "RESOLVED", Set.of())),
                List.of(model("abc", ModelState.ACTIVE, "*"), model("clv", ModelState.ACTIVE, "retail")),
                List.of("retail", "industrial"));
        assertTrue(text.contains("7   ACTIVE    0.1.0    org.openkam.scoring      abc, clv\n"), text);
        assertTrue(text.contains("9   RESOLVED  1.0.0    com.example.kam.scoring  -\n"), text);
        assertTrue(text.contains("abc    1.0.0    ACTIVE  org.openkam.scoring  * (every unit)\n"), text);
        assertTrue(text.contains("industrial     abc\n"), text);
        assertTrue(text.contains("retail         abc, clv\n"), text);
    }

    @Test
    void withoutTheEngineTheBundlesStillShow() {
        String text = PluginReport.render(List.of(
                new PluginReport.BundleRow(7, "org.openkam.scoring", "0.1.0", "RESOLVED", Set.of())), null,
                List.of("retail"));
        assertTrue(text.contains("org.openkam.scoring"), text);
        assertTrue(text.contains("the scoring engine is not running"), text);
    }
}
