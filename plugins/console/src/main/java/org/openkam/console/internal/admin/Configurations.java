package org.openkam.console.internal.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.configuration.ConfigurationUptake;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import com.google.gson.JsonObject;

/**
 * Configuration forms from metatype: every PID and factory PID any bundle describes with metatype, their
 * definitions, and their configurations written through ConfigurationAdmin after the values were checked against
 * the definition ({@link ConfigValues}). Configurations are bound with the {@code "?"} multi-location, so they
 * reach whichever bundle provides the PID, whoever wrote them. A configuration FileInstall read from {@code etc/}
 * keeps its {@code felix.fileinstall.filename}, and the change is written to that file ({@link ConfigurationFile}); a
 * new one gets a file of its own there, so it survives a restart.
 *
 * <p>A factory whose definition has a {@code businessUnit} attribute (the per-unit configurations of scoring models
 * and other plugins) holds one configuration per unit: a second one for the same unit is refused, and the unit must
 * exist (or be {@code *}, every unit without one of its own).
 *
 * <p>A change is answered once the components it reaches run with it ({@link ConfigurationUptake}); values a
 * component refuses (its activation fails) are a validation error of {@code properties}, and what was stored before
 * is restored, file included.
 */
final class Configurations {

    static final String UNIT = "businessUnit";
    static final String EVERY_UNIT = "*";
    static final String FILEINSTALL_FILE = "felix.fileinstall.filename";
    /** Properties ConfigurationAdmin and FileInstall keep themselves; never part of a form. */
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, FILEINSTALL_FILE);
    private final BundleContext context;
    private final ConfigurationAdmin admin;
    private final MetaTypeService metatypes;
    private final BusinessUnits units;
    private final ConfigurationUptake uptake;
    private final Path etc;

    /**
     * @param etc the folder FileInstall reads configurations from, where configurations created here are kept as
     *        files (the framework's own storage is rebuilt at every start); {@code null}: ConfigurationAdmin only
     */
    Configurations(BundleContext context, ConfigurationAdmin admin, MetaTypeService metatypes, BusinessUnits units,
            ConfigurationUptake uptake, Path etc) {
        this.context = context;
        this.admin = admin;
        this.metatypes = metatypes;
        this.units = units;
        this.uptake = uptake;
        this.etc = etc;
    }

    /** A configurable PID, as listed. */
    record Summary(String pid, boolean factory, String name, String description, String bundle, long bundleId,
            List<Instance> configurations) {
    }

    /** A stored configuration: its PID, the file FileInstall reads it from (if any) and its properties. */
    record Instance(String pid, String factoryPid, String file, Map<String, List<String>> properties) {
    }

    /** A PID's form: the definition and the configurations. */
    record Form(String pid, boolean factory, String name, String description, String bundle, long bundleId,
            List<Attribute> attributes, List<Instance> configurations) {
    }

    /** One attribute of a definition. */
    record Attribute(String id, String name, String description, String type, int cardinality, boolean required,
            List<String> defaultValue, List<Option> options) {
    }

    record Option(String value, String label) {
    }

    private record Described(String pid, boolean factory, Bundle bundle, ObjectClassDefinition ocd) {
    }

    List<Summary> list() throws IOException {
        List<Summary> out = new ArrayList<>();
        for (Described d : described()) {
            out.add(new Summary(d.pid(), d.factory(), d.ocd().getName(), d.ocd().getDescription(),
                    d.bundle().getSymbolicName(), d.bundle().getBundleId(), instances(d)));
        }
        out.sort(Comparator.comparing((Summary s) -> s.name() == null ? s.pid() : s.name(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(Summary::pid));
        return out;
    }

    /** The form of a PID, a factory PID, or of the factory of an existing factory configuration's PID. */
    Form form(String pid) throws IOException {
        Described d = describe(pid);
        List<Attribute> attributes = new ArrayList<>();
        Set<String> required = ids(d.ocd().getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
        AttributeDefinition[] all = d.ocd().getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            List<Option> options = new ArrayList<>();
            String[] values = ad.getOptionValues();
            String[] labels = ad.getOptionLabels();
            if (values != null) {
                for (int i = 0; i < values.length; i++) {
                    options.add(new Option(values[i], labels != null && i < labels.length ? labels[i] : values[i]));
                }
            }
            String[] defaults = ad.getDefaultValue();
            attributes.add(new Attribute(ad.getID(), ad.getName(), ad.getDescription(),
                    ConfigValues.typeName(ad.getType()), ad.getCardinality(),
                    required.contains(ad.getID()) && !ConfigValues.hasDefault(ad),
                    defaults == null ? List.of() : List.of(defaults), options));
        }
        return new Form(d.pid(), d.factory(), d.ocd().getName(), d.ocd().getDescription(),
                d.bundle().getSymbolicName(), d.bundle().getBundleId(), attributes, instances(d));
    }

    /**
     * Writes a configuration: the existing factory configuration with this PID, else the singleton configuration of
     * a PID described with metatype (created if absent).
     */
    Instance write(Caller caller, String pid, JsonObject properties) throws IOException {
        Configuration stored = stored(pid);
        if (stored != null && stored.getFactoryPid() != null) {
            Described d = describe(stored.getFactoryPid());
            Hashtable<String, Object> typed = checked(caller, d, properties, pid);
            keepFile(stored, typed);
            apply(stored, typed);
            return instance(stored);
        }
        Described d = describe(pid);
        if (d.factory()) {
            throw conflict("pid", pid + " is a factory PID; create a configuration of it with POST "
                    + "/api/v1/admin/configurations/factories/" + pid);
        }
        Hashtable<String, Object> typed = checked(caller, d, properties, null);
        Configuration config = stored != null ? stored : admin.getConfiguration(pid, "?");
        if (!keepFile(config, typed)) {
            fileFor(pid + ".cfg", typed);
        }
        apply(config, typed);
        return instance(config);
    }

    /** Deletes a stored configuration, singleton or factory; defaults apply again, or the factory instance goes. */
    void delete(String pid) throws IOException {
        Configuration stored = stored(pid);
        if (stored == null) {
            throw new NotFoundException("configuration", pid);
        }
        ConfigurationUptake.Watch watch = uptake.watch(stored.getFactoryPid(), stored.getPid());
        remove(stored);
        watch.gone();
    }

    private static void remove(Configuration stored) throws IOException {
        Object file = stored.getProperties() == null ? null : stored.getProperties().get(FILEINSTALL_FILE);
        stored.delete();
        if (file != null) {
            // else FileInstall would bring the configuration back from its file at the next start
            Path path = path(file.toString());
            if (path != null) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Writes the values and their file, then waits until the components reached take them; if one refuses them,
     * what was stored before comes back (or the new configuration goes) and the refusal is the caller's 400.
     */
    private void apply(Configuration config, Hashtable<String, Object> typed) throws IOException {
        Dictionary<String, Object> stored = config.getProperties();
        Hashtable<String, Object> before = null;
        if (stored != null) {
            before = new Hashtable<>();
            for (Enumeration<String> keys = stored.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (key.equals(FILEINSTALL_FILE) || !BOOKKEEPING.contains(key)) {
                    before.put(key, stored.get(key));
                }
            }
        }
        ConfigurationUptake.Watch watch = uptake.watch(config.getFactoryPid(), config.getPid());
        config.update(typed);
        writeFile(typed);
        Optional<String> refused = watch.taken(typed);
        if (refused.isEmpty()) {
            return;
        }
        ConfigurationUptake.Watch undo = uptake.watch(config.getFactoryPid(), config.getPid());
        if (before == null) {
            remove(config);
            undo.gone();
        } else {
            config.update(before);
            writeFile(before);
            undo.taken(before);
        }
        throw new ValidationException("properties", "were refused by the component: " + refused.get());
    }

    /** Names the file in {@code etc/} a new configuration is kept in, as FileInstall names them and keys them. */
    private void fileFor(String fileName, Hashtable<String, Object> typed) {
        if (etc != null) {
            typed.put(FILEINSTALL_FILE, etc.resolve(fileName).toFile().getAbsoluteFile().toURI().toString());
        }
    }

    /** Writes the configuration's file, if it has one, after ConfigurationAdmin took the values. */
    private static void writeFile(Hashtable<String, Object> typed) throws IOException {
        Object file = typed.get(FILEINSTALL_FILE);
        Path path = file == null ? null : path(file.toString());
        if (path != null) {
            ConfigurationFile.write(path, typed, BOOKKEEPING);
        }
    }

    private static Path path(String fileProperty) {
        try {
            return fileProperty.startsWith("file:") ? Path.of(URI.create(fileProperty)) : Path.of(fileProperty);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Configuration stored(String pid) throws IOException {
        Configuration[] found = list("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        return found.length == 0 ? null : found[0];
    }

    /** Creates a new factory configuration. */
    Instance createFactory(Caller caller, String factoryPid, JsonObject properties) throws IOException {
        Described d = describe(factoryPid);
        if (!d.factory() || !d.pid().equals(factoryPid)) {
            throw new NotFoundException("factory PID with metatype", factoryPid);
        }
        Hashtable<String, Object> typed = checked(caller, d, properties, null);
        Object unit = typed.get(UNIT);
        String name = unit == null ? UUID.randomUUID().toString()
                : EVERY_UNIT.equals(unit) ? "default" : unit.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Configuration config = admin.getFactoryConfiguration(factoryPid, name, "?");
        if (config.getProperties() != null) {
            // the name is taken by a configuration for another unit whose id looks alike: use a fresh one
            name = name + "-" + UUID.randomUUID();
            config = admin.getFactoryConfiguration(factoryPid, name, "?");
        }
        fileFor(factoryPid + "-" + name + ".cfg", typed);
        apply(config, typed);
        return instance(config);
    }

    /** Checks the values (nothing is written on any violation) and, per business unit, the unit itself. */
    private Hashtable<String, Object> checked(Caller caller, Described d, JsonObject properties, String replacing)
            throws IOException {
        ConfigValues.Checked checked = ConfigValues.check(d.ocd(), properties);
        List<Violation> violations = new ArrayList<>(checked.violations());
        Object unit = checked.properties().get(UNIT);
        if (d.factory() && unit != null && violations.stream().noneMatch(v -> v.field().equals(UNIT))) {
            String id = unit.toString();
            if (!EVERY_UNIT.equals(id) && units != null) {
                try {
                    units.get(caller, id);
                } catch (NotFoundException e) {
                    violations.add(new Violation(UNIT, "is not a business unit: " + id));
                }
            }
            for (Configuration other : list("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + escape(d.pid())
                    + ")(" + UNIT + "=" + escape(id) + "))")) {
                if (!other.getPid().equals(replacing)) {
                    throw new ProblemException(new Problem("urn:openkam:problem:conflict", "Conflict", 409,
                            "business unit " + id + " has a configuration of " + d.pid() + " already: "
                                    + other.getPid() + "; change that one", UNIT,
                            List.of(new Violation(UNIT, "has a configuration already: " + other.getPid()))));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return checked.properties();
    }

    /** Keeps the file FileInstall read the configuration from, if any, so the change is written back to it. */
    private static boolean keepFile(Configuration config, Hashtable<String, Object> typed) {
        Dictionary<String, Object> old = config.getProperties();
        Object file = old == null ? null : old.get(FILEINSTALL_FILE);
        if (file != null) {
            typed.put(FILEINSTALL_FILE, file);
        }
        return file != null;
    }

    private List<Instance> instances(Described d) throws IOException {
        String filter = d.factory() ? "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + escape(d.pid()) + ")"
                : "(" + Constants.SERVICE_PID + "=" + escape(d.pid()) + ")";
        List<Instance> out = new ArrayList<>();
        for (Configuration c : list(filter)) {
            if (d.factory() || c.getFactoryPid() == null) {
                out.add(instance(c));
            }
        }
        out.sort(Comparator.comparing(Instance::pid));
        return out;
    }

    private static Instance instance(Configuration c) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        Dictionary<String, Object> dict = c.getProperties();
        String file = null;
        if (dict != null) {
            for (Enumeration<String> keys = dict.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (key.equals(FILEINSTALL_FILE)) {
                    file = String.valueOf(dict.get(key));
                } else if (!BOOKKEEPING.contains(key)) {
                    properties.put(key, ConfigValues.strings(dict.get(key)));
                }
            }
        }
        return new Instance(c.getPid(), c.getFactoryPid(), file, properties);
    }

    private Configuration[] list(String filter) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The PID's description: a PID or factory PID some bundle's metatype describes, or the PID of a stored factory
     * configuration, whose factory's description then answers.
     */
    private Described describe(String pid) throws IOException {
        for (Described d : described()) {
            if (d.pid().equals(pid)) {
                return d;
            }
        }
        Configuration stored = stored(pid);
        if (stored != null && stored.getFactoryPid() != null) {
            for (Described d : described()) {
                if (d.factory() && d.pid().equals(stored.getFactoryPid())) {
                    return d;
                }
            }
        }
        throw new NotFoundException("configurable PID (with metatype)", pid);
    }

    private List<Described> described() {
        List<Described> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            MetaTypeInformation info;
            try {
                info = metatypes.getMetaTypeInformation(b);
            } catch (IllegalArgumentException | IllegalStateException e) {
                continue; // uninstalled meanwhile
            }
            if (info == null) {
                continue;
            }
            add(out, b, info, info.getPids(), false);
            add(out, b, info, info.getFactoryPids(), true);
        }
        return out;
    }

    private static void add(List<Described> out, Bundle b, MetaTypeInformation info, String[] pids, boolean factory) {
        if (pids == null) {
            return;
        }
        for (String pid : pids) {
            try {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null && out.stream().noneMatch(d -> d.pid().equals(pid))) {
                    out.add(new Described(pid, factory, b, ocd));
                }
            } catch (IllegalArgumentException e) {
                // no definition for this PID in the default locale
            }
        }
    }

    private static Set<String> ids(AttributeDefinition[] ads) {
        return ads == null ? Set.of() : Set.copyOf(Arrays.stream(ads).map(AttributeDefinition::getID).toList());
    }

    private static ProblemException conflict(String field, String detail) {
        return new ProblemException(new Problem("urn:openkam:problem:conflict", "Conflict", 409, detail, field,
                List.of(new Violation(field, detail))));
    }

    static String escape(String value) {
        return Objects.requireNonNull(value).replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(")
                .replace(")", "\\)");
    }
}
