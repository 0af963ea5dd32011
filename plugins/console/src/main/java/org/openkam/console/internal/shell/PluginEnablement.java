package org.openkam.console.internal.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.openkam.api.Caller;
import org.openkam.api.unit.UnitEnablement;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Which business units a plugin serves, read from the factory configurations of the PID its pages name in
 * {@link org.openkam.http.api.ConsoleModules#ENABLEMENT}, decided by {@link UnitEnablement}'s rule as the plugin
 * decides it for its routes. The navigation asks per request, so a unit switched on or off shows at once.
 */
final class PluginEnablement {

    /** A factory PID as ConfigAdmin spells them; anything else serves no unit (and never reaches a filter). */
    static final Pattern PID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Function<String, List<Map<String, Object>>> instances;

    /** Reads the configurations from ConfigAdmin, in PID order. */
    static PluginEnablement of(ConfigurationAdmin configurations) {
        return new PluginEnablement(factoryPid -> {
            try {
                Configuration[] found = configurations.listConfigurations(
                        "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + factoryPid + ")");
                List<Map<String, Object>> out = new ArrayList<>();
                if (found != null) {
                    List<Configuration> sorted = new ArrayList<>(List.of(found));
                    sorted.sort(Comparator.comparing(Configuration::getPid));
                    for (Configuration c : sorted) {
                        out.add(map(c.getProperties()));
                    }
                }
                return out;
            } catch (IOException | InvalidSyntaxException e) {
                throw new IllegalStateException("reading the configurations of " + factoryPid + " failed", e);
            }
        });
    }

    /** @param instances the properties of a factory PID's configurations, in the order the rule takes them */
    PluginEnablement(Function<String, List<Map<String, Object>>> instances) {
        this.instances = instances;
    }

    /**
     * Whether the plugin serves {@code unit}, or without one any unit the caller holds a role in (for an
     * administrator without roles, any unit at all).
     */
    boolean serves(String factoryPid, Caller caller, String unit) {
        if (!PID.matcher(factoryPid).matches()) {
            return false;
        }
        List<Map<String, Object>> configured = instances.apply(factoryPid);
        if (unit != null) {
            return UnitEnablement.serving(unit, configured, p -> p).isPresent();
        }
        Collection<String> units = caller.grants().keySet();
        if (units.stream().anyMatch(u -> UnitEnablement.serving(u, configured, p -> p).isPresent())) {
            return true;
        }
        return caller.admin() && configured.stream().anyMatch(p -> UnitEnablement.enabled(p.get(UnitEnablement.ENABLED))
                && !UnitEnablement.units(p.get(UnitEnablement.BUSINESS_UNIT)).isEmpty());
    }

    private static Map<String, Object> map(Dictionary<String, Object> properties) {
        Map<String, Object> out = new HashMap<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                out.put(key, properties.get(key));
            }
        }
        return out;
    }
}
