package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

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
}
