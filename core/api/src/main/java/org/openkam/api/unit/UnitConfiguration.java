package org.openkam.api.unit;

import java.util.Map;
import java.util.Objects;

/**
 * A business unit's own configuration of a plugin: one factory configuration of {@code factoryPid} whose
 * {@value UnitEnablement#BUSINESS_UNIT} property is the unit.
 *
 * @param factoryPid the factory PID it configures
 * @param businessUnit the unit, or {@value UnitEnablement#EVERY_UNIT}
 * @param enabled false if it switches the plugin off for the unit
 * @param pid the configuration's PID, or {@code null} if the unit has no configuration of its own (any more)
 * @param parameters its other properties, as texts (without the unit, the switch and the framework's bookkeeping)
 */
public record UnitConfiguration(String factoryPid, String businessUnit, boolean enabled, String pid,
        Map<String, String> parameters) {

    public UnitConfiguration {
        Objects.requireNonNull(factoryPid, "factoryPid");
        Objects.requireNonNull(businessUnit, "businessUnit");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
