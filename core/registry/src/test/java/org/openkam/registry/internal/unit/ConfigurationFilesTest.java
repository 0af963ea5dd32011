package org.openkam.registry.internal.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationFilesTest {

    @Test
    void theFileReadsBackAsTheSameTexts() throws IOException {
        Map<String, String> properties = Map.of("plain", "70.0", "spaced key", " leading blank", "sign", "=x:y#z!",
                "umlaut", "Grüße €", "back", "c:\\data", "lines", "one\ntwo", "service.pid", "left.out");
        Properties p = new Properties();
        p.load(new StringReader(ConfigurationFiles.text("org.acme.rating", properties)));
        Map<String, String> read = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> read.put(k, p.getProperty(k)));
        Map<String, String> expected = new TreeMap<>(properties);
        expected.remove("service.pid");
        assertEquals(expected, read);
        assertEquals(ConfigurationFiles.text("x", properties).chars().filter(c -> c > 0x7e).count(), 0,
                "ISO-8859-1 safe, as FileInstall reads it");
    }

    @Test
    void theEtcFolderIsTheOneFileInstallWatchesByThatName(@TempDir Path home) throws IOException {
        Path etc = Files.createDirectory(home.resolve("etc"));
        Files.createDirectory(home.resolve("deploy"));
        assertEquals(etc, ConfigurationFiles.etcFolder(home.resolve("deploy") + ", " + etc));
        assertNull(ConfigurationFiles.etcFolder(home.resolve("deploy").toString()));
        assertNull(ConfigurationFiles.etcFolder(home.resolve("missing").resolve("etc").toString()));
        assertNull(ConfigurationFiles.etcFolder(null));
    }
}
