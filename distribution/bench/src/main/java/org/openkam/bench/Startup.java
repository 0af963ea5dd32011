package org.openkam.bench;

import java.nio.file.Path;

/**
 * Cold starts, each a new JVM: the product on existing data and with --demo on an empty folder, to the first served
 * sign-in and to /health/ready, against the hello-servlet runtime; idle resident memory of both.
 */
final class Startup {

    static final String TOOL = "bench: new JVM per start, probes every 10 ms";
    /** How long a started process is left alone before its resident memory is read. */
    static final long IDLE_MILLIS = 5_000;

    private final Options options;
    private final Path work;
    private final Table table;

    Startup(Options options, Path work, Table table) {
        this.options = options;
        this.work = work;
        this.table = table;
    }

    /** Runs the start figures; returns the product left running with demo data, for the API figures. */
    Product run() {
        int n = options.starts();
        double[] hello = new double[n];
        long helloRss;
        try (HelloRuntime runtime = new HelloRuntime(options.product(), work.resolve("hello"))) {
            for (int i = 0; i < n; i++) {
                hello[i] = runtime.start();
                if (i < n - 1) {
                    runtime.close();
                }
            }
            Product.sleep(IDLE_MILLIS);
            helloRss = Resident.current(runtime.pid());
        }
        double helloMedian = Stats.median(hello);
        String helloText = Table.millis(helloMedian) + " hello servlet";

        double[] signIn = new double[n];
        double[] ready = new double[n];
        long rss;
        try (Product existing = new Product(options.product(), work.resolve("existing"), options.productOpts())) {
            existing.start(); // creates the database and the administrator: the starts below find existing data
            existing.close();
            for (int i = 0; i < n; i++) {
                Product.Start s = existing.start();
                signIn[i] = s.signInMillis();
                ready[i] = s.readyMillis();
                if (i < n - 1) {
                    existing.close();
                }
            }
            Product.sleep(IDLE_MILLIS);
            rss = Resident.current(existing.pid());
        }
        String of = " (median of " + n + ")";
        table.add("cold start to sign-in served, existing data" + of, Table.millis(Stats.median(signIn)), helloText,
                Table.ratio(Stats.median(signIn), helloMedian), "<= 1,000 ms", TOOL);
        table.add("cold start to /health/ready, existing data" + of, Table.millis(Stats.median(ready)), helloText,
                Table.ratio(Stats.median(ready), helloMedian), "", TOOL);

        double[] demoSignIn = new double[n];
        double[] demoReady = new double[n];
        Product demo = null;
        for (int i = 0; i < n; i++) {
            demo = new Product(options.product(), work.resolve("demo-" + i), options.productOpts()).demo(true);
            Product.Start s = demo.start();
            demoSignIn[i] = s.signInMillis();
            demoReady[i] = s.readyMillis();
            if (i < n - 1) {
                demo.close();
            }
        }
        table.add("cold start to sign-in served, --demo on an empty folder" + of,
                Table.millis(Stats.median(demoSignIn)), helloText, Table.ratio(Stats.median(demoSignIn), helloMedian),
                "<= 2,000 ms", TOOL);
        table.add("cold start to /health/ready, --demo on an empty folder" + of,
                Table.millis(Stats.median(demoReady)), helloText, Table.ratio(Stats.median(demoReady), helloMedian),
                "", TOOL);
        karaf(Stats.median(signIn));
        table.add("idle resident memory, " + IDLE_MILLIS / 1000 + " s after start (existing data)",
                Table.megabytes(rss), Table.megabytes(helloRss) + " hello runtime", Table.ratio(rss, helloRss),
                "<= 300 MB", "VmRSS of /proc/PID/status");
        return demo;
    }

    /** The product's start on existing data against Karaf's, both medians of the same number of starts. */
    private void karaf(double product) {
        String figure = "cold start to sign-in served vs Apache Karaf " + Karaf.VERSION + " to its web console "
                + "(median of " + options.starts() + ")";
        if (!options.karaf()) {
            table.notMeasured(figure, "run with --karaf", "<= 0.2x Karaf");
            return;
        }
        double[] karaf = new double[options.starts()];
        try (Karaf k = new Karaf(work.resolve("karaf"))) {
            k.start(java.time.Duration.ofMinutes(10)); // installs the features, downloading their bundles once
            k.close();
            for (int i = 0; i < karaf.length; i++) {
                karaf[i] = k.start(java.time.Duration.ofMinutes(2));
                k.close();
            }
        } catch (Exception e) {
            table.notMeasured(figure, "Karaf failed: " + e.getMessage().lines().findFirst().orElse(""),
                    "<= 0.2x Karaf");
            return;
        }
        double median = Stats.median(karaf);
        table.add(figure, Table.millis(product), Table.millis(median) + " Karaf (" + String.join(", ",
                Karaf.FEATURES) + ")", Table.ratio(product, median), "<= 0.2x Karaf", TOOL
                + "; Karaf on its data/ of the first start");
    }
}
