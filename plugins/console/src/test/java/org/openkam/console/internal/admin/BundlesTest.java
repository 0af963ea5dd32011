package org.openkam.console.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openkam.http.api.ProblemException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;

class BundlesTest {

    @TempDir
    Path uploads;
    /** Symbolic names the framework was asked to install. */
    private final List<String> installed = new ArrayList<>();

    private static Bundle bundle(long id, String symbolicName, String location) {
        return (Bundle) Proxy.newProxyInstance(BundlesTest.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, m, args) -> switch (m.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getLocation" -> location;
                    case "getVersion" -> new Version(1, 0, 0);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A framework with the system bundle, a bundle of system/ and a vendor's bundle from an earlier upload. */
    private Bundles bundles() {
        Bundle[] present = { bundle(0, "org.apache.felix.framework", "System Bundle"),
                bundle(7, "com.google.gson", "file:/opt/openkam/system/gson-2.15.0.jar"),
                bundle(40, "com.example.kam.old", "openkam:console-upload:com.example.kam.old/1.0.0") };
        BundleContext context = (BundleContext) Proxy.newProxyInstance(BundlesTest.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getBundles" -> present;
                    case "installBundle" -> {
                        installed.add(String.valueOf(args[0]));
                        throw new BundleException("not in this test");
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return new Bundles(context, 1 << 20, uploads, null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "org.openkam.api", "org.openkam.console", "org.openkam.registry", "org.openkam.hierarchy",
            "org.openkam", "com.google.gson", "org.apache.felix.framework" })
    void theProductsBundleNamesCannotBeUploaded(String symbolicName) throws IOException {
        ProblemException e = assertThrows(ProblemException.class, () -> bundles().install(
                new ByteArrayInputStream(BundleJarTest.jar(symbolicName, "9.9.9"))));
        assertEquals(422, e.problem().status());
        assertEquals("Bundle-SymbolicName", e.problem().field());
        assertTrue(e.problem().detail().contains(symbolicName), e.problem().detail());
        assertEquals(List.of(), installed, "nothing is installed");
        try (var left = Files.list(uploads)) {
            assertEquals(0, left.count(), "nothing is left behind");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "com.example.kam.scoring", "com.example.kam.old", "org.openkamx.tool" })
    void otherNamesReachTheFramework(String symbolicName) {
        assertThrows(ProblemException.class, () -> bundles().install(
                new ByteArrayInputStream(BundleJarTest.jar(symbolicName, "2.0.0"))));
        assertEquals(1, installed.size(), installed.toString());
        assertTrue(installed.get(0).contains(symbolicName), installed.toString());
    }
}
