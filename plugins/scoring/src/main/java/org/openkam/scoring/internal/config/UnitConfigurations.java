package org.openkam.scoring.internal.config;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.scoring.ScoringModel;
import org.openkam.scoring.internal.engine.InstalledModel;
import org.openkam.scoring.internal.engine.ScoringEngine;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Writes a model's configuration for one business unit: the factory configuration (property
 * {@code businessUnit}) of the Declarative Services component that provides the model, found through the
 * component runtime, so it serves vendors' models as much as the built-in ones. Values are checked against
 * the model's metatype before anything is written, so a bad parameter is a 400 naming it, never a silently
 * failing component.
 */
@Component(service = UnitConfigurations.class)
public final class UnitConfigurations {

    private static final String UNIT = "businessUnit";
    private static final String ENABLED = InstalledModel.ENABLED;
    private final ScoringEngine engine;
    private final BusinessUnits units;
    private final ConfigurationAdmin configurations;
    private final ServiceComponentRuntime components;
    private final MetaTypeService metatypes;
    private final BundleContext context;

    @Activate
    public UnitConfigurations(@Reference ScoringEngine engine, @Reference BusinessUnits units,
            @Reference ConfigurationAdmin configurations, @Reference ServiceComponentRuntime components,
            @Reference MetaTypeService metatypes, BundleContext context) {
        this.engine = engine;
        this.units = units;
        this.configurations = configurations;
        this.components = components;
        this.metatypes = metatypes;
        this.context = context;
    }

    /**
     * A written configuration.
     *
     * @param enabled false if it switches the model off for the unit
     * @param pid the configuration's PID, or {@code null} if the unit has none of its own (any more)
     */
    public record UnitConfiguration(String model, String businessUnit, boolean enabled, String factoryPid, String pid,
            Map<String, String> parameters) {
    }

    /** Where a model comes from: the bundle providing it, and its factory PID if it is configurable. */
    public record Origin(String bundle, String bundleName, String vendor, String bundleVersion, String factoryPid) {
    }

    /**
     * Creates or replaces the unit's configuration of the model with {@code parameters}; {@code enabled} false
     * writes a configuration that switches the model off for the unit (its parameters kept for later).
     */
    public UnitConfiguration write(Caller caller, String modelId, String unit, Map<String, String> parameters,
            boolean enabled) throws IOException {
        authorize(caller, unit);
        Target target = target(modelId);
        Dictionary<String, Object> properties = typed(target, parameters);
        properties.put(UNIT, unit);
        if (!enabled) {
            properties.put(ENABLED, Boolean.FALSE);
        }
        Configuration config = existing(target.factoryPid(), unit).orElse(null);
        if (config == null) {
            // "?": a multi-location binding, so the model's bundle receives it whoever wrote it
            config = configurations.createFactoryConfiguration(target.factoryPid(), "?");
        }
        config.update(properties);
        return new UnitConfiguration(modelId, unit, enabled, target.factoryPid(), config.getPid(),
                new LinkedHashMap<>(parameters));
    }

    /**
     * Switches the model on or off for one unit (or for every unit, {@code *}), keeping the unit's parameters.
     * Off: the unit's configuration gets {@code enabled=false} (created if it has none, so a configuration for
     * every unit no longer reaches it). On: a unit configuration that only switched the model off is removed when a
     * configuration for every unit would enable the model there; otherwise the unit's configuration is switched
     * on, or created with the model's defaults.
     */
    public UnitConfiguration switchTo(Caller caller, String modelId, String unit, boolean enabled) throws IOException {
        authorize(caller, unit);
        Target target = target(modelId);
        Configuration own = existing(target.factoryPid(), unit).orElse(null);
        Dictionary<String, Object> properties = own == null || own.getProperties() == null ? new Hashtable<>()
                : own.getProperties();
        Map<String, String> parameters = parameters(properties);
        if (enabled && own != null && parameters.isEmpty() && !ScoringModel.EVERY_UNIT.equals(unit)
                && existing(target.factoryPid(), ScoringModel.EVERY_UNIT).filter(c -> on(c.getProperties()))
                        .isPresent()) {
            own.delete(); // the configuration for every unit takes over again
            return new UnitConfiguration(modelId, unit, true, target.factoryPid(), null, parameters);
        }
        if (own == null) {
            if (enabled && !ScoringModel.EVERY_UNIT.equals(unit) && existing(target.factoryPid(),
                    ScoringModel.EVERY_UNIT).filter(c -> on(c.getProperties())).isPresent()) {
                return new UnitConfiguration(modelId, unit, true, target.factoryPid(), null, parameters); // on already
            }
            // "?": a multi-location binding, so the model's bundle receives it whoever wrote it
            own = configurations.createFactoryConfiguration(target.factoryPid(), "?");
        }
        properties.put(UNIT, unit);
        if (enabled) {
            properties.remove(ENABLED);
        } else {
            properties.put(ENABLED, Boolean.FALSE);
        }
        own.update(properties);
        return new UnitConfiguration(modelId, unit, enabled, target.factoryPid(), own.getPid(), parameters);
    }

    /** The bundle that provides the model, and the factory PID configuring it if there is one. */
    public Origin origin(String modelId) {
        for (ServiceReference<?> ref : references(modelId)) {
            Bundle b = ref.getBundle();
            if (b == null) {
                continue; // unregistered meanwhile
            }
            String factoryPid = null;
            try {
                factoryPid = target(modelId).factoryPid();
            } catch (NotFoundException e) {
                // installed, but not a DS component with a configuration: nothing to configure per unit
            }
            return new Origin(b.getSymbolicName(), b.getHeaders("").get(Constants.BUNDLE_NAME),
                    b.getHeaders("").get(Constants.BUNDLE_VENDOR), b.getVersion().toString(), factoryPid);
        }
        throw new NotFoundException("scoring model", modelId);
    }

