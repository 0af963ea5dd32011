package org.openkam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from Linux's /proc: current (VmRSS) and peak (VmHWM), in kB. */
final class Resident {

    private Resident() {
    }

    static long current(long pid) {
        return field(pid, "VmRSS:");
    }

    static long peak(long pid) {
        return field(pid, "VmHWM:");
    }

    /** Starts the peak anew (writing 5 to clear_refs); false where the kernel or the rights refuse it. */
    static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/" + pid + "/status (not on Linux, or the process ended)", e);
        }
        throw new IllegalStateException("no " + name + " in /proc/" + pid + "/status");
    }
}
