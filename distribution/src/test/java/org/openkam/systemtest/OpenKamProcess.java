package org.openkam.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One real OpenKAM product process, started from its own copy of the assembled distribution
 * ({@code target/openkam}), so that instances never share files with each other or with the build output.
 *
 * <p>Lifecycle: {@link #create} copies the distribution; {@link #start} runs {@code bin/openkam --port P --data
 * <copy>/data} and waits until the node answers; {@link #stop} sends SIGTERM; {@link #kill} is kill -9; {@link
 * #close} kills what still runs, keeps the console output under {@code target/system-tests/logs} and deletes the
 * copy (unless {@code -Dopenkam.it.keep=true}). A JVM shutdown hook kills every instance still running, so a
 * failing or aborted test run leaves no server behind.
 *
 * <p>{@link #shared} is the one product a test JVM shares among classes that only add records of their own; it
 * refuses what would change it for the next class.
 */
public final class OpenKamProcess implements AutoCloseable {

    public static final String ADMIN = "admin";
    /** Set through {@code OPENKAM_ADMIN_PASSWORD}; used by the first start on an empty database. */
    public static final String ADMIN_PASSWORD = "system-test-admin-Pw-4711";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** How often a wait (readiness, health, output, a job) asks again: each start pays a poll's lag, some 60 times. */
    static final long POLL_MILLIS = 50;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    /**
     * A test's product lives for seconds to a minute: C2 compiles only what is ten times as hot as it usually waits
     * for (password hashing, a large import), the rest stays with C1. A start costs 5.2 s of CPU here instead of 8.2 s
     * with the usual thresholds; with C1 alone 4.3 s, but a sign-in's hashing then took 450 ms instead of 120 ms. The
     * benchmark measures the product as shipped.
     */
    private static final String JIT = "-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 "
            + "-XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000";
    private static OpenKamProcess shared;
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(OpenKamProcess::destroyTree),
                "openkam-system-test-cleanup"));
    }

    private final String name;
    private final Path instance;
    private final Path home;
    private final Path data;
    private final Path output;
    private final int port;
    private final List<String> args = new ArrayList<>();
    private Process process;
    private int starts;
    private boolean isShared;
    private boolean classCache;

    private OpenKamProcess(String name, Path instance, int port) {
        this.name = name;
        this.instance = instance;
        this.home = instance.resolve("openkam");
        this.data = instance.resolve("data");
        this.output = instance.resolve("console.log");
        this.port = port;
    }

    /** A fresh copy of the distribution named after {@code name} (e.g. the test class), not started. */
    public static OpenKamProcess create(String name) {
        Path dist = distribution();
        try {
            Path root = workRoot();
            Files.createDirectories(root);
            Path instance = Files.createTempDirectory(root, name + "-");
            copyTree(dist, instance.resolve("openkam"));
            Files.createDirectories(instance.resolve("data"));
            Files.createDirectories(instance.resolve("tmp"));
            return new OpenKamProcess(name, instance, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the distribution " + dist, e);
        }
    }

    /**
     * The product this test JVM shares among the classes that only add records of their own (a unit, its accounts,
     * users named by {@link Fixtures#unique}) and assert nothing of what others made: the first such class starts it,
     * the next ones find it running, which saves each a start. It refuses a stop, kill, restart or {@code etc/}
     * file, since those would change it for the others; its {@link #close} leaves it running, and the JVM's end
     * closes it. A class that changes what every unit shares (a configuration for every unit, a bundle, the
     * product's files) or counts what every unit holds starts a product of its own with {@link #create}.
     */
    public static synchronized OpenKamProcess shared(String user) {
        if (shared == null || !shared.isAlive()) {
            OpenKamProcess started = create("shared").start();
            started.isShared = true;
            Runtime.getRuntime().addShutdownHook(new Thread(started::release, "openkam-system-test-shared"));
            shared = started;
        }
        shared.note(user + " uses the shared product");
        return shared;
    }

    /** The assembled product, {@code distribution/target/openkam}, as the build passes it in. */
    static Path distribution() {
        Path dist = Path.of(System.getProperty("openkam.dist", "target/openkam")).toAbsolutePath();
        if (!Files.isExecutable(dist.resolve("bin/openkam"))) {
            throw new IllegalStateException("no assembled product at " + dist
                    + " (bin/openkam missing or not executable): run 'mvn package' in distribution first");
        }
        return dist;
    }

    static Path workRoot() {
        return Path.of(System.getProperty("openkam.it.work", "target/system-tests")).toAbsolutePath();
    }

    /** Extra start options, e.g. {@code --demo}. */
    public OpenKamProcess withArgs(String... extra) {
        refuseIfShared("start options");
        args.addAll(List.of(extra));
        return this;
    }

    /**
     * Lets {@code bin/openkam} write and map its class data sharing file, as it does for users. The other test
     * products start without it: each would write its file (some 27 MB, about 2.5 s of CPU) as it stops, for a copy
     * that no later start of another test reads.
     */
    public OpenKamProcess withClassCache() {
        refuseIfShared("the class cache");
        classCache = true;
        return this;
    }

    /** Writes a file into this copy's {@code etc/} folder, e.g. a ConfigAdmin {@code .cfg}. */
    public OpenKamProcess writeEtc(String fileName, Map<String, String> properties) {
        refuseIfShared("a file in etc/");
        StringBuilder text = new StringBuilder("# written by the system test ").append(name).append('\n');
        properties.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        try {
            Files.writeString(home.resolve("etc").resolve(fileName), text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    /** The product's {@code java.io.tmpdir}, a folder of this instance. */
    public Path temporaryFolder() {
        return instance.resolve("tmp");
    }

    public Path data() {
        return data;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** An unauthenticated client of this node. */
    public Api api() {
        return new Api(baseUri());
    }

    /** A client signed in as the initial administrator (cookie session with CSRF token). */
    public Api admin() {
        return api().signIn(ADMIN, ADMIN_PASSWORD);
    }

    /** The running product's process id: {@code bin/openkam} replaces itself with the JVM. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts a fresh product with {@code --demo} and waits until the demo data has loaded. */
    public static OpenKamProcess startWithDemo(String name) {
        OpenKamProcess openkam = create(name).withArgs("--demo").start();
        // The demo data loads while the node already serves; its end is logged.
        String outcome = openkam.awaitOutput(Duration.ofSeconds(120), "Demo data loaded",
                "Demo data could not be loaded", "Demo data already present");
        if (!outcome.equals("Demo data loaded")) {
            openkam.close();
            throw new AssertionError("the demo data must load on a fresh data folder, but: " + outcome + "\n"
                    + openkam.outputTail(40));
        }
        return openkam;
    }

    /**
     * Starts the product (on the same port and data folder as any previous start) and waits until
     * {@code /health/ready} answers 200 and the API document is served. Fails with the tail of the console output
     * if the process exits or is not ready within 60 s.
     */
    public OpenKamProcess start() {
        startWithoutWaiting();
        awaitReady();
        return this;
    }

    /** Launches the product and returns at once; callers probe it themselves. */
    public OpenKamProcess startWithoutWaiting() {
        refuseIfShared("a start");
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/openkam").toString(),
                "--port", Integer.toString(port), "--data", data.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(instance.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OPENKAM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().remove("OPENKAM_PORT");
        builder.environment().remove("OPENKAM_DATA");
        // the system's temporary folder is the instance's own (relative to the product's folder, where bin/openkam
        // runs it), so whatever a start leaves there shows, and goes with the instance
        builder.environment().put("JAVA_OPTS", JIT + " -Djava.io.tmpdir=../tmp");
        builder.environment().put("OPENKAM_CLASS_CACHE", classCache ? "on" : "off");
        starts++;
        try {
            Files.writeString(output, "\n===== system test: start #" + starts + " of " + name + " at "
                    + Instant.now() + ": " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        RUNNING.add(process);
        return this;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        boolean healthy = false;
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with code " + process.exitValue()
                        + " before it was ready; last probe: " + last + "\n" + outputTail(60));
            }
            try {
                if (!healthy) {
                    HttpResponse<String> r = probe("/health/ready");
                    last = "GET /health/ready -> " + r.statusCode() + " " + r.body();
                    healthy = r.statusCode() == 200;
                }
                if (healthy) {
                    // /health is a servlet of its own: wait for the API servlet too.
                    HttpResponse<String> r = probe("/api/v1/openapi.json");
                    last = "GET /api/v1/openapi.json -> " + r.statusCode();
                    if (r.statusCode() == 200) {
                        return;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + name, e);
            }
            sleep(POLL_MILLIS);
        }
        destroyTree(process);
        throw new AssertionError(name + " was not ready within " + START_TIMEOUT.toSeconds() + " s; last probe: "
                + last + "\n" + outputTail(60));
    }

    /** Polls {@code /health} until its JSON body satisfies {@code condition}; returns that body. */
    public JsonObject awaitHealth(String description, Predicate<JsonObject> condition) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new AssertionError(name + " is not running while waiting for " + description + "\n"
                        + outputTail(40));
            }
            try {
                HttpResponse<String> r = probe("/health");
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
                    if (condition.test(body)) {
                        return body;
                    }
                }
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(POLL_MILLIS);
        }
        throw new AssertionError(name + ": /health never showed " + description + "; last answer: " + last + "\n"
                + outputTail(40));
    }

    /**
     * Waits until the console output of the current run contains one of {@code texts} (e.g. a success and a
     * failure message) and returns the one found; fails with the tail of the output otherwise.
     */
    public String awaitOutput(Duration timeout, String... texts) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = currentRunOutput();
            for (String text : texts) {
                if (out.contains(text)) {
                    return text;
                }
            }
            if (!isAlive()) {
                break;
            }
            sleep(POLL_MILLIS);
        }
        throw new AssertionError(name + ": the console output never showed any of " + List.of(texts) + "\n"
                + outputTail(60));
    }

    /**
     * Writes a line to the product's standard input, as if typed on its terminal (the terminal console of
     * {@code bin/openkam --console}). Without {@code --console} the product never reads it.
     */
    public void typeLine(String line) {
        if (!isAlive()) {
            throw new AssertionError(name + " is not running; cannot type " + line + "\n" + outputTail(40));
        }
        try {
            var in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the standard input of " + name, e);
        }
    }

    /** Ends the product's standard input, as Ctrl-D on a terminal does. */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to {@code timeout} for the process to exit by itself; returns whether it did. */
    public boolean awaitExit(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                RUNNING.remove(process);
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The console output of the current run so far (from the marker line of its start on). */
    public String output() {
        return currentRunOutput();
    }

    /** Graceful stop: SIGTERM, then waits for the exit. Fails if the process ignores it. */
    public int stop() {
        refuseIfShared("a stop");
        if (process == null) {
            return -1;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                destroyTree(process);
                throw new AssertionError(name + " did not exit within " + STOP_TIMEOUT.toSeconds()
                        + " s of SIGTERM\n" + outputTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree(process);
            throw new AssertionError(e);
        } finally {
            RUNNING.remove(process);
        }
        return process.exitValue();
    }

    /** kill -9: the node gets no chance to clean up. */
    public void kill() {
        refuseIfShared("kill -9");
        killProcess();
    }

    private void killProcess() {
        if (process == null) {
            return;
        }
        destroyTree(process);
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    /**
     * Kills the process if it still runs, keeps its console output, deletes the copy. Never throws. The {@link
     * #shared} product stays for the next class.
     */
    @Override
    public void close() {
        if (isShared) {
            return;
        }
        release();
    }

    private void release() {
        try {
            killProcess();
        } catch (RuntimeException e) {
            // best effort
        }
        try {
            Path logs = workRoot().resolve("logs");
            Files.createDirectories(logs);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            if (Files.exists(output)) {
                Files.copy(output, logs.resolve(instance.getFileName() + "-" + stamp + ".console.log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Boolean.getBoolean("openkam.it.keep")) {
                deleteTree(instance);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("system test: could not clean up " + instance + ": " + e);
        }
    }

    private void refuseIfShared(String change) {
        if (isShared) {
            throw new IllegalStateException("the shared product takes no " + change + ": it serves other test "
                    + "classes as it is; create(name) gives a class a product of its own");
        }
    }

    /** A line in the console output saying what the tests do next, e.g. which class uses the shared product. */
    private void note(String line) {
        try {
            Files.writeString(output, "\n===== system test: " + line + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of the console output, for failure messages. */
    public String outputTail(int lines) {
        List<String> all = readOutput().lines().toList();
        List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
        return "----- last " + tail.size() + " lines of " + output + " -----\n" + String.join("\n", tail)
                + "\n----- end of output -----";
    }

    private String currentRunOutput() {
        String all = readOutput();
        int at = all.lastIndexOf("===== system test: start #");
        return at < 0 ? all : all.substring(at);
    }

    private String readOutput() {
        try {
            return Files.exists(output) ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e + ")";
        }
    }

    private HttpResponse<String> probe(String path) throws IOException, InterruptedException {
        return PROBE.send(HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(dir);
                // a previous manual run of the build output may have left data or logs behind
                if (rel.toString().equals("data") || rel.toString().equals("logs")) {
                    Files.createDirectories(to.resolve(rel));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return name + " (" + baseUri() + ", " + instance + ")";
    }
}
