package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.Caller;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;
import org.openkam.api.security.Authentication;
import org.openkam.api.security.Session;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.dictionary.Dictionaries;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A ConfigurationAdmin change reaches the running component: the sign-in component's session idle timeout
 * goes from its default (480 minutes) to 30, ServiceComponentRuntime shows the component satisfied again with
 * the new value, and a session signed in afterwards expires 30 minutes out instead of 480.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ConfigurationTest {

    static final String PID = "org.openkam.authentication";
    static final String COMPONENT = "org.openkam.registry.internal.security.AuthenticationService";
    static final String PROPERTY = "session.idle.minutes";
    static final Caller ADMIN = new Caller("itest", "itest", true, Map.of());

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = 10_000)
    ServiceComponentRuntime scr;

    @InjectService(timeout = 30_000)
    Users users;

    @Test
    void aChangedSessionTimeoutReachesTheSignInComponent() throws Exception {
        String username = "itest-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        users.create(ADMIN, new UserDraft(username, "Integration test", null, false, true, Map.of(), password));

        // "?": a multi-location binding, so the registry bundle's components receive it (a plain
        // getConfiguration(pid) would bind it to this test bundle, and SCR would ignore it).
        Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        // the default, as the component description declares it (480)
        String defaultMinutes = String.valueOf(description().properties.get(PROPERTY));
        assertNotEquals("30", defaultMinutes, "the test needs a default other than 30");
        try {
            Session before = login(null, username, password);
            assertExpiresIn(before, Duration.ofMinutes(Long.parseLong(defaultMinutes)));

            configuration.update(Dictionaries.dictionaryOf(PROPERTY, 30));

            ComponentConfigurationDTO reactivated = Await.until(Duration.ofSeconds(20), () -> configurationWith("30"));
            assertNotNull(reactivated, () -> COMPONENT + " never showed " + PROPERTY + "=30; its configurations: "
                    + configurationsText());
            Session after = login("(" + PROPERTY + "=30)", username, password);
            assertExpiresIn(after, Duration.ofMinutes(30));
        } finally {
            configuration.delete();
            // back to the default before other tests run
            Await.until(Duration.ofSeconds(20), () -> configurationWith(defaultMinutes));
        }
    }

    /** The component's configuration whose property equals {@code value}, if it is satisfied or active. */
    private ComponentConfigurationDTO configurationWith(String value) {
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description())) {
            Object actual = c.properties.get(PROPERTY);
            if (value.equals(String.valueOf(actual)) && (c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE)) {
                return c;
            }
        }
        return null;
    }

    private ComponentDescriptionDTO description() {
        ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(registryBundle(), COMPONENT);
        assertNotNull(d, COMPONENT + " not found in org.openkam.registry");
        return d;
    }

    private Bundle registryBundle() {
        for (Bundle b : context.getBundles()) {
            if ("org.openkam.registry".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("org.openkam.registry is not installed");
    }

    private String configurationsText() {
        StringBuilder text = new StringBuilder();
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description())) {
            text.append("\n  id ").append(c.id).append(" state ").append(c.state).append(' ').append(c.properties);
        }
        return text.toString();
    }

    /** Signs in through the Authentication service (the one with {@code filter}, if given). */
    private Session login(String filter, String username, String password) throws Exception {
        String f = "(&(objectClass=" + Authentication.class.getName() + ")" + (filter == null ? "" : filter) + ")";
        ServiceTracker<Authentication, Authentication> tracker = new ServiceTracker<>(context,
                context.createFilter(f), null);
        tracker.open();
        try {
            Authentication authentication = tracker.waitForService(20_000);
            assertNotNull(authentication, "no service " + f);
            Session session = authentication.login(username, password).orElse(null);
            assertNotNull(session, "login as " + username + " failed");
            return session;
        } finally {
            tracker.close();
        }
    }

    private static void assertExpiresIn(Session session, Duration idle) {
        Duration left = Duration.between(Instant.now(), session.expiresAt());
        assertTrue(left.compareTo(idle.minusMinutes(1)) > 0 && left.compareTo(idle.plusMinutes(1)) < 0,
                () -> "session expires in " + left + ", expected about " + idle);
    }
}
