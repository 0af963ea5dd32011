package org.openkam.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * bin/openkam-bench: runs the built product and prints one table of figures, each beside a baseline measured in the
 * same run (so a busy machine moves both), the target and the tool. A phase that fails keeps its rows, saying why;
 * nothing passes or fails. Progress goes to stderr, the table to stdout.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        String product = System.getProperty("openkam.bench.product");
        Options options;
        try {
            options = Options.parse(args, product == null ? null : Path.of(product));
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("openkam-bench: " + e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        if (!Files.isRegularFile(options.product().resolve("bin/felix.jar"))) {
            System.err.println("openkam-bench: no built product at " + options.product() + "; build it first (mvn "
                    + "install -DskipTests, or mvn verify)");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("openkam-bench-");
        Instant began = Instant.now();
        Table table = new Table();
        AtomicBoolean printed = new AtomicBoolean();
        // Ctrl-C or a kill: stop the products and runtimes started, print the figures so far, remove the work folder
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
            started.forEach(ProcessHandle::destroy);
            started.forEach(p -> p.onExit().completeOnTimeout(p, 60, TimeUnit.SECONDS).join());
            if (printed.compareAndSet(false, true)) {
                print(options, began, table, " (stopped before its end)");
                delete(work);
            }
        }));
        PrintStream log = System.err;
        try {
            Product demo = phase(options, table, "start", () -> new Startup(options, work, table).run());
            if (demo != null) {
                try (demo) {
                    phase(options, table, "api", () -> {
                        new ApiLoad(options, table).run(demo);
                        return null;
                    });
                }
            } else if (options.only().contains("api")) {
                table.notMeasured("phase api", "it needs the product the start phase leaves running", "");
            }
            phase(options, table, "import", () -> {
                new ImportAndScoring(options, work, table).run();
                return null;
            });
            phase(options, table, "model", () -> {
                new ModelThroughput(table).run(options.accounts());
                return null;
            });
            phase(options, table, "retail", () -> {
                new RetailDistribution(options, table).run(log);
                new RetailImport(options, work, table).run();
                return null;
            });
            phase(options, table, "rollups", () -> {
                new Rollups(options, table).run(log);
                return null;
            });
        } finally {
            if (printed.compareAndSet(false, true)) {
                delete(work);
                print(options, began, table, "");
            }
        }
    }

    private static void print(Options options, Instant began, Table table, String note) {
        PrintStream out = System.out;
        out.println();
        out.printf("OpenKAM benchmark%s, %s: %d cores, %s memory, Java %s (%s), %s total%s%n",
                options.quick() ? " (--quick)" : "", began, Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Table.seconds(Duration.between(began, Instant.now()).toMillis() / 1e3), note);
        out.println();
        table.print(out);
        out.flush();
    }

    interface Phase<T> {
        T run() throws Exception;
    }

    /** Runs one phase; if it fails, a row says so and the next phase runs. */
    private static <T> T phase(Options options, Table table, String name, Phase<T> phase) {
        if (!options.only().contains(name)) {
            table.notMeasured("phase " + name, "not run (--only)", "");
            return null;
        }
        System.err.println("[bench] " + name + " ...");
        try {
            return phase.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            table.notMeasured("phase " + name + " (its remaining figures)", "failed: " + e.toString().lines().findFirst()
                    .orElse(""), "");
            return null;
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Table.megabytes(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
