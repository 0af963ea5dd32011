package org.openkam.registry.internal.configuration;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openkam.api.configuration.ConfigurationUptake;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a configuration change through the component runtime's view of the components configured by the PID.
 * A component configuration has taken the change when it carries the new values and is active (or waits only for
 * references); without a {@code modified} method Declarative Services restarts it, so where it was registered as a
 * service before, only a new registration counts (the old one still shows the new values, and the state active,
 * for a moment before it stops, and there is no registration in between). The new registration's service is got
 * once, which activates a delayed component, so a refusal shows at once, and confirms what the runtime's view, put
 * together field by field while the component restarts, says; one that failed to activate is a refusal, with the
 * runtime's reason.
 */
@Component(service = ConfigurationUptake.class, configurationPid = ComponentUptake.PID)
@Designate(ocd = ComponentUptake.Config.class)
public final class ComponentUptake implements ConfigurationUptake {

    static final String PID = "org.openkam.configuration.uptake";
    private static final Logger LOG = LoggerFactory.getLogger(ComponentUptake.class);
    /**
     * How long a change that looks taken is watched before it counts: long enough for a failed activation of the
     * new instance, which the service's first user sets off at once, to show.
     */
    private static final long CONFIRM_MILLIS = 50;
    /** A stack trace's line naming an exception: the class, then the message if it has one. */
    private static final Pattern CAUSE = Pattern.compile("(?:Caused by: )?([\\w.$]+)(?:: (.*))?");

    @ObjectClassDefinition(name = "OpenKAM configuration uptake", description = "How long a configuration change "
            + "made through OpenKAM waits for the components it reaches to take it before answering")
    public @interface Config {

        @AttributeDefinition(name = "Wait (ms)", description = "At most this long; a change not taken by then is "
                + "answered as stored, with a warning in the log", min = "0")
        long wait_millis() default 10_000;
    }

    private final ServiceComponentRuntime runtime;
    private final BundleContext context;
    private final Duration wait;

    @Activate
    public ComponentUptake(@Reference ServiceComponentRuntime runtime, BundleContext context, Config config) {
        this.runtime = runtime;
        this.context = context;
        this.wait = Duration.ofMillis(config.wait_millis());
    }

    @Override
    public Watch watch(String factoryPid, String pid) {
        String configurationPid = factoryPid == null ? pid : factoryPid;
        Map<Long, Long> services = new HashMap<>();
        Map<Long, String> failures = new HashMap<>();
        for (ComponentConfigurationDTO c : configurations(configurationPid, pid)) {
            if (c.service != null) {
                services.put(c.id, c.service.id);
            }
            if (c.failure != null) {
                failures.put(c.id, c.failure);
            }
        }
        return new Watched(configurationPid, pid, services, failures);
    }

    private final class Watched implements Watch {

        private final String configurationPid;
        private final String pid;
        /** The service each component configuration was registered as before the change, by component id. */
        private final Map<Long, Long> services;
        /**
         * Why each that had failed to activate before the change failed: the runtime keeps saying so until the
         * next activation succeeds, which after the change takes a moment.
         */
        private final Map<Long, String> failures;

        Watched(String configurationPid, String pid, Map<Long, Long> services, Map<Long, String> failures) {
            this.configurationPid = configurationPid;
            this.pid = pid;
            this.services = services;
            this.failures = failures;
        }

        @Override
        public Optional<String> taken(Map<String, ?> properties) {
            long deadline = System.nanoTime() + wait.toNanos();
            String seen = null;
            while (true) {
                Look look = look(properties);
                if (look.refusal() != null) {
                    return Optional.of(look.refusal());
                }
                if (look.taken() && look.instances().equals(seen)) {
                    return Optional.empty();
                }
                // taken once: looked at again a moment later, as the runtime's view may be between two states
                seen = look.taken() ? look.instances() : null;
                if (seen != null) {
                    pause(deadline, CONFIRM_MILLIS);
                } else if (!pause(deadline, 10)) {
                    if (look.failing() != null) {
                        return Optional.of(look.failing()); // failing as before the change, for the same reason
                    }
                    LOG.warn("Configuration {} is stored, but its components had not taken it within {} ms",
                            pid, wait.toMillis());
                    return Optional.empty();
                }
            }
        }

        @Override
        public void gone() {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!configurations(configurationPid, pid).isEmpty()) {
                if (!pause(deadline, 10)) {
                    LOG.warn("Configuration {} is deleted, but its components still ran with it after {} ms", pid,
                            wait.toMillis());
                    return;
                }
            }
        }

