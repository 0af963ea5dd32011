package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code bin/openkam}'s class data sharing file ({@code <data>/class-cache/}): written by the JVM as a start without
 * it stops cleanly, mapped by the next start, and made again when its writing was cut off (a {@code kill -9} while
 * the JVM wrote it leaves a file without its header).
 */
class ClassCacheIT {

    /** A dynamic CDS archive's first four bytes, little-endian: 0xf00baba8. */
    private static final int MAGIC = 0xf00baba8;

    @Test
    void aCleanStopWritesItTheNextStartMapsItAndACutOffOneIsMadeAgain() throws IOException {
        try (OpenKamProcess openkam = OpenKamProcess.create("ClassCacheIT").withClassCache()) {
            Path cache = openkam.data().resolve("class-cache");
            openkam.start();
            openkam.api().get("/health/live").expect(200);
            assertEquals(List.of(), archives(cache), "the JVM writes the file as it exits, not before");
            openkam.stop();

            Path archive = onlyArchive(cache);
            assertTrue(complete(archive), archive + " has its header");
            openkam.start();
            assertTrue(mapped(openkam, archive), "the second start maps " + archive);
            openkam.admin().get("/business-units").expect(200);
            openkam.stop();

            // what a kill -9 during the writing leaves: the regions in part, the header (written last) not yet
            Files.delete(archive);
            Files.write(archive, new byte[1 << 20]);
            openkam.start();
            assertFalse(mapped(openkam, archive), "a file without its header is not given to the JVM");
            openkam.admin().get("/business-units").expect(200);
            openkam.stop();
            Path again = onlyArchive(cache);
            assertTrue(complete(again), "the file is made again as that start stops");
            openkam.start();
            assertTrue(mapped(openkam, again), "and the start after maps it");
        }
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private static Path onlyArchive(Path cache) throws IOException {
        List<Path> archives = archives(cache);
        assertEquals(1, archives.size(), "one class data sharing file in " + cache + ": " + archives);
        return archives.get(0);
    }

    private static boolean complete(Path archive) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(archive)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                return false;
            }
        }
        return ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() == MAGIC;
    }

    /** Whether the running product's JVM has the file mapped (Linux: /proc/PID/maps). */
    private static boolean mapped(OpenKamProcess openkam, Path archive) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(openkam.pid()), "maps")).contains(archive.toString());
    }
}
