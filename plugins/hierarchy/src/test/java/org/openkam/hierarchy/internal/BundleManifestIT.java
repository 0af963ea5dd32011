package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.testing.PluginJar;

/**
 * The built jar is a plugin on the kit: of OpenKAM it imports the API and the web kit alone, declares its
 * components, and carries its migration, fragment and console module.
 */
class BundleManifestIT {

    private static final Path JAR = Path.of(System.getProperty("bundle.jar", "target/openkam-hierarchy.jar"));

    @Test
    void ofOpenKamItImportsTheApiAndTheWebKitAlone() throws IOException {
        try (PluginJar jar = PluginJar.open(JAR)) {
            assertEquals("org.openkam.hierarchy", jar.header("Bundle-SymbolicName"));
            List<String> imports = jar.imports();
            assertTrue(imports.contains("org.openkam.http.api") && imports.contains("org.openkam.api.persistence"),
                    imports::toString);
            assertEquals(List.of(), jar.forbiddenOpenKamImports(), "OpenKAM packages other than the API's and the web kit's");
            assertEquals(null, jar.header("Export-Package"), "a plugin exports nothing");
        }
    }

    @Test
    void itCarriesItsComponentsMigrationFragmentAndPage() throws IOException {
        try (PluginJar jar = PluginJar.open(JAR)) {
            String components = jar.header("Service-Component");
            for (String name : List.of("HierarchyResource", "HierarchySettings", "HierarchyConsole")) {
                assertTrue(components.contains("OSGI-INF/org.openkam.hierarchy.internal." + name + ".xml"), components);
            }
            String settings = jar.text("OSGI-INF/metatype/org.openkam.hierarchy.internal.HierarchySettings$Config.xml");
            assertTrue(settings.contains("factoryPid=\"org.openkam.hierarchy.settings\""), settings);
            String resource = jar.text("OSGI-INF/org.openkam.hierarchy.internal.HierarchyResource.xml");
            assertTrue(resource.contains("field-collection-type=\"tuple\""), resource);
            for (String entry : List.of("OSGI-INF/openkam/migrations/V1__hierarchies.sql", "OSGI-INF/openkam/openapi.json",
                    "hierarchy-console/hierarchies.js")) {
                assertTrue(jar.has(entry), entry);
            }
        }
    }
}
