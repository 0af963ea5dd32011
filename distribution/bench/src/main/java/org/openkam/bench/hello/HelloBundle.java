package org.openkam.bench.hello;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the hello servlet bundle from this jar's own classes: the baseline runtime starts it, and it is dropped
 * into the product's deploy/ so the API figures have a baseline on the same Jetty in the same JVM.
 */
public final class HelloBundle {

    public static final String PATH = "/bench-hello";
    /** By name: loading them here would need the OSGi and servlet APIs, which only the runtimes have. */
    private static final String ACTIVATOR = HelloBundle.class.getPackageName() + ".HelloActivator";
    private static final List<String> CLASSES = List.of(ACTIVATOR, HelloBundle.class.getPackageName()
            + ".HelloServlet");

    private HelloBundle() {
    }

    public static Path write(Path jar) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.openkam.bench.hello");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", ACTIVATOR);
        main.putValue("Import-Package", "jakarta.servlet;version=\"[6.0,7)\",jakarta.servlet.http;version=\"[6.0,7)\","
                + "org.osgi.framework;version=\"[1.8,2)\"");
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (String c : CLASSES) {
                    String name = c.replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = HelloBundle.class.getClassLoader().getResourceAsStream(name)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
