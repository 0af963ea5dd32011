package org.openkam.console.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.felix.utils.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationFileTest {

    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "felix.fileinstall.filename");

    @TempDir
    Path etc;

    @Test
    void aChangeKeepsTheFilesCommentsAndDropsWhatIsNoLongerSet() throws IOException {
        Path file = etc.resolve("org.openkam.scoring.matrix-default.cfg");
        Files.writeString(file, """
                # Shipped with OpenKAM: what this model does.
                businessUnit=*
                grid.lower=30
                # the grid's upper line
                #grid.upper=66.7
                """, StandardCharsets.ISO_8859_1);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("businessUnit", "*");
        properties.put("grid.upper", 70.0);
        properties.put("service.pid", "org.openkam.scoring.matrix~default");
        properties.put("felix.fileinstall.filename", file.toUri().toString());

        ConfigurationFile.write(file, properties, BOOKKEEPING);

        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("# Shipped with OpenKAM: what this model does."), text);
        assertTrue(text.contains("# the grid's upper line"), text);
        Map<String, Object> read = read(file);
        assertEquals(Set.of("businessUnit", "grid.upper"), read.keySet(), text);
        assertEquals("*", read.get("businessUnit"));
        assertEquals(70.0, read.get("grid.upper"), "typed as FileInstall reads it back");
        try (var left = Files.list(etc)) {
            assertEquals(1, left.count(), "no temporary file stays beside it");
        }
    }

    @Test
    void aNewConfigurationGetsItsFile() throws IOException {
        Path file = etc.resolve("org.openkam.retail.settings-north.cfg");
        ConfigurationFile.write(file, Map.of("businessUnit", "north", "enabled", true), BOOKKEEPING);
        assertEquals(Map.of("businessUnit", "north", "enabled", true), read(file));
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("felix.fileinstall"), text);
        assertTrue(text.startsWith("# Written by the OpenKAM console"), text);
    }

    private static Map<String, Object> read(Path file) throws IOException {
        TypedProperties properties = new TypedProperties(false);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return new LinkedHashMap<>(properties);
    }
}
