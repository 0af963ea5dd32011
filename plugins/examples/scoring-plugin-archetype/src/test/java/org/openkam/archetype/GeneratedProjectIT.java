package org.openkam.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * Runs after the archetype's integration test (src/test/resources/projects/margin-model) generated a project
 * and built it with {@code mvn verify}: the project references this build's API and its tests ran, and the
 * bundle it built is a deployable scoring plugin that imports OpenKAM's API packages alone (and the JDK's).
 */
class GeneratedProjectIT {

    private static final Path PROJECT = Path.of(System.getProperty("generated.project",
            "target/test-classes/projects/margin-model/project/acme-margin-model"));

    @Test
    void theProjectBuildsAgainstThisBuildsApiAndRanItsTests() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        assertTrue(pom.contains("<openkam.version>" + System.getProperty("openkam.version") + "</openkam.version>"),
                "the generated pom names the API of this build: " + pom);
        assertTrue(pom.contains("<artifactId>openkam-api</artifactId>"), pom);
        assertTrue(Files.isRegularFile(PROJECT.resolve("README.md")));
        Path report = PROJECT.resolve("target/surefire-reports/TEST-com.acme.kam.margin.MarginQualityModelTest.xml");
        assertTrue(Files.isRegularFile(report), "the generated unit test did not run: no " + report);
        String xml = Files.readString(report);
        assertTrue(xml.contains("tests=\"4\"") && xml.contains("failures=\"0\"") && xml.contains("errors=\"0\""),
                xml.lines().limit(3).toList().toString());
    }

    @Test
    void theBundleImportsOnlyTheOpenKamApiAndDeclaresItsModel() throws IOException {
        Path jar = PROJECT.resolve("target/acme-margin-model-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the generated project built no jar at " + jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            assertEquals("com.acme.kam.margin", manifest.getValue("Bundle-SymbolicName"));
            List<String> imports = packageNames(manifest.getValue("Import-Package")).stream()
                    .filter(p -> !p.startsWith("java.")).toList();
            assertEquals(List.of("org.openkam.api.scoring"), imports, "beside the JDK's packages");
            // from the API's minor version the project was built against up to the next major
            assertTrue(manifest.getValue("Import-Package").matches(".*version=\"\\[1\\.\\d+,2\\)\".*"),
                    manifest.getValue("Import-Package"));

            String component = "OSGI-INF/com.acme.kam.margin.MarginQualityModel.xml";
            assertEquals(component, manifest.getValue("Service-Component"));
            String xml = text(file, component);
            assertTrue(xml.contains("interface=\"org.openkam.api.scoring.ScoringModel\""), xml);
            assertTrue(xml.contains("configuration-pid=\"com.acme.kam.margin.margin\""), xml);
            String metatype = text(file, "OSGI-INF/metatype/com.acme.kam.margin.MarginQualityModel$Config.xml");
            assertTrue(metatype.contains("factoryPid=\"com.acme.kam.margin.margin\""), metatype);
            assertTrue(metatype.contains("id=\"businessUnit\""), metatype);
            assertTrue(metatype.contains("id=\"target.rate\""), metatype);
        }
    }

    @Test
    void theModelIdIsTheOneAskedFor() throws IOException {
        Path source = PROJECT.resolve("src/main/java/com/acme/kam/margin/MarginQualityModel.java");
        String java = Files.readString(source);
        assertTrue(java.contains("ID = \"acme.margin-quality\""), "model id not filled in " + source);
        assertTrue(java.contains("PID = \"com.acme.kam.margin.margin\""), "factory PID not filled in " + source);
    }

    private static String text(JarFile file, String entry) throws IOException {
        ZipEntry e = file.getEntry(entry);
        assertNotNull(e, entry + " missing");
        return new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
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
