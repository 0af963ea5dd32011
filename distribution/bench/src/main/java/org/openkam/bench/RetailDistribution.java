package org.openkam.bench;

import java.io.PrintStream;

import org.openkam.retail.internal.RetailBenchmark;

/** Weighted distribution through the retail plugin's own benchmark (its test sources). */
final class RetailDistribution {

    private final Options options;
    private final Table table;

    RetailDistribution(Options options, Table table) {
        this.options = options;
        this.table = table;
    }

    void run(PrintStream log) throws Exception {
        RetailBenchmark.Figures f = RetailBenchmark.run(options.quick() ? 1_000 : 5_000, options.quick() ? 200 : 1_000,
                log);
        table.add(String.format("retail: weighted distribution of each of %,d SKUs over %,d stores (%,d listings), "
                + "one SKU at a time", f.products(), f.stores(), f.listings()), Table.millis(f.allProducts()),
                Table.millis(f.allProductsSecondPass()) + " second pass", "", "",
                "RetailBenchmark (plugins/retail test sources), embedded H2");
    }
}
