package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * slf4j finds logback through the {@code org.openkam.logging} fragment, and no weaving hook rewrites classes as they
 * load (a ServiceLoader Mediator's weaving of Jetty and logback cost about a fifth of every start).
 */
@ExtendWith(BundleContextExtension.class)
class LoggingTest {

    @InjectBundleContext
    BundleContext context;

    @Test
    void slf4jLogsThroughLogback() {
        assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory(),
                "slf4j found no provider: every logger would be a silent no-op");
    }

    @Test
    void theLoggingFragmentIsAttachedToSlf4j() {
        Bundle fragment = Arrays.stream(context.getBundles())
                .filter(b -> "org.openkam.logging".equals(b.getSymbolicName())).findFirst().orElseThrow();
        BundleRevision revision = fragment.adapt(BundleRevision.class);
        assertEquals(BundleRevision.TYPE_FRAGMENT, revision.getTypes() & BundleRevision.TYPE_FRAGMENT);
        assertEquals("slf4j.api", revision.getWiring().getRequiredWires(BundleRevision.HOST_NAMESPACE).get(0)
                .getProvider().getSymbolicName());
    }

    @Test
    void noBundleWeavesClassesAsTheyLoad() throws InvalidSyntaxException {
        assertNull(context.getServiceReferences(WeavingHook.class.getName(), null),
                "a weaving hook rewrites every class of the bundles it serves at each start");
    }

    /**
     * A bundle that asks a ServiceLoader Mediator to weave its calls resolves against the fragment's stand-in
     * capability, and the registry's watch names it in a warning with the remedy.
     */
    @Test
    void aBundleThatAsksTheMediatorToWeaveIsNamedInAWarning()
            throws IOException, BundleException, InterruptedException {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger watch = (Logger) LoggerFactory.getLogger("org.openkam.registry.internal.logging.MediatorWatch");
        log.start();
        watch.addAppender(log);
        Bundle woven = context.installBundle("logging-test:mediator-user", new ByteArrayInputStream(
                bundle("org.openkam.itest.mediator.user", "osgi.extender;filter:=\"(osgi.extender="
                        + "osgi.serviceloader.processor)\"")));
        try {
            assertTrue(context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(woven)),
                    "it resolves against the stand-in");
            // the framework delivers the RESOLVED event to the watch on its own thread
            List<String> warnings = Await.until(Duration.ofSeconds(10), () -> {
                List<String> w = warnings(log);
                return w.isEmpty() ? null : w;
            });
            assertNotNull(warnings, "no warning within 10 s");
            assertEquals(1, warnings.size(), () -> "one warning: " + warnings);
            assertTrue(warnings.get(0).contains("org.openkam.itest.mediator.user")
                    && warnings.get(0).contains("SPI Fly"), warnings.get(0));
        } finally {
            watch.detachAppender(log);
            woven.uninstall();
        }
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> log) {
        return List.copyOf(log.list).stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** A bundle of only a manifest. */
    private static byte[] bundle(String symbolicName, String requirement) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Require-Capability", requirement);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        new JarOutputStream(jar, manifest).close();
        return jar.toByteArray();
    }
}
