package com.example.kam.reviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.testing.PluginJar;

/**
 * The built jar is a vendor plugin on the kit: of OpenKAM it imports the API and the web kit alone, declares its
 * components, and carries its migration, fragment and console module.
 */
class BundleManifestIT {

    private static final Path JAR = Path.of(System.getProperty("bundle.jar", "target/openkam-example-kit.jar"));

    @Test
    void ofOpenKamItImportsTheApiAndTheWebKitAlone() throws IOException {
        try (PluginJar jar = PluginJar.open(JAR)) {
            assertEquals("com.example.kam.reviews", jar.header("Bundle-SymbolicName"));
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
            for (String name : List.of("ReviewResource", "ReviewSettings", "ReviewConsole")) {
                assertTrue(components.contains("OSGI-INF/com.example.kam.reviews." + name + ".xml"), components);
            }
            String settings = jar.text("OSGI-INF/metatype/com.example.kam.reviews.ReviewSettings$Config.xml");
            assertTrue(settings.contains("factoryPid=\"com.example.kam.reviews.settings\""), settings);
            assertTrue(settings.contains("id=\"cadence.days\""), settings);
            String resource = jar.text("OSGI-INF/com.example.kam.reviews.ReviewResource.xml");
            assertTrue(resource.contains("field-collection-type=\"tuple\""), resource);
            for (String entry : List.of("OSGI-INF/openkam/migrations/V1__reviews.sql", "OSGI-INF/openkam/openapi.json",
                    "reviews-console/reviews.js")) {
                assertTrue(jar.has(entry), entry);
            }
        }
    }
}