    /** A configuration's own parameters: its properties without the unit, the switch and the framework's. */
    private static Map<String, String> parameters(Dictionary<String, Object> properties) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (java.util.Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!key.equals(UNIT) && !key.equals(ENABLED) && !key.startsWith("service.")
                    && !key.startsWith("felix.") && !key.startsWith("component.")) {
                out.put(key, String.valueOf(properties.get(key)));
            }
        }
        return out;
    }

    private static boolean on(Dictionary<String, Object> properties) {
        Object value = properties == null ? null : properties.get(ENABLED);
        return !(Boolean.FALSE.equals(value) || value instanceof String s && s.strip().equalsIgnoreCase("false"));
    }

    /** Removes the unit's configuration of the model. */
    public void delete(Caller caller, String modelId, String unit) throws IOException {
        authorize(caller, unit);
        Target target = target(modelId);
        Configuration config = existing(target.factoryPid(), unit)
                .orElseThrow(() -> new NotFoundException("configuration of " + modelId + " for unit", unit));
        config.delete();
    }

    private void authorize(Caller caller, String unit) {
        if (ScoringModel.EVERY_UNIT.equals(unit)) {
            if (!caller.admin()) {
                throw new AccessDeniedException("only administrators configure a model for every unit");
            }
            return;
        }
        units.get(caller, unit); // not found for a unit the caller does not see
        if (!caller.canManage(unit)) {
            throw new AccessDeniedException("configuring scoring for " + unit + " needs the bu-admin role");
        }
    }

    /** The model's providing component: its factory PID and metatype. */
    private record Target(String factoryPid, ObjectClassDefinition definition) {
    }

    private java.util.List<ServiceReference<?>> references(String modelId) {
        java.util.List<ServiceReference<?>> out = new java.util.ArrayList<>();
        for (long serviceId : engine.instances(modelId)) {
            ServiceReference<?>[] refs;
            try {
                refs = context.getServiceReferences(ScoringModel.class.getName(), "(service.id=" + serviceId + ")");
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (refs != null) {
                out.add(refs[0]);
            }
        }
        return out;
    }

    private Target target(String modelId) {
        for (ServiceReference<?> ref : references(modelId)) {
            Object name = ref.getProperty("component.name");
            ComponentDescriptionDTO dto = name == null ? null
                    : components.getComponentDescriptionDTO(ref.getBundle(), name.toString());
            if (dto != null && dto.configurationPid.length > 0) {
                String factoryPid = dto.configurationPid[0];
                MetaTypeInformation info = metatypes.getMetaTypeInformation(ref.getBundle());
                ObjectClassDefinition ocd = null;
                if (info != null && java.util.Arrays.asList(info.getFactoryPids()).contains(factoryPid)) {
                    ocd = info.getObjectClassDefinition(factoryPid, null);
                }
                return new Target(factoryPid, ocd);
            }
        }
        throw new NotFoundException("configurable scoring model", modelId);
    }

    /** The parameters as the metatype types them; every bad or unknown one is reported by name. */
    private static Dictionary<String, Object> typed(Target target, Map<String, String> parameters) {
        Dictionary<String, Object> out = new Hashtable<>();
        Violations v = new Violations();
        Map<String, AttributeDefinition> known = new LinkedHashMap<>();
        if (target.definition() != null) {
            for (AttributeDefinition ad : target.definition().getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                known.put(ad.getID(), ad);
            }
        }
        parameters.forEach((key, value) -> {
            String field = "parameters." + key;
            AttributeDefinition ad = known.get(key);
            if (UNIT.equals(key)) {
                v.add(field, "is set by the path, not as a parameter");
            } else if (ENABLED.equals(key)) {
                v.add(field, "is set by the field enabled, not as a parameter");
            } else if (ad == null) {
                v.add(field, "is not a parameter of this model; known: " + known.keySet());
            } else if (value == null) {
                v.add(field, "must have a value");
            } else {
                String problem = ad.validate(value);
                Object typed = convert(ad, value);
                if (problem != null && !problem.isEmpty()) {
                    v.add(field, problem);
                } else if (typed == null) {
                    v.add(field, "must be a number");
                } else {
                    out.put(key, typed);
                }
            }
        });
        if (!v.isEmpty()) {
            throw new ValidationException(v.list());
        }
        return out;
    }

    /** The value as the attribute's type, or {@code null} if it is not one. */
    private static Object convert(AttributeDefinition ad, String value) {
        try {
            return switch (ad.getType()) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(value);
                case AttributeDefinition.LONG -> Long.valueOf(value);
                case AttributeDefinition.DOUBLE -> Double.valueOf(value);
                case AttributeDefinition.FLOAT -> Float.valueOf(value);
                case AttributeDefinition.BOOLEAN -> Boolean.valueOf(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Optional<Configuration> existing(String factoryPid, String unit) throws IOException {
        try {
            Configuration[] found = configurations.listConfigurations("(&(service.factoryPid=" + factoryPid + ")("
                    + UNIT + "=" + escape(unit) + "))");
            return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
        } catch (InvalidSyntaxException e) {
            throw new ValidationException(UNIT, "is not a unit id");
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
