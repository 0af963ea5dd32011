package org.openkam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * A built plugin bundle as a test reads it: its manifest headers and entries, so a plugin's test can check that of
 * OpenKAM it imports the API and the web kit alone, exports nothing, and carries its components and resources.
 */
public final class PluginJar implements AutoCloseable {

    private final JarFile jar;
    private final Attributes manifest;

    private PluginJar(JarFile jar) throws IOException {
        this.jar = jar;
        this.manifest = jar.getManifest().getMainAttributes();
    }

    public static PluginJar open(Path path) throws IOException {
        return new PluginJar(new JarFile(path.toFile()));
    }

    /** A main manifest header, or {@code null}. */
    public String header(String name) {
        return manifest.getValue(name);
    }

    /** The imported packages' names. */
    public List<String> imports() {
        String header = header("Import-Package");
        return header == null ? List.of() : packageNames(header);
    }

    /** Imported OpenKAM packages other than the API's and the web kit's: what a plugin must never import. */
    public List<String> forbiddenOpenKamImports() {
        return imports().stream().filter(p -> p.startsWith("org.openkam.")).filter(p -> !p.equals("org.openkam.api")
                && !p.startsWith("org.openkam.api.") && !p.equals("org.openkam.http.api")).toList();
    }

    public boolean has(String entry) {
        return jar.getEntry(entry) != null;
    }

    /** An entry as UTF-8 text. */
    public String text(String entry) {
        ZipEntry e = jar.getEntry(entry);
        if (e == null) {
            throw new IllegalArgumentException(entry + " is not in the bundle");
        }
        try {
            return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws IOException {
        jar.close();
    }

    /** The package names of an Import-Package header (commas inside quoted version ranges kept apart). */
    static List<String> packageNames(String header) {
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
