package org.openkam.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One copy of the built product (its own etc/ and deploy/) started through bin/openkam as a user would, with its
 * own data folder. The JVM replaces the start script, so the process measured is the server itself.
 */
final class Product implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String PASSWORD = "bench-password-2026";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** Times from launching the process, in ms. */
    record Start(double signInMillis, double readyMillis) {
    }

    private final Path home;
    private final Path output;
    private final int port = Http.freePort();
    private Path data;
    private boolean demo;
    private final String extraOpts;
    private String javaOpts = "";
    private Process process;

    /** Copies the built product into {@code dir}; {@code extraOpts} go to its JVM besides {@link #javaOpts}. */
    Product(Path dist, Path dir, String extraOpts) {
        this.extraOpts = extraOpts;
        this.home = dir.resolve("openkam");
        this.data = dir.resolve("data");
        this.output = dir.resolve("console.log");
        copy(dist, home);
    }

    Product demo(boolean on) {
        demo = on;
        return this;
    }

    Product data(Path folder) {
        data = folder;
        return this;
    }

    Product javaOpts(String options) {
        javaOpts = options;
        return this;
    }

    Path home() {
        return home;
    }

    Path data() {
        return data;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Launches the product and measures the time to the first served sign-in and to /health/ready. */
    Start start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/openkam").toString(), "--port",
                Integer.toString(port), "--data", data.toString()));
        if (demo) {
            command.add("--demo");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OPENKAM_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("JAVA_OPTS", (javaOpts + " " + extraOpts).strip());
        builder.environment().remove("OPENKAM_PORT");
        builder.environment().remove("OPENKAM_DATA");
        HttpRequest signIn = HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(Http.credentials(ADMIN, PASSWORD))).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long launched = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double signedIn = -1;
        double isReady = -1;
        long deadline = launched + START_TIMEOUT.toNanos();
        while (signedIn < 0 || isReady < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the product exited while starting:\n" + tail(30));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the product was not ready within " + START_TIMEOUT + ":\n"
                        + tail(30));
            }
            if (signedIn < 0 && Http.status(signIn) == 200) {
                signedIn = (System.nanoTime() - launched) / 1e6;
            }
            if (isReady < 0 && Http.status(ready) == 200) {
                isReady = (System.nanoTime() - launched) / 1e6;
            }
            sleep(10);
        }
        return new Start(signedIn, isReady);
    }

    Http api() {
        return new Http(base()).signIn(ADMIN, PASSWORD);
    }

    /** Waits until the console output has one of the lines; returns the one found. */
    String awaitOutput(Duration timeout, String... lines) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = output();
            for (String line : lines) {
                if (text.contains(line)) {
                    return line;
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("none of " + List.of(lines) + " within " + timeout + ":\n" + tail(30));
    }

    /**
     * Waits until the product has used under 5 % of a core in each of two seconds in a row, at most {@code max};
     * returns how long that took, or -1 if it stayed busy. After the demo data loaded, the demo's sales imports
     * and every unit's first scoring run still go on: a load measured meanwhile shares the cores with them.
     */
    long awaitIdle(Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        long cpu = cpuNanos();
        int quietSeconds = 0;
        while (quietSeconds < 2) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            sleep(1000);
            long now = cpuNanos();
            quietSeconds = now - cpu < 50_000_000L ? quietSeconds + 1 : 0;
            cpu = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("this system tells no process CPU time"));
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Stops the product as a service manager would (SIGTERM), forcibly after 60 s. */
    @Override
    public void close() {
        stop(process, 60);
    }

    /** Stops a started runtime with SIGTERM, forcibly after {@code graceSeconds}; {@code null}: nothing started. */
    static void stop(Process process, long graceSeconds) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
