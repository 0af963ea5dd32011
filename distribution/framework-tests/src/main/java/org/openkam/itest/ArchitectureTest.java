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
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * The module rules, read from the running framework's wiring: bundles talk to each other through
 * {@code org.openkam.api} and the web kit {@code org.openkam.http.api} only, and nothing else exports OpenKAM
 * packages.
 */
@ExtendWith(BundleContextExtension.class)
class ArchitectureTest {

    private static final String API = "org.openkam.api";
    private static final String HTTP = "org.openkam.http";
    /** The one package the web platform exports: the kit plugins build on. */
    private static final String KIT = "org.openkam.http.api";

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
                if (isOpenKam(provider) && !API.equals(provider.getSymbolicName())
                        && !(HTTP.equals(provider.getSymbolicName()) && KIT.equals(pkg))) {
                    violations.add(b.getSymbolicName() + " imports " + pkg + " from " + provider.getSymbolicName());
                }
            }
        }
        assertFalse(checked == 0, "no OpenKAM bundle besides the API was found");
        assertEquals(List.of(), violations,
                "only org.openkam.api and the web kit may be imported across OpenKAM bundles");
    }

    @Test
    void onlyTheApiExportsOpenKamPackages() {
        List<String> exports = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (!isOpenKam(b) || API.equals(b.getSymbolicName())) {
                continue;
            }
            for (BundleCapability c : b.adapt(BundleWiring.class).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Object pkg = c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                if (!(HTTP.equals(b.getSymbolicName()) && KIT.equals(pkg))) {
                    exports.add(b.getSymbolicName() + " exports " + pkg);
                }
            }
        }
        assertEquals(List.of(), exports, "implementation packages stay private (*.internal)");
        Bundle http = java.util.Arrays.stream(context.getBundles()).filter(b -> HTTP.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("the web platform bundle is not installed"));
        assertEquals(List.of(KIT), http.adapt(BundleWiring.class).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)
                .stream().map(c -> c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)).toList(),
                "the web platform exports exactly the kit");
    }

    /** The contracts stay free of the web: no servlet and no JSON library, so plugins and tests need neither. */
    @Test
    void theApiImportsNoServletAndNoGson() {
        Bundle api = java.util.Arrays.stream(context.getBundles()).filter(b -> API.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("the API bundle is not installed"));
        List<String> imports = new ArrayList<>();
        for (BundleRequirement r : api.adapt(BundleRevision.class)
                .getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            imports.add(r.getDirectives().get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE));
        }
        String dynamic = api.getHeaders("").get(org.osgi.framework.Constants.DYNAMICIMPORT_PACKAGE);
        if (dynamic != null) {
            imports.add(dynamic);
        }
        assertFalse(imports.isEmpty(), "the API's imports were read (it imports java.* at least)");
        assertEquals(List.of(), imports.stream()
                .filter(i -> i.contains("jakarta.servlet") || i.contains("javax.servlet") || i.contains("com.google.gson"))
                .toList(), "org.openkam.api imports servlet or Gson packages");
    }

    private static boolean isOpenKam(Bundle b) {
        return b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.openkam.");
    }
}
