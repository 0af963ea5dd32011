package org.openkam.registry.internal.unit;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * ConfigurationAdmin as far as the unit configurations use it, in memory: PIDs of named factory configurations as
 * the specification makes them ({@code factoryPid~name}), listing by filter, empty configurations left out.
 */
final class InMemoryConfigurationAdmin implements ConfigurationAdmin {

    private final Map<String, Stored> configurations = new LinkedHashMap<>();

    /** Every configuration with properties, by PID. */
    Map<String, Dictionary<String, Object>> all() {
        Map<String, Dictionary<String, Object>> out = new LinkedHashMap<>();
        configurations.values().stream().filter(c -> c.properties != null).forEach(c -> out.put(c.pid, c.getProperties()));
        return out;
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        return createFactoryConfiguration(factoryPid, "?");
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        return configurations.computeIfAbsent(factoryPid + "." + UUID.randomUUID(), pid -> new Stored(pid, factoryPid));
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, p -> new Stored(p, null));
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        return configurations.computeIfAbsent(factoryPid + "~" + name, pid -> new Stored(pid, factoryPid));
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, null);
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter f = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<Configuration> out = new ArrayList<>();
        for (Stored c : configurations.values()) {
            if (c.properties != null && (f == null || f.match(c.getProperties()))) {
                out.add(c);
            }
        }
        return out.isEmpty() ? null : out.toArray(new Configuration[0]);
    }

    private final class Stored implements Configuration {

        private final String pid;
        private final String factoryPid;
        private Hashtable<String, Object> properties;
        private long changes;

        Stored(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            if (properties == null) {
                return null;
            }
            Hashtable<String, Object> copy = new Hashtable<>(properties);
            copy.put(Constants.SERVICE_PID, pid);
            if (factoryPid != null) {
                copy.put(SERVICE_FACTORYPID, factoryPid);
            }
            return copy;
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> update) {
            Hashtable<String, Object> copy = new Hashtable<>();
            for (Enumeration<String> keys = update.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                copy.put(key, update.get(key));
            }
            copy.remove(Constants.SERVICE_PID);
            copy.remove(SERVICE_FACTORYPID);
            properties = copy;
            changes++;
        }

        @Override
        public void delete() {
            configurations.remove(pid);
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public void update() {
            changes++;
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> update) {
            update(update);
            return true;
        }

        @Override
        public void setBundleLocation(String location) {
            // one location only
        }

        @Override
        public String getBundleLocation() {
            return "?";
        }

        @Override
        public long getChangeCount() {
            return changes;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException();
        }
    }
}
