package org.openkam.console.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.http.api.ProblemException;
import org.osgi.framework.Version;

class BundleJarTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSymbolicNameWithoutDirectivesAndTheVersion() throws IOException {
        BundleJar jar = BundleJar.receive(new ByteArrayInputStream(jar("com.example.kam.scoring;singleton:=true",
                "1.2.3")), 1 << 20, dir);
        assertEquals("com.example.kam.scoring", jar.symbolicName());
        assertEquals(new Version(1, 2, 3), jar.version());
        assertEquals(1, Files.list(dir).count(), "the caller owns the copy");
    }

    @Test
    void refusesWhatIsNoJarWith400NamingTheBody() {
        ProblemException e = assertThrows(ProblemException.class, () -> BundleJar.receive(
                new ByteArrayInputStream("hello, not a zip".getBytes(StandardCharsets.UTF_8)), 1 << 20, dir));
        assertEquals(400, e.problem().status());
        assertEquals("body", e.problem().field());
        assertEquals(0, count(), "nothing is left behind");
    }

    @Test
    void refusesAJarWithoutBundleSymbolicNameWith422() {
        ProblemException e = assertThrows(ProblemException.class, () -> BundleJar.receive(
                new ByteArrayInputStream(jar(null, "1.0.0")), 1 << 20, dir));
        assertEquals(422, e.problem().status());
        assertEquals("Bundle-SymbolicName", e.problem().errors().get(0).field());
    }

    @Test
    void refusesABadVersionWith422() {
        ProblemException e = assertThrows(ProblemException.class, () -> BundleJar.receive(
                new ByteArrayInputStream(jar("a.b", "one")), 1 << 20, dir));
        assertEquals(422, e.problem().status());
        assertEquals("Bundle-Version", e.problem().field());
    }

    @Test
    void refusesMoreThanTheLimitWith413AndAnEmptyBodyWith400() {
        ProblemException big = assertThrows(ProblemException.class, () -> BundleJar.receive(
                new ByteArrayInputStream(new byte[5000]), 4096, dir));
        assertEquals(413, big.problem().status());
        ProblemException empty = assertThrows(ProblemException.class, () -> BundleJar.receive(
                new ByteArrayInputStream(new byte[0]), 4096, dir));
        assertEquals(400, empty.problem().status());
        assertEquals(0, count());
    }

    @Test
    void aManifestThatInflatesBeyondTheLimitIsRefusedWith422() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\nBundle-SymbolicName: com.example.bomb\r\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = ("X-Padding: " + "a".repeat(60) + "\r\n").getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < 8 * BundleJar.MAX_MANIFEST_BYTES; written += line.length) {
                zip.write(line);
            }
            zip.closeEntry();
        }
        assertTrue(out.size() < BundleJar.MAX_MANIFEST_BYTES / 4, "a small upload: " + out.size());
        ProblemException e = assertThrows(ProblemException.class, () -> BundleJar.receive(
                new ByteArrayInputStream(out.toByteArray()), 1 << 20, dir));
        assertEquals(422, e.problem().status());
        assertEquals("META-INF/MANIFEST.MF", e.problem().field());
        assertEquals(0, count(), "nothing is left behind");
    }

    private long count() {
        try (var files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] jar(String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            jar.write("a".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out.toByteArray();
    }
}
