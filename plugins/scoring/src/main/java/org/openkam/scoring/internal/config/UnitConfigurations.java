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
import org.openkam.scoring.internal.engine.ScoringEngine;
import org.osgi.framework.BundleContext;
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

    /** A written configuration. */
    public record UnitConfiguration(String model, String businessUnit, String factoryPid, String pid,
            Map<String, String> parameters) {
    }

    /** Creates or replaces the unit's configuration of the model with {@code parameters}. */
    public UnitConfiguration write(Caller caller, String modelId, String unit, Map<String, String> parameters)
            throws IOException {
        authorize(caller, unit);
        Target target = target(modelId);
        Dictionary<String, Object> properties = typed(target, parameters);
        properties.put(UNIT, unit);
        Configuration config = existing(target.factoryPid(), unit).orElse(null);
        if (config == null) {
            // "?": a multi-location binding, so the model's bundle receives it whoever wrote it
            config = configurations.createFactoryConfiguration(target.factoryPid(), "?");
        }
        config.update(properties);
        return new UnitConfiguration(modelId, unit, target.factoryPid(), config.getPid(), new LinkedHashMap<>(parameters));
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

    private Target target(String modelId) {
        for (long serviceId : engine.instances(modelId)) {
            ServiceReference<?>[] refs;
            try {
                refs = context.getServiceReferences(ScoringModel.class.getName(), "(service.id=" + serviceId + ")");
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (refs == null) {
                continue;
            }
            Object name = refs[0].getProperty("component.name");
            ComponentDescriptionDTO dto = name == null ? null
                    : components.getComponentDescriptionDTO(refs[0].getBundle(), name.toString());
            if (dto != null && dto.configurationPid.length > 0) {
                String factoryPid = dto.configurationPid[0];
                MetaTypeInformation info = metatypes.getMetaTypeInformation(refs[0].getBundle());
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
