package org.openkam.console.internal.admin;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.felix.utils.properties.TypedProperties;

/**
 * A configuration's file in {@code etc/}, written the way FileInstall writes one (its comments, layout and typed
 * values kept, with FileInstall's own properties class) but replaced atomically. FileInstall's write-back
 * ({@code felix.fileinstall.enableConfigSave}) is off in the product: it truncated the file and wrote it again while
 * its own poller could read it, and a half-written file became the configuration (one saved from the console lost
 * its {@code businessUnit} that way under load).
 */
final class ConfigurationFile {

    private ConfigurationFile() {
    }

    /** Makes the file hold exactly these properties, the bookkeeping ones left out; creates it if it is missing. */
    static void write(Path file, Map<String, Object> properties, Set<String> bookkeeping) throws IOException {
        TypedProperties content = new TypedProperties(false); // values as written, no ${...} substitution
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                content.load(in);
            }
        } else {
            content.setHeader(List.of("# Written by the OpenKAM console (Administration > Configuration)."));
        }
        for (String key : new ArrayList<>(content.keySet())) {
            if (!properties.containsKey(key) || bookkeeping.contains(key)) {
                content.remove(key);
            }
        }
        properties.forEach((key, value) -> {
            if (!bookkeeping.contains(key)) {
                content.put(key, value);
            }
        });
        Path written = Files.createTempFile(file.getParent(), ".openkam-", ".tmp"); // FileInstall ignores .tmp
        try {
            try (Writer out = Files.newBufferedWriter(written, StandardCharsets.ISO_8859_1)) {
                content.save(out);
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
