package org.openkam.shell.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.scoring.ScoringModel;

/**
 * What {@code kam:plugins} prints: the OpenKAM bundles with their state and the scoring models each contributes,
 * the installed models with the units they are enabled for, and per business unit the models that score it.
 */
final class PluginReport {

    /**
     * One bundle as the framework knows it.
     *
     * @param models the ids of the scoring models it registers
     */
    record BundleRow(long id, String symbolicName, String version, String state, Set<String> models) {

        BundleRow {
            models = Set.copyOf(models);
        }
    }

    private PluginReport() {
    }

    /**
     * The report.
     *
     * @param bundles the OpenKAM bundles and the plugins built on the API
     * @param models the engine's models, or {@code null} when the scoring engine does not run
     * @param units the business unit ids
     */
    static String render(List<BundleRow> bundles, List<ModelStatus> models, Collection<String> units) {
        StringBuilder out = new StringBuilder();
        Table table = new Table("ID", "STATE", "VERSION", "BUNDLE", "SCORING MODELS").limit(4, 200);
        Map<String, String> bundleOfModel = new TreeMap<>();
        for (BundleRow b : bundles) {
            table.row(b.id(), b.state(), b.version(), b.symbolicName(), String.join(", ", new TreeSet<>(b.models())));
            b.models().forEach(m -> bundleOfModel.put(m, b.symbolicName()));
        }
        out.append("Bundles\n").append(table.render());
        if (models == null) {
            out.append("\nScoring models: the scoring engine is not running (bundle org.openkam.scoring stopped or"
                    + " missing), so no model scores any unit.\n");
            return out.toString();
        }
        Table modelTable = new Table("MODEL", "VERSION", "STATE", "BUNDLE", "ENABLED FOR").limit(4, 200);
        for (ModelStatus m : models) {
            List<String> enabled = m.units().keySet().stream()
                    .map(u -> ScoringModel.EVERY_UNIT.equals(u) ? "* (every unit)" : u).toList();
            modelTable.row(m.id(), m.version(), m.state() + (m.reason() == null ? "" : " (" + m.reason() + ")"),
                    bundleOfModel.get(m.id()), enabled.isEmpty() ? "no unit" : String.join(", ", enabled));
        }
        out.append("\nScoring models\n").append(models.isEmpty() ? "(none installed)\n" : modelTable.render());
        Table unitTable = new Table("BUSINESS UNIT", "MODELS").limit(1, 400);
        for (String unit : new TreeSet<>(units)) {
            List<String> enabled = enabledFor(unit, models);
            unitTable.row(unit, enabled.isEmpty() ? "none" : String.join(", ", enabled));
        }
        out.append("\nEnabled per business unit\n").append(unitTable.size() == 0 ? "(no business unit)\n"
                : unitTable.render());
        return out.toString();
    }

    /** The models scoring a unit: those with an instance of their own for it, else one for every unit. */
    static List<String> enabledFor(String unit, List<ModelStatus> models) {
        List<String> enabled = new ArrayList<>();
        for (ModelStatus m : models) {
            if (m.units().containsKey(unit) || m.units().containsKey(ScoringModel.EVERY_UNIT)) {
                enabled.add(m.id() + (m.state().name().equals("ACTIVE") ? "" : " (" + m.state().name().toLowerCase()
                        + ")"));
            }
        }
        enabled.sort(null);
        return enabled;
    }
}
