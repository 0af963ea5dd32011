package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * The module rules, read from the running framework's wiring: plugins talk to the platform through
 * {@code org.openkam.api} only, and nothing but the API exports OpenKAM packages.
 */
@ExtendWith(BundleContextExtension.class)
class ArchitectureTest {

    private static final String API = "org.openkam.api";

    @InjectBundleContext
    BundleContext context;

    @Test
    void openKamBundlesImportOnlyTheApiFromEachOther() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Bundle b : context.getBundles()) {
            if (!isOpenKam(b) || API.equals(b.getSymbolicName())) {
                continue;
            }
            checked++;
            for (BundleWire wire : b.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                String pkg = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                Bundle provider = wire.getProvider().getBundle();
                if (isOpenKam(provider) && !API.equals(provider.getSymbolicName())) {
                    violations.add(b.getSymbolicName() + " imports " + pkg + " from " + provider.getSymbolicName());
                }
            }
        }
        assertFalse(checked == 0, "no OpenKAM bundle besides the API was found");
        assertEquals(List.of(), violations, "only org.openkam.api may be imported across OpenKAM bundles");
    }

    @Test
    void onlyTheApiExportsOpenKamPackages() {
        List<String> exports = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (!isOpenKam(b) || API.equals(b.getSymbolicName())) {
                continue;
            }
            for (BundleCapability c : b.adapt(BundleWiring.class).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                exports.add(b.getSymbolicName() + " exports " + c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
            }
        }
        assertEquals(List.of(), exports, "implementation packages stay private (*.internal)");
    }

    private static boolean isOpenKam(Bundle b) {
        return b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.openkam.");
    }
}
