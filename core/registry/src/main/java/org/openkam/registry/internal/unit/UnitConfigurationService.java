package org.openkam.registry.internal.unit;

import java.io.IOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.configuration.ConfigurationUptake;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.persistence.Database;
import org.openkam.api.unit.UnitConfiguration;
import org.openkam.api.unit.UnitConfigurations;
import org.openkam.api.unit.UnitEnablement;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-unit configurations of every plugin, kept in {@code etc/} (see {@link ConfigurationFiles}). Changes are
 * serialized: one configuration per unit and factory PID needs a look before each write. Every change is recorded
 * in the audit trail as a {@value #AUDIT_TYPE} of its unit, password parameters masked. A change is answered once the
 * plugin's components run with it ({@link ConfigurationUptake}); values a component refuses are a validation error of
 * {@code parameters}, and what was there before is restored.
 */
@Component(service = UnitConfigurations.class)
public final class UnitConfigurationService implements UnitConfigurations {

    static final String AUDIT_TYPE = "unit-configuration";
    static final String SECRET = "(secret)";
    static final String SECRET_CHANGED = "(secret, changed)";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential|private).*");
    private static final Logger LOG = LoggerFactory.getLogger(UnitConfigurationService.class);
    private final Database database;
    private final BusinessUnits units;
    private final ConfigurationAdmin admin;
    private final Function<String, ObjectClassDefinition> definitions;
    private final ConfigurationFiles files;
    private final ConfigurationUptake uptake;

    @Activate
    public UnitConfigurationService(@Reference Database database, @Reference BusinessUnits units,
            @Reference ConfigurationAdmin admin, @Reference MetaTypeService metatypes,
            @Reference ConfigurationUptake uptake, BundleContext context) {
        this(database, units, admin, factoryPid -> definition(context, metatypes, factoryPid),
                new ConfigurationFiles(admin, ConfigurationFiles.etcFolder(context.getProperty("felix.fileinstall.dir"))),
                uptake);
        if (!files.keepsFiles()) {
            LOG.warn("No FileInstall folder named etc (felix.fileinstall.dir): per-unit configurations are kept in "
                    + "ConfigurationAdmin only and are lost when the framework storage is cleaned");
        }
    }

    /** @param definitions the metatype of a factory PID, or {@code null} if none describes it */
    UnitConfigurationService(Database database, BusinessUnits units, ConfigurationAdmin admin,
            Function<String, ObjectClassDefinition> definitions, ConfigurationFiles files, ConfigurationUptake uptake) {
        this.database = database;
        this.units = units;
        this.admin = admin;
        this.definitions = definitions;
        this.files = files;
        this.uptake = uptake;
    }

    @Override
    public Optional<UnitConfiguration> read(Caller caller, String factoryPid, String unit) throws IOException {
        authorize(caller, factoryPid, unit, false);
        return own(factoryPid, unit).map(c -> view(factoryPid, unit, c));
    }

    @Override
    public synchronized UnitConfiguration write(Caller caller, String factoryPid, String unit,
            Map<String, String> parameters, boolean enabled) throws IOException {
        authorize(caller, factoryPid, unit, true);
        Map<String, String> properties = UnitParameters.checked(definitions.apply(factoryPid),
                parameters == null ? Map.of() : parameters);
        properties.put(UnitEnablement.BUSINESS_UNIT, unit);
        if (!enabled) {
            properties.put(UnitEnablement.ENABLED, "false");
        }
        return view(factoryPid, unit, store(caller, factoryPid, unit, own(factoryPid, unit).orElse(null), properties));
    }

    @Override
    public synchronized UnitConfiguration switchTo(Caller caller, String factoryPid, String unit, boolean enabled)
            throws IOException {
        authorize(caller, factoryPid, unit, true);
        Configuration own = own(factoryPid, unit).orElse(null);
        Map<String, String> properties = own == null ? new TreeMap<>() : kept(own.getProperties());
        boolean everyUnitOn = !UnitEnablement.EVERY_UNIT.equals(unit) && own(factoryPid, UnitEnablement.EVERY_UNIT)
                .filter(c -> UnitEnablement.enabled(c.getProperties().get(UnitEnablement.ENABLED))).isPresent();
        if (enabled && everyUnitOn && parameters(properties).isEmpty()) {
            if (own != null) {
                remove(caller, factoryPid, unit, own); // the configuration for every unit takes over again
            }
            return new UnitConfiguration(factoryPid, unit, true, null, Map.of());
        }
        properties.put(UnitEnablement.BUSINESS_UNIT, unit);
        if (enabled) {
            properties.remove(UnitEnablement.ENABLED);
        } else {
            properties.put(UnitEnablement.ENABLED, "false");
        }
        return view(factoryPid, unit, store(caller, factoryPid, unit, own, properties));
    }

    @Override
    public synchronized void delete(Caller caller, String factoryPid, String unit) throws IOException {
        authorize(caller, factoryPid, unit, true);
        remove(caller, factoryPid, unit, own(factoryPid, unit)
                .orElseThrow(() -> new NotFoundException("configuration of " + factoryPid + " for unit", unit)));
    }

    /**
     * Writes the properties, unless they are those stored already (nothing to change, nothing to record), and
     * waits until the plugin runs with them; a refusal restores what was there and is the caller's 400.
     */
    private Configuration store(Caller caller, String factoryPid, String unit, Configuration own,
            Map<String, String> properties) throws IOException {
        Map<String, String> before = own == null ? null : kept(own.getProperties());
        if (properties.equals(before)) {
            return own;
        }
        Configuration stored = own != null ? own : files.prepare(factoryPid, name(unit));
        ConfigurationUptake.Watch watch = uptake.watch(factoryPid, stored.getPid());
        files.update(stored, properties);
        Optional<String> refused = watch.taken(properties);
        if (refused.isPresent()) {
            ConfigurationUptake.Watch undo = uptake.watch(factoryPid, stored.getPid());
            if (before != null) {
                files.update(stored, before);
                undo.taken(before);
            } else {
                files.delete(stored);
                undo.gone();
            }
            throw new ValidationException("parameters", "were refused by the plugin: " + refused.get());
        }
        audit(caller, factoryPid, unit, before, properties);
        return stored;
    }

    private void remove(Caller caller, String factoryPid, String unit, Configuration own) throws IOException {
        Map<String, String> before = kept(own.getProperties());
        ConfigurationUptake.Watch watch = uptake.watch(factoryPid, own.getPid());
        files.delete(own);
        watch.gone();
        audit(caller, factoryPid, unit, before, null);
    }

    /**
     * Records the change as made by the caller, after ConfigurationAdmin took it: a configuration cannot join the
     * database's transaction, and a change that was refused must not be in the trail.
     */
    private void audit(Caller caller, String factoryPid, String unit, Map<String, String> before,
            Map<String, String> after) {
        ObjectClassDefinition definition = definitions.apply(factoryPid);
        String pid = factoryPid + "~" + name(unit);
        String businessUnit = UnitEnablement.EVERY_UNIT.equals(unit) ? null : unit;
        database.write(caller, tx -> {
            tx.audit(AUDIT_TYPE, pid, null, businessUnit, masked(before, null, definition),
                    masked(after, before, definition));
            return null;
        });
    }

    /**
     * The properties as the trail shows them: passwords, and parameters named like secrets, as {@value #SECRET}, or
     * {@value #SECRET_CHANGED} where they differ from {@code before}.
     */
    private static Map<String, String> masked(Map<String, String> properties, Map<String, String> before,
            ObjectClassDefinition definition) {
        if (properties == null) {
            return null;
        }
        Map<String, String> out = new TreeMap<>(properties);
        out.replaceAll((name, value) -> !SECRET_NAME.matcher(name).matches() && !password(definition, name) ? value
                : before != null && !Objects.equals(before.get(name), value) ? SECRET_CHANGED : SECRET);
        return out;
    }

    private static boolean password(ObjectClassDefinition definition, String name) {
        AttributeDefinition[] attributes = definition == null ? null
                : definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return attributes != null && Arrays.stream(attributes)
                .anyMatch(a -> a.getID().equals(name) && a.getType() == AttributeDefinition.PASSWORD);
    }

    /** A configuration name from the unit id, as the console's administration names them. */
    private static String name(String unit) {
        return UnitEnablement.EVERY_UNIT.equals(unit) ? "default" : unit.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void authorize(Caller caller, String factoryPid, String unit, boolean manage) {
        if (factoryPid == null || factoryPid.isBlank()) {
            throw new ValidationException("factoryPid", "is required");
        }
        if (unit == null || unit.isBlank()) {
            throw new ValidationException(UnitEnablement.BUSINESS_UNIT, "is required");
        }
        if (UnitEnablement.EVERY_UNIT.equals(unit)) {
            if (manage && !caller.admin()) {
                throw new AccessDeniedException("only administrators configure every business unit");
            }
            return;
        }
        units.get(caller, unit); // not found for a unit the caller does not see
        if (manage && !caller.canManage(unit)) {
            throw new AccessDeniedException("configuring business unit " + unit + " needs its bu-admin role");
        }
    }

    private Optional<Configuration> own(String factoryPid, String unit) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                    + escape(factoryPid) + ")(" + UnitEnablement.BUSINESS_UNIT + "=" + escape(unit) + "))");
            return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // escaped: cannot happen
        }
    }

    private static UnitConfiguration view(String factoryPid, String unit, Configuration config) {
        Map<String, String> properties = kept(config.getProperties());
        return new UnitConfiguration(factoryPid, unit, UnitEnablement.enabled(properties.get(UnitEnablement.ENABLED)),
                config.getPid(), parameters(properties));
    }

    /** The properties a configuration keeps when rewritten: without the framework's and FileInstall's bookkeeping. */
    private static Map<String, String> kept(Dictionary<String, Object> properties) {
        Map<String, String> out = new TreeMap<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!key.startsWith("service.") && !key.startsWith("felix.") && !key.startsWith("component.")) {
                    out.put(key, UnitParameters.text(properties.get(key)));
                }
            }
        }
        return out;
    }

    /** The parameters among kept properties: without the unit and the switch. */
    private static Map<String, String> parameters(Map<String, String> kept) {
        Map<String, String> out = new TreeMap<>(kept);
        out.remove(UnitEnablement.BUSINESS_UNIT);
        out.remove(UnitEnablement.ENABLED);
        return out;
    }

    /** The factory PID's metatype from whichever bundle describes it, or {@code null}. */
    private static ObjectClassDefinition definition(BundleContext context, MetaTypeService metatypes,
            String factoryPid) {
        for (Bundle b : context.getBundles()) {
            try {
                MetaTypeInformation info = metatypes.getMetaTypeInformation(b);
                if (info != null && info.getFactoryPids() != null
                        && Arrays.asList(info.getFactoryPids()).contains(factoryPid)) {
                    return info.getObjectClassDefinition(factoryPid, null);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                // uninstalled meanwhile, or no definition in the default locale
            }
        }
        return null;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
