package com.example.kam.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built jar (after {@code package}) is what a vendor ships: a bundle that imports OpenKAM's API packages and
 * nothing else beside the JDK's, so it runs on any OpenKAM whose API is compatible and never reaches into OpenKAM's internals.
 */
class BundleManifestIT {

    private static Path jar;
    private static Attributes manifest;

    @BeforeAll
    static void readManifest() throws IOException {
        jar = Path.of(System.getProperty("bundle.jar", "target/openkam-example-scoring.jar"));
        assertTrue(Files.isRegularFile(jar), "no built jar at " + jar.toAbsolutePath());
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest().getMainAttributes();
        }
    }

    @Test
    void importsOnlyTheOpenKamApi() {
        Map<String, String> imports = clauses(manifest.getValue("Import-Package"));
        assertFalse(imports.isEmpty(), "no Import-Package at all in " + jar);
        // the JDK's packages come from the framework; everything else the plugin needs is OpenKAM's API
        List<String> foreign = imports.keySet().stream().filter(p -> !p.startsWith("java."))
                .filter(p -> !(p.equals("org.openkam.api") || p.startsWith("org.openkam.api."))).toList();
        assertEquals(List.of(), foreign, "packages beside the JDK's and org.openkam.api* imported by " + jar);
        // ScoringModel is a consumer type: an implementation keeps working from the minor version it was built
        // against up to the next major API version
        assertTrue(imports.get("org.openkam.api.scoring").matches(".*version=\"\\[1\\.\\d+,2\\)\".*"),
                "org.openkam.api.scoring" + imports.get("org.openkam.api.scoring"));
    }

    @Test
    void exportsNothingAndEmbedsNothingOfOpenKam() throws IOException {
        assertNull(manifest.getValue("Export-Package"), "a scoring plugin offers its model as a service only");
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> foreign = file.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("org/")).toList();
            assertEquals(List.of(), foreign, "classes outside com.example embedded in " + jar);
        }
    }

    @Test
    void isTheVendorsBundleWithAComponentAndItsMetatype() throws IOException {
        assertEquals("com.example.kam.scoring", manifest.getValue("Bundle-SymbolicName"));
        assertEquals("2", manifest.getValue("Bundle-ManifestVersion"));
        String component = "OSGI-INF/" + GrowthPotentialModel.class.getName() + ".xml";
        assertEquals(component, manifest.getValue("Service-Component"));
        try (JarFile file = new JarFile(jar.toFile())) {
            String xml = text(file, component);
            assertTrue(xml.contains("configuration-policy=\"optional\""), xml);
            assertTrue(xml.contains("configuration-pid=\"" + GrowthPotentialModel.PID + "\""), xml);
            assertTrue(xml.contains("interface=\"org.openkam.api.scoring.ScoringModel\""), xml);
            String metatype = text(file, "OSGI-INF/metatype/" + GrowthPotentialModel.Config.class.getName() + ".xml");
            assertTrue(metatype.contains("factoryPid=\"" + GrowthPotentialModel.PID + "\""), metatype);
            assertTrue(metatype.contains("id=\"businessUnit\""), metatype);
            assertTrue(metatype.contains("id=\"headroom.weight\""), metatype);
        }
    }

    private static String text(JarFile file, String entry) throws IOException {
        ZipEntry e = file.getEntry(entry);
        assertNotNull(e, entry + " missing in " + jar);
        return new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** An OSGi header's clauses by name (the first path of each), each with its attributes as written. */
    static Map<String, String> clauses(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null) {
            return out;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            out.put(parts.get(0).strip(), clause.substring(parts.get(0).length()));
        }
        return out;
    }

    /** Splits on {@code separator} outside double quotes (version ranges contain commas). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