        private Look look(Map<String, ?> properties) {
            boolean waiting = false;
            String failing = null;
            StringBuilder instances = new StringBuilder();
            for (ComponentDescriptionDTO d : descriptions(configurationPid)) {
                boolean carried = false;
                for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                    if (!names(c.properties.get(Constants.SERVICE_PID), pid)
                            || !carries(c.properties, d.properties, properties)) {
                        continue;
                    }
                    carried = true;
                    instances.append(c.id).append(':').append(c.state).append(':')
                            .append(c.service == null ? "-" : c.service.id).append(' ');
                    switch (c.state) {
                        case ComponentConfigurationDTO.FAILED_ACTIVATION:
                            if (!Objects.equals(c.failure, failures.get(c.id))) {
                                return new Look(false, reason(c.failure), null, "");
                            }
                            waiting = true; // maybe the failure from before, until the new activation ends
                            failing = reason(c.failure);
                            break;
                        case ComponentConfigurationDTO.SATISFIED:
                        case ComponentConfigurationDTO.ACTIVE:
                            boolean provides = d.serviceInterfaces != null && d.serviceInterfaces.length > 0;
                            if (provides && c.service == null) {
                                waiting = true; // between its old registration and its new one
                            } else if (provides && d.modified == null && services.containsKey(c.id)
                                    && services.get(c.id) == c.service.id) {
                                waiting = true; // still the instance from before the change
                            } else if (provides && !obtained(c.service.id)) {
                                // failed (the next look reads why) or already replaced: the runtime's view is put
                                // together field by field, so its state may be older than its registration
                                waiting = true;
                            }
                            break;
                        case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                        case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                            break; // waits for references or a configuration: nothing to refuse yet
                        default:
                            waiting = true; // not yet one of these (Felix shows -1 while it sets one up)
                            break;
                    }
                }
                waiting |= !carried;
            }
            return new Look(!waiting, null, failing, instances.toString());
        }

        /**
         * Whether the component carries every written value and, for any other, its description's own (the defaults
         * the build wrote into it): a value left over from before the change is not.
         */
        private boolean carries(Map<String, Object> component, Map<String, Object> described,
                Map<String, ?> properties) {
            for (Map.Entry<String, ?> e : properties.entrySet()) {
                if (!bookkeeping(e.getKey()) && !text(e.getValue()).equals(text(component.get(e.getKey())))) {
                    return false;
                }
            }
            for (Map.Entry<String, Object> e : component.entrySet()) {
                if (!bookkeeping(e.getKey()) && !properties.containsKey(e.getKey())
                        && !text(e.getValue()).equals(text(described.get(e.getKey())))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param refusal why a component refused the change
     * @param failing why a component that had failed before the change still fails, for the same reason: a refusal
     *        once the wait is over
     * @param instances the component configurations carrying the change, their states and services
     */
    private record Look(boolean taken, String refusal, String failing, String instances) {
    }

    /**
     * Whether the service registered under this id is there and can be had: getting it activates a delayed
     * component, and fails if its activation does.
     */
    private boolean obtained(long serviceId) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                    "(" + Constants.SERVICE_ID + "=" + serviceId + ")");
            if (refs == null) {
                return false;
            }
            Object service = context.getService(refs[0]);
            if (service == null) {
                return false;
            }
            context.ungetService(refs[0]);
            return true;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return false;
        }
    }

    private List<ComponentDescriptionDTO> descriptions(String configurationPid) {
        List<ComponentDescriptionDTO> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
            if (d.configurationPid != null && Arrays.asList(d.configurationPid).contains(configurationPid)
                    && !"ignore".equals(d.configurationPolicy) && runtime.isComponentEnabled(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private List<ComponentConfigurationDTO> configurations(String configurationPid, String pid) {
        List<ComponentConfigurationDTO> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : descriptions(configurationPid)) {
            for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                if (names(c.properties.get(Constants.SERVICE_PID), pid)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** {@code service.pid} is one PID, or several for a component configured by several. */
    private static boolean names(Object servicePid, String pid) {
        if (servicePid instanceof String s) {
            return s.equals(pid);
        }
        if (servicePid instanceof String[] all) {
            return Arrays.asList(all).contains(pid);
        }
        return servicePid instanceof Collection<?> all && all.contains(pid);
    }

    private static boolean bookkeeping(String key) {
        return key.startsWith("service.") || key.startsWith("felix.") || key.startsWith("component.");
    }

    /** A value as text, so that a value stored typed and one the runtime copied compare alike. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                values.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", values);
        }
        if (value instanceof Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /**
     * The refusal as the component gave it: the message of the innermost exception in the runtime's stack trace
     * (Declarative Services wraps what the constructor or activate method threw).
     */
    static String reason(String failure) {
        if (failure == null || failure.isBlank()) {
            return "its component could not be activated with these values";
        }
        String innermost = failure.lines().findFirst().orElse("");
        for (String line : (Iterable<String>) failure.lines()::iterator) {
            if (line.startsWith("Caused by: ")) {
                innermost = line;
            }
        }
        Matcher m = CAUSE.matcher(innermost.strip());
        if (!m.matches()) {
            return innermost.strip();
        }
        return m.group(2) != null && !m.group(2).isBlank() ? m.group(2).strip() : m.group(1);
    }

    private static boolean pause(long deadline, long millis) {
        if (System.nanoTime() - deadline >= 0) {
            return false;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
