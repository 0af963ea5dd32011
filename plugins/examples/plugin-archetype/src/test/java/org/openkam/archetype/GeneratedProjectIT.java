package org.openkam.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.testing.PluginJar;

/**
 * Runs after the archetype's integration test (src/test/resources/projects/visits) generated a project and built it
 * with {@code mvn verify}: its tests ran, and the bundle is a kit plugin named after the archetype properties that
 * imports OpenKAM's API and web kit alone.
 */
class GeneratedProjectIT {

    private static final Path PROJECT = Path.of(System.getProperty("generated.project",
            "target/test-classes/projects/visits/project/acme-visits"));

    @Test
    void theProjectBuildsAgainstThisBuildAndItsTestsRan() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        assertTrue(pom.contains("<openkam.version>" + System.getProperty("openkam.version") + "</openkam.version>"), pom);
        for (String[] suite : new String[][] {{"H2ReviewStoreTest", "5"}, {"ReviewApiDescriptionTest", "3"}}) {
            Path report = PROJECT.resolve("target/surefire-reports/TEST-com.acme.kam.visits." + suite[0] + ".xml");
            assertTrue(Files.isRegularFile(report), "the generated test did not run: no " + report);
            String xml = Files.readString(report);
            assertTrue(xml.contains("tests=\"" + suite[1] + "\"") && xml.contains("failures=\"0\"")
                    && xml.contains("errors=\"0\""), xml.lines().limit(3).toList().toString());
        }
    }

    @Test
    void theBundleIsAKitPluginNamedAfterTheProperties() throws IOException {
        Path jar = PROJECT.resolve("target/acme-visits-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the generated project built no jar at " + jar);
        try (PluginJar file = PluginJar.open(jar)) {
            assertEquals("com.acme.kam.visits", file.header("Bundle-SymbolicName"));
            List<String> openkam = file.imports().stream().filter(p -> p.startsWith("org.openkam.")).sorted().toList();
            assertEquals(List.of("org.openkam.api", "org.openkam.api.account", "org.openkam.api.persistence",
                    "org.openkam.api.unit", "org.openkam.http.api"), openkam);

            String console = file.text("OSGI-INF/com.acme.kam.visits.ReviewConsole.xml");
            assertTrue(console.contains("name=\"openkam.console.plugin\" type=\"String\" value=\"visits\""), console);
            assertTrue(console.contains("title=Customer visits"), console);
            String metatype = file.text("OSGI-INF/metatype/com.acme.kam.visits.ReviewSettings$Config.xml");
            assertTrue(metatype.contains("factoryPid=\"com.acme.kam.visits.settings\""), metatype);
            assertTrue(file.text("OSGI-INF/openkam/migrations/V1__reviews.sql").contains("CREATE TABLE visits_review"));
            String openApi = file.text("OSGI-INF/openkam/openapi.json");
            assertTrue(openApi.contains("\"/visits/accounts/{id}/reviews\"") && openApi.contains("\"VisitsReview\"")
                    && openApi.contains("\"$ref\": \"#/components/schemas/VisitsReview\""), openApi);
            String module = file.text("visits-console/reviews.js");
            assertTrue(module.contains("'/visits/accounts/'") && module.contains("'visits-reviews'"), module);
        }
    }
}
