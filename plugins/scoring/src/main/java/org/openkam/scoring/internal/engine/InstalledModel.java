package org.openkam.scoring.internal.engine;

import java.util.Set;

import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ScoringModel;

/**
 * One registered {@link ScoringModel} service as the engine knows it.
 *
 * @param serviceId the service's id
 * @param model the service object
 * @param id the model's id, or {@code service-<serviceId>} if it could not be read
 * @param version the model's version, or {@code unknown}
 * @param description its description, read once when the service came
 * @param units the units it is enabled for ({@link ScoringModel#EVERY_UNIT} included)
 * @param defect why the engine cannot use it (its id, version or description could not be read, or are
 *        invalid), or {@code null}
 */
public record InstalledModel(long serviceId, ScoringModel model, String id, String version,
        ModelDescription description, Set<String> units, String defect) {

    public InstalledModel {
        units = Set.copyOf(units);
    }

    /** Whether this instance is enabled for {@code unit} itself (not through {@code *}). */
    boolean enabledFor(String unit) {
        return units.contains(unit);
    }
}
