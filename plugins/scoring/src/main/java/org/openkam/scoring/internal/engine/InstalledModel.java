package org.openkam.scoring.internal.engine;

import java.util.Map;
import java.util.Set;

import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ScoringModel;
import org.openkam.api.unit.UnitEnablement;

/**
 * One registered {@link ScoringModel} service as the engine knows it.
 *
 * @param serviceId the service's id
 * @param model the service object
 * @param id the model's id, or {@code service-<serviceId>} if it could not be read
 * @param version the model's version, or {@code unknown}
 * @param description its description, read once when the service came
 * @param units the units its {@value ScoringModel#BUSINESS_UNIT} property names ({@link ScoringModel#EVERY_UNIT}
 *        included)
 * @param switchedOn false if its {@value UnitEnablement#ENABLED} property is {@code false}: then it switches the
 *        model off for the units it names instead of enabling it there
 * @param defect why the engine cannot use it (its id, version or description could not be read, or are
 *        invalid), or {@code null}
 */
public record InstalledModel(long serviceId, ScoringModel model, String id, String version,
        ModelDescription description, Set<String> units, boolean switchedOn, String defect) {

    public InstalledModel {
        units = Set.copyOf(units);
    }

    /** The properties {@link UnitEnablement} decides by. */
    Map<String, Object> enablement() {
        return Map.of(UnitEnablement.BUSINESS_UNIT, units, UnitEnablement.ENABLED, switchedOn);
    }
}
