package org.openkam.console.internal.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.openkam.api.Violation;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * An uploaded bundle jar, copied to a temporary file with a size limit and checked before the framework sees it:
 * it must be a jar whose manifest names a {@code Bundle-SymbolicName}.
 *
 * @param file the copy; the caller deletes it
 * @param symbolicName the symbolic name, without its directives
 * @param version the bundle version ({@code 0.0.0} when the manifest has none)
 */
record BundleJar(Path file, String symbolicName, Version version) {

    /** Far above the manifests of real bundles (bnd writes tens of kilobytes for large ones). */
    static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    /** Copies at most {@code maxBytes} of {@code in} into {@code directory} and checks it. */
    static BundleJar receive(InputStream in, long maxBytes, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "upload-", ".jar");
        try {
            copy(in, file, maxBytes);
            BundleJar jar = check(file);
            file = null; // kept: the caller owns it now
            return jar;
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void copy(InputStream in, Path file, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = in.read(buffer)) != -1;) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(new Problem("urn:openkam:problem:too-large", "Too large", 413,
                            "the bundle is larger than " + maxBytes + " bytes (see the configuration "
                                    + "org.openkam.console.admin, upload.max.megabytes)", "body",
                            List.of(new Violation("body", "is larger than " + maxBytes + " bytes"))));
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw ProblemException.badRequest("body", "is empty; send the bundle jar as the request body");
        }
    }

    /** The jar's identity, or a problem saying why it is not a bundle. */
    static BundleJar check(Path file) throws IOException {
        Manifest manifest;
        try (ZipFile jar = new ZipFile(file.toFile())) {
            manifest = manifest(jar);
        } catch (ZipException | SecurityException e) {
            throw ProblemException.badRequest("body", "is not a jar (zip) file: " + e.getMessage());
        }
        if (manifest == null) {
            throw unprocessable("Bundle-SymbolicName", "the jar has no META-INF/MANIFEST.MF, so it is no OSGi bundle");
        }
        Attributes main = manifest.getMainAttributes();
        String name = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null || name.isBlank()) {
            throw unprocessable("Bundle-SymbolicName", "the jar's manifest has no Bundle-SymbolicName header, so it is no OSGi bundle");
        }
        String symbolicName = name.split(";", 2)[0].strip();
        Version version;
        try {
            String v = main.getValue(Constants.BUNDLE_VERSION);
            version = v == null ? Version.emptyVersion : Version.parseVersion(v.strip());
        } catch (IllegalArgumentException e) {
            throw unprocessable("Bundle-Version", "the Bundle-Version header is not an OSGi version: " + e.getMessage());
        }
        return new BundleJar(file, symbolicName, version);
    }

    /**
     * The manifest, inflated to at most {@link #MAX_MANIFEST_BYTES}: {@code JarFile.getManifest()} inflates it whole,
     * and a few megabytes of jar can hold a manifest of gigabytes (a zip bomb: out of memory, a 500).
     */
    private static Manifest manifest(ZipFile jar) throws IOException {
        ZipEntry entry = jar.getEntry(JarFile.MANIFEST_NAME);
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw unprocessable("META-INF/MANIFEST.MF", "the manifest is larger than " + MAX_MANIFEST_BYTES
                    + " bytes when inflated; no bundle needs that much");
        }
        return new Manifest(new ByteArrayInputStream(bytes));
    }

    private static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(new Problem("urn:openkam:problem:not-a-bundle", "Not a bundle", 422, detail,
                field, List.of(new Violation(field, detail))));
    }
}
