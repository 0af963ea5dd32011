package org.openkam.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line of bin/openkam-bench. */
record Options(Path product, boolean quick, int starts, int accounts, int roots, int nodesPerRoot, Duration warmUp,
        Duration measure, Duration importBudget, Duration scoringBudget, boolean karaf, boolean postgres,
        Set<String> only, String productOpts) {

    static final List<String> PHASES = List.of("start", "api", "import", "model", "retail", "rollups");

    static final String USAGE = """
            Usage: openkam-bench [--quick] [--accounts N] [--import-budget S] [--scoring-budget S] [--starts N]
                                 [--karaf] [--postgres] [--only P,...] [--product DIR] [--product-opts "..."]

            Runs the built product and prints one table: each figure, its baseline measured in the same run,
            the ratio, the target and the tool that measured it. Figures, never pass/fail.

              --quick         smaller sizes for a fast look (100,000 accounts, 100,000 hierarchy nodes,
                              3 starts, 3 s of load per endpoint)
              --accounts N    accounts to import and score (default 1,000,000)
              --import-budget S
                              seconds an import may take before its progress is reported instead
                              (default 600)
              --scoring-budget S
                              seconds each scoring run may take before its progress is reported
                              instead (default 150; 300 with --quick)
              --starts N      cold starts per figure, the median is printed (default 5)
              --karaf         also start Apache Karaf with http + webconsole as a start-up baseline
              --postgres      also import into PostgreSQL
              --only P,...    run only these phases of start, api, import, model, retail, rollups (api needs start)
              --product DIR   the built product (default distribution/target/openkam)
              --product-opts "..."
                              more JVM options for every product the run starts, e.g. a JFR
                              recording to profile a phase (they change its figures)
            """;

    static Options parse(String[] args, Path defaultProduct) {
        Path product = defaultProduct;
        boolean quick = false;
        Integer starts = null;
        Integer accounts = null;
        Integer budget = null;
        Integer importBudget = null;
        Set<String> only = new LinkedHashSet<>(PHASES);
        boolean karaf = false;
        boolean postgres = false;
        String productOpts = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--accounts" -> accounts = positive(args, ++i);
                case "--starts" -> starts = positive(args, ++i);
                case "--scoring-budget" -> budget = positive(args, ++i);
                case "--import-budget" -> importBudget = positive(args, ++i);
                case "--karaf" -> karaf = true;
                case "--postgres" -> postgres = true;
                case "--product" -> product = Path.of(value(args, ++i));
                case "--product-opts" -> productOpts = value(args, ++i).strip();
                case "--only" -> {
                    only = new LinkedHashSet<>(List.of(value(args, ++i).split(",")));
                    if (!PHASES.containsAll(only)) {
                        throw new IllegalArgumentException("--only takes phases of " + PHASES + ", not " + args[i]);
                    }
                }
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (product == null) {
            throw new IllegalArgumentException("no product: pass --product DIR");
        }
        return new Options(product.toAbsolutePath().normalize(), quick, starts != null ? starts : quick ? 3 : 5,
                accounts != null ? accounts : quick ? 100_000 : 1_000_000, 10, quick ? 10_000 : 100_000,
                Duration.ofSeconds(quick ? 1 : 3), Duration.ofSeconds(quick ? 3 : 10),
                Duration.ofSeconds(importBudget != null ? importBudget : 600),
                Duration.ofSeconds(budget != null ? budget : quick ? 300 : 150), karaf, postgres,
                Set.copyOf(only), productOpts);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        String v = value(args, i).replace(",", "").replace("_", "");
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(args[i - 1] + " needs a positive number, not " + args[i]);
    }
}
