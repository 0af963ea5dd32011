package org.openkam.registry.internal.logging;

import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns about a bundle that asks a ServiceLoader Mediator to weave its {@code ServiceLoader} calls. The product runs
 * none: {@code org.openkam.logging}, a fragment of slf4j-api that hands it logback, provides the Mediator's
 * capabilities in its stead, so such a bundle resolves and its lookups may then find nothing. The remedy, named in
 * the warning, is to deploy Aries SPI Fly with it.
 */
@Component(immediate = true)
public final class MediatorWatch implements BundleListener {

    static final String EXTENDER = "osgi.extender";
    static final String PROCESSOR = "osgi.serviceloader.processor";
    /** The stand-in and its host: a processor capability hosted by slf4j-api is the fragment's. */
    static final Set<String> STAND_IN = Set.of("org.openkam.logging", "slf4j.api");
    /** The product's bundles that ask for one and do without: slf4j has the fragment; logback and Jetty fall back. */
    static final Set<String> DO_WITHOUT = Set.of("slf4j.api", "ch.qos.logback.classic",
            "org.apache.felix.http.jetty12");
    private static final Logger LOG = LoggerFactory.getLogger(MediatorWatch.class);

    private final BundleContext context;

    @Activate
    public MediatorWatch(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            warnIfUnserved(bundle);
        }
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.RESOLVED) {
            warnIfUnserved(event.getBundle());
        }
    }

    /** Whether the bundle's ServiceLoader processor requirement is wired to the stand-in; warns if so. */
    static boolean warnIfUnserved(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || DO_WITHOUT.contains(bundle.getSymbolicName())) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(EXTENDER)) {
            if (PROCESSOR.equals(wire.getCapability().getAttributes().get(EXTENDER))
                    && STAND_IN.contains(wire.getCapability().getRevision().getSymbolicName())) {
                LOG.warn("Bundle {} {} asks a ServiceLoader Mediator to weave its ServiceLoader calls, and OpenKAM "
                        + "runs none: its lookups may find nothing. Deploy Aries SPI Fly "
                        + "(org.apache.aries.spifly.dynamic.bundle and the ASM bundles it imports) with it.",
                        bundle.getSymbolicName(), bundle.getVersion());
                return true;
            }
        }
        return false;
    }
}
