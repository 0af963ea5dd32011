package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.testing.PluginJar;

/**
 * The built jar is a plugin on the kit: of OpenKAM it imports the API and the web kit alone (never the registry or
 * another plugin), declares its components, and carries its migrations, fragment and console modules.
 */
class BundleManifestIT {

    private static final Path JAR = Path.of(System.getProperty("bundle.jar", "target/openkam-retail.jar"));

    @Test
    void ofOpenKamItImportsTheApiAndTheWebKitAlone() throws IOException {
        try (PluginJar jar = PluginJar.open(JAR)) {
            assertEquals("org.openkam.retail", jar.header("Bundle-SymbolicName"));
            List<String> imports = jar.imports();
            assertTrue(imports.contains("org.openkam.http.api") && imports.contains("org.openkam.api.persistence"),
                    imports::toString);
            assertEquals(List.of(), jar.forbiddenOpenKamImports(), "OpenKAM packages other than the API's and the web kit's");
            assertEquals(null, jar.header("Export-Package"), "a plugin exports nothing");
        }
    }

    @Test
    void itCarriesItsComponentsMigrationsFragmentAndPages() throws IOException {
        try (PluginJar jar = PluginJar.open(JAR)) {
            String components = jar.header("Service-Component");
            for (String name : List.of("RetailResource", "RetailSettings", "RetailConsole", "SalesImport", "RetailDemo")) {
                assertTrue(components.contains("OSGI-INF/org.openkam.retail.internal." + name + ".xml"), components);
            }
            String settings = jar.text("OSGI-INF/metatype/org.openkam.retail.internal.RetailSettings$Config.xml");
            assertTrue(settings.contains("factoryPid=\"org.openkam.retail.settings\""), settings);
            assertTrue(settings.contains("id=\"discounts.compound\""), settings);
            for (String entry : List.of("OSGI-INF/openkam/migrations/V1__retail_structure.sql",
                    "OSGI-INF/openkam/migrations/V2__retail_trade.sql",
                    "OSGI-INF/openkam/migrations/V3__retail_joint_business_plan.sql",
                    "OSGI-INF/openkam/migrations/V4__retail_sales_import_line.sql", "OSGI-INF/openkam/openapi.json",
                    "retail-console/distribution.js", "retail-console/promotions.js", "retail-console/waterfall.js",
                    "retail-console/plan.js", "retail-console/import.js", "retail-console/common.js")) {
                assertTrue(jar.has(entry), entry);
            }
        }
    }
}
