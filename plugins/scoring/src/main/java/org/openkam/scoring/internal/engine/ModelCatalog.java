package org.openkam.scoring.internal.engine;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ScoringModel;
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
        Set<String> units = units(properties.get(ScoringModel.BUSINESS_UNIT));
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
                units, defect);
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
     * The instance of each model that scores a unit: the one enabled for the unit itself, else one enabled for
     * every unit; with several, the oldest service. Defective instances are left out.
     */
    List<InstalledModel> enabledFor(String unit) {
        Map<String, InstalledModel> chosen = new LinkedHashMap<>();
        for (InstalledModel m : all()) {
            if (m.defect() == null && m.enabledFor(unit)) {
                chosen.putIfAbsent(m.id(), m);
            }
        }
        for (InstalledModel m : all()) {
            if (m.defect() == null && m.enabledFor(ScoringModel.EVERY_UNIT)) {
                chosen.putIfAbsent(m.id(), m);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    /** The {@code businessUnit} property as a set of unit ids: a text, an array or a collection of texts. */
    static Set<String> units(Object property) {
        Set<String> units = new LinkedHashSet<>();
        if (property instanceof String s) {
            add(units, s);
        } else if (property instanceof Collection<?> c) {
            c.forEach(v -> add(units, String.valueOf(v)));
        } else if (property != null && property.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(property); i++) {
                add(units, String.valueOf(Array.get(property, i)));
            }
        }
        return units;
    }

    private static void add(Set<String> units, String value) {
        if (value != null && !value.isBlank()) {
            units.add(value.strip());
        }
    }
}
