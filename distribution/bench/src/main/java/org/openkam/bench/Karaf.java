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

/**
 * The --karaf start-up baseline: Apache Karaf fetched with Maven (the tar.gz from the central repository), with
 * http, http-whiteboard and webconsole added to its boot features; ready when /system/console answers 401 (it asks
 * for a sign-in). The first start installs the features (and downloads their bundles once); the timed starts reuse
 * its data/ folder, as the product's starts on existing data do.
 */
final class Karaf implements AutoCloseable {

    static final String VERSION = "4.4.10";
    static final List<String> FEATURES = List.of("http", "http-whiteboard", "webconsole");

    private final Path home;
    private final int port = Http.freePort();
    private Process process;

    Karaf(Path work) throws IOException, InterruptedException {
        Path download = Files.createDirectories(work.resolve("karaf-download"));
        List<String> mvn = new ArrayList<>(List.of("mvn", "-q", "dependency:copy",
                "-Dartifact=org.apache.karaf:apache-karaf:" + VERSION + ":tar.gz",
                "-DoutputDirectory=" + download));
        String extra = System.getenv("MAVEN_ARGS"); // e.g. -o -Dmaven.repo.local=...
        if (extra != null && !extra.isBlank()) {
            mvn.addAll(List.of(extra.trim().split("\\s+")));
        }
        run(mvn, work);
        Path tar = download.resolve("apache-karaf-" + VERSION + ".tar.gz");
        run(List.of("tar", "xzf", tar.toString(), "-C", work.toString()), work);
        home = work.resolve("apache-karaf-" + VERSION);
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        String cfg = Files.readString(features, StandardCharsets.ISO_8859_1);
        int boot = cfg.indexOf("featuresBoot");
        int continued = cfg.indexOf("\\", boot);
        if (boot < 0 || continued < 0) {
            throw new IllegalStateException("no featuresBoot = \\ list in " + features);
        }
        StringBuilder added = new StringBuilder();
        for (String f : FEATURES) {
            added.append("\n    ").append(f).append(", \\");
        }
        Files.writeString(features, cfg.substring(0, continued + 1) + added + cfg.substring(continued + 1),
                StandardCharsets.ISO_8859_1);
        // the http feature brings this configuration; one already there keeps its port
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "\norg.osgi.service.http.port=" + port + "\n",
                StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Launches Karaf; returns the ms until the web console answers. */
    double start(Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        HttpRequest console = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/system/console"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long launched = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = launched + timeout.toNanos();
        while (Http.status(console) != 401) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("Karaf's web console did not answer within " + timeout + "; see "
                        + home.resolve("console.log") + " and " + home.resolve("data/log/karaf.log"));
            }
            Product.sleep(10);
        }
        return (System.nanoTime() - launched) / 1e6;
    }

    /** Stops Karaf and the JVM its start script launched. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            for (ProcessHandle child : children) {
                child.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            process.waitFor();
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
