package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/** Every bundle the resolver put into the framework starts; fragments attach to their host. */
@ExtendWith(BundleContextExtension.class)
class BundlesTest {

    /** The OpenKAM bundles that must be in every runtime. */
    static final Set<String> CORE_BUNDLES = Set.of("org.openkam.api", "org.openkam.registry", "org.openkam.console");

    @InjectBundleContext
    BundleContext context;

    @Test
    void everyBundleIsActiveAndEveryFragmentResolved() throws InterruptedException {
        // A bundle with a lazy activation policy or an asynchronous start may still be STARTING.
        List<Bundle> wrong = Await.until(Duration.ofSeconds(20), () -> {
            List<Bundle> w = notStarted();
            return w.isEmpty() ? w : null;
        });
        if (wrong == null) {
            wrong = notStarted();
        }
        assertTrue(wrong.isEmpty(), () -> "Bundles not started (expected ACTIVE, fragments RESOLVED):\n"
                + notStarted().stream().map(BundlesTest::describe).collect(Collectors.joining("\n")));
    }

    @Test
    void theCoreBundlesAreInstalled() {
        Set<String> installed = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(CORE_BUNDLES);
        missing.removeAll(installed);
        assertEquals(Set.of(), missing, () -> "OpenKAM bundles missing from the framework; installed: " + installed);
    }

    private List<Bundle> notStarted() {
        List<Bundle> wrong = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            int expected = isFragment(b) ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                wrong.add(b);
            }
        }
        return wrong;
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /** Name, version and state, and for a bundle that is not even resolved the framework's reason. */
    private static String describe(Bundle b) {
        String text = "  " + b.getSymbolicName() + " " + b.getVersion() + " [" + b.getBundleId() + "] "
                + state(b.getState()) + (isFragment(b) ? " (fragment)" : "");
        if (b.getState() == Bundle.INSTALLED && !isFragment(b)) {
            try {
                // Only to learn why: the framework names the missing requirement in the exception.
                b.start(Bundle.START_TRANSIENT);
            } catch (BundleException | RuntimeException e) {
                text += ": " + e.getMessage();
            }
        }
        return text;
    }

    static String state(int state) {
        switch (state) {
            case Bundle.UNINSTALLED:
                return "UNINSTALLED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.ACTIVE:
                return "ACTIVE";
            default:
                return "state " + state;
        }
    }
}
