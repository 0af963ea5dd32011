package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The built jar is a plugin on the kit: of OpenKAM it imports the API and the web kit alone, declares its
 * components, and carries its migration, fragment and console module.
 */
class BundleManifestIT {

    private static final Path JAR = Path.of(System.getProperty("bundle.jar", "target/openkam-hierarchy.jar"));

    @Test
    void ofOpenKamItImportsTheApiAndTheWebKitAlone() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("org.openkam.hierarchy", manifest.getValue("Bundle-SymbolicName"));
            List<String> openkam = packageNames(manifest.getValue("Import-Package")).stream()
                    .filter(p -> p.startsWith("org.openkam.")).toList();
            assertTrue(openkam.contains("org.openkam.http.api") && openkam.contains("org.openkam.api.persistence"),
                    openkam::toString);
            assertEquals(List.of(), openkam.stream()
                    .filter(p -> !p.equals("org.openkam.api") && !p.startsWith("org.openkam.api.")
                            && !p.equals("org.openkam.http.api")).toList(),
                    "OpenKAM packages other than the API's and the web kit's");
            assertEquals(null, manifest.getValue("Export-Package"), "a plugin exports nothing");
        }
    }

    @Test
    void itCarriesItsComponentsMigrationFragmentAndPage() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            String components = jar.getManifest().getMainAttributes().getValue("Service-Component");
            for (String name : List.of("HierarchyResource", "HierarchySettings", "HierarchyConsole")) {
                assertTrue(components.contains("OSGI-INF/org.openkam.hierarchy.internal." + name + ".xml"), components);
            }
            String settings = text(jar, "OSGI-INF/metatype/org.openkam.hierarchy.internal.HierarchySettings$Config.xml");
            assertTrue(settings.contains("factoryPid=\"org.openkam.hierarchy.settings\""), settings);
            String resource = text(jar, "OSGI-INF/org.openkam.hierarchy.internal.HierarchyResource.xml");
            assertTrue(resource.contains("field-collection-type=\"tuple\""), resource);
            for (String entry : List.of("OSGI-INF/openkam/migrations/V1__hierarchies.sql", "OSGI-INF/openkam/openapi.json",
                    "hierarchy-console/hierarchies.js")) {
                assertNotNull(jar.getEntry(entry), entry);
            }
        }
    }

    private static String text(JarFile jar, String entry) throws IOException {
        ZipEntry e = jar.getEntry(entry);
        assertNotNull(e, entry + " missing");
        return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The package names of an Import-Package header (commas inside quoted version ranges kept apart). */
    private static List<String> packageNames(String header) {
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        boolean inName = true;
        StringBuilder name = new StringBuilder();
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                names.add(name.toString().strip());
                name.setLength(0);
                inName = true;
            } else if (!quoted && c == ';') {
                inName = false;
            } else if (inName) {
                name.append(c);
            }
        }
        names.add(name.toString().strip());
        return names;
    }
}
