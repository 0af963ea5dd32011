package org.openkam.scoring.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.scoring.ScoringModel;
import org.openkam.scoring.internal.engine.ScoringEngine;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * A model's configuration for one business unit: the factory configuration of the Declarative Services component
 * that provides the model, found through the component runtime, so it serves vendors' models as much as the
 * built-in ones. Validation, authorization, writing and keeping it across restarts are the platform's {@link
 * org.openkam.api.unit.UnitConfigurations}; this adds only what is scoring's: which factory PID configures a model.
 */
@Component(service = UnitConfigurations.class)
public final class UnitConfigurations {

    private final ScoringEngine engine;
    private final org.openkam.api.unit.UnitConfigurations configurations;
    private final ServiceComponentRuntime components;
    private final BundleContext context;

    @Activate
    public UnitConfigurations(@Reference ScoringEngine engine,
            @Reference org.openkam.api.unit.UnitConfigurations configurations,
            @Reference ServiceComponentRuntime components, BundleContext context) {
        this.engine = engine;
        this.configurations = configurations;
        this.components = components;
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

        static UnitConfiguration of(String model, org.openkam.api.unit.UnitConfiguration c) {
            return new UnitConfiguration(model, c.businessUnit(), c.enabled(), c.factoryPid(), c.pid(), c.parameters());
        }
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
        return UnitConfiguration.of(modelId, configurations.write(caller, factoryPid(modelId), unit, parameters,
                enabled));
    }

    /**
     * Switches the model on or off for one unit (or for every unit, {@code *}), keeping the unit's parameters; see
     * {@link org.openkam.api.unit.UnitConfigurations#switchTo}.
     */
    public UnitConfiguration switchTo(Caller caller, String modelId, String unit, boolean enabled) throws IOException {
        return UnitConfiguration.of(modelId, configurations.switchTo(caller, factoryPid(modelId), unit, enabled));
    }

    /** Removes the unit's configuration of the model. */
    public void delete(Caller caller, String modelId, String unit) throws IOException {
        configurations.delete(caller, factoryPid(modelId), unit);
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
                factoryPid = factoryPid(modelId);
            } catch (NotFoundException e) {
                // installed, but not a DS component with a configuration: nothing to configure per unit
            }
            return new Origin(b.getSymbolicName(), b.getHeaders("").get(Constants.BUNDLE_NAME),
                    b.getHeaders("").get(Constants.BUNDLE_VENDOR), b.getVersion().toString(), factoryPid);
        }
        throw new NotFoundException("scoring model", modelId);
    }

    private List<ServiceReference<?>> references(String modelId) {
        List<ServiceReference<?>> out = new ArrayList<>();
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

    /** The configuration PID of the component providing the model (its factory PID for per-unit instances). */
    private String factoryPid(String modelId) {
        for (ServiceReference<?> ref : references(modelId)) {
            Object name = ref.getProperty("component.name");
            Bundle bundle = ref.getBundle();
            ComponentDescriptionDTO dto = name == null || bundle == null ? null
                    : components.getComponentDescriptionDTO(bundle, name.toString());
            if (dto != null && dto.configurationPid.length > 0) {
                return dto.configurationPid[0];
            }
        }
        throw new NotFoundException("configurable scoring model", modelId);
    }
}
