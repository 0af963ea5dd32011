package org.openkam.registry.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Finds the migration scripts a bundle ships under {@link #FOLDER}. Outside a framework (unit tests) it
 * reads the class's classpath folder or jar and the bundle name from its generated manifest, so tests apply the
 * very scripts the bundle ships, recorded under the same owner.
 */
public final class MigrationScripts {

    public static final String FOLDER = "OSGI-INF/openkam/migrations";

    private MigrationScripts() {
    }

    /** The owner the scripts are recorded under: the bundle symbolic name. */
    public static String owner(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle != null) {
            return bundle.getSymbolicName();
        }
        String name = onClassPath(type, root -> {
            Path manifest = root.resolve("META-INF/MANIFEST.MF");
            if (!Files.isRegularFile(manifest)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(manifest)) {
                return new Manifest(in).getMainAttributes().getValue("Bundle-SymbolicName");
            }
        });
        return name == null ? type.getPackageName() : name.split(";")[0].strip();
    }

    /** The scripts in version order; duplicate versions are refused. */
    public static List<MigrationScript> of(Class<?> type) {
        List<MigrationScript> scripts = new ArrayList<>();
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle != null) {
            Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.sql", false);
            for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                String path = url.getPath();
                scripts.add(MigrationScript.of(path.substring(path.lastIndexOf('/') + 1), read(url)));
            }
        } else {
            scripts.addAll(onClassPath(type, root -> {
                Path folder = root.resolve(FOLDER);
                if (!Files.isDirectory(folder)) {
                    return List.of();
                }
                List<MigrationScript> found = new ArrayList<>();
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path p : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                        found.add(MigrationScript.of(p.getFileName().toString(), Files.readString(p)));
                    }
                }
                return found;
            }));
        }
        scripts.sort(Comparator.comparingInt(MigrationScript::version));
        for (int i = 1; i < scripts.size(); i++) {
            if (scripts.get(i).version() == scripts.get(i - 1).version()) {
                throw new IllegalStateException("two migrations have version " + scripts.get(i).version());
            }
        }
        return scripts;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the folder or jar that holds {@code type}'s classes: a plugin's own classes, or a jar it tests with. */
    private static <T> T onClassPath(Class<?> type, ClassPathReader<T> reader) {
        Path root;
        try {
            root = Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
        try {
            if (Files.isDirectory(root)) {
                return reader.read(root);
            }
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                return reader.read(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface ClassPathReader<T> {
        T read(Path root) throws IOException;
    }
}
