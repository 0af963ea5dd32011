package org.openkam.scoring.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ScoringModel;
import org.openkam.api.unit.UnitEnablement;
import org.osgi.framework.Constants;

/**
 * The registered models, by service id. A model's id, version and description are read once, when its service
 * comes or changes, under the time budget: listing models never calls model code.
 */
final class ModelCatalog {

    /** Lower-case words of letters and digits joined by hyphens or dots, at most 100 characters. */
    static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,98}[a-z0-9])?");
    private final Map<Long, InstalledModel> models = new ConcurrentHashMap<>();
    private final GuardedCalls calls;
    private final Duration budget;

    ModelCatalog(GuardedCalls calls, Duration budget) {
        this.calls = calls;
        this.budget = budget;
    }

    /** Reads a new or changed service and records it. */
    InstalledModel put(ScoringModel model, Map<String, ?> properties) {
        long serviceId = ((Number) properties.get(Constants.SERVICE_ID)).longValue();
        AtomicReference<String> id = new AtomicReference<>();
        AtomicReference<String> version = new AtomicReference<>();
        GuardedCalls.Outcome<ModelDescription> read = calls.call("service " + serviceId, () -> {
            id.set(model.id());
            version.set(model.version());
            return model.description();
        }, budget);
        String defect = null;
        if (!read.done()) {
            defect = "reading its id, version and description " + read.reason();
        } else if (id.get() == null || !ID.matcher(id.get()).matches()) {
            defect = "its id '" + id.get() + "' is not lower-case words joined by hyphens or dots (at most 100 "
                    + "characters)";
        } else if (version.get() == null || version.get().isBlank() || version.get().length() > 50) {
            defect = "its version '" + version.get() + "' is empty or longer than 50 characters";
        } else if (read.value() == null) {
            defect = "it has no description";
        }
        String modelId = id.get() != null && ID.matcher(id.get()).matches() ? id.get() : "service-" + serviceId;
        ModelDescription description = read.value() != null ? read.value()
                : new ModelDescription(modelId, "This model could not be read: " + defect, List.of(), Map.of());
        InstalledModel installed = new InstalledModel(serviceId, model, modelId,
                version.get() == null || version.get().isBlank() ? "unknown" : version.get().strip(), description,
                UnitEnablement.units(properties.get(UnitEnablement.BUSINESS_UNIT)),
                UnitEnablement.enabled(properties.get(UnitEnablement.ENABLED)), defect);
        models.put(serviceId, installed);
        return installed;
    }

    void remove(Map<String, ?> properties) {
        models.remove(((Number) properties.get(Constants.SERVICE_ID)).longValue());
    }

    /** Whether this very service is still registered (a run skips instances that went away meanwhile). */
    boolean contains(InstalledModel model) {
        return models.get(model.serviceId()) == model;
    }

    boolean installed(String modelId) {
        return models.values().stream().anyMatch(m -> m.id().equals(modelId));
    }

    /** Every instance, by model id then service id. */
    List<InstalledModel> all() {
        List<InstalledModel> all = new ArrayList<>(models.values());
        all.sort(Comparator.comparing(InstalledModel::id).thenComparingLong(InstalledModel::serviceId));
        return all;
    }

    /** The instances of each model id. */
    Map<String, List<InstalledModel>> byId() {
        Map<String, List<InstalledModel>> out = new TreeMap<>();
        for (InstalledModel m : all()) {
            out.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    /**
     * The instance of each model that scores a unit, as {@link UnitEnablement} decides (the one naming the unit
     * itself, else the one naming every unit, unless the deciding one is switched off); with several, the oldest
     * service. Defective instances are left out.
     */
    List<InstalledModel> enabledFor(String unit) {
        List<InstalledModel> out = new ArrayList<>();
        for (List<InstalledModel> instances : usable().values()) {
            UnitEnablement.serving(unit, instances, InstalledModel::enablement).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Whether a model is switched on for a unit and by which instance: {@code unit} (its own), {@code every-unit}
     * (the one for {@code *}), or {@code none}; the same decision as {@link #enabledFor}.
     */
    Switch switchOf(String modelId, String unit) {
        return UnitEnablement.decide(unit, usable().getOrDefault(modelId, List.of()), InstalledModel::enablement)
                .map(d -> new Switch(unit, d.enabled(), d.everyUnit() ? Switch.EVERY_UNIT : Switch.UNIT))
                .orElse(new Switch(unit, false, Switch.NONE));
    }

    /** The instances without defect of each model id, oldest service first. */
    private Map<String, List<InstalledModel>> usable() {
        Map<String, List<InstalledModel>> out = byId();
        out.values().forEach(instances -> instances.removeIf(m -> m.defect() != null));
        return out;
    }
}
