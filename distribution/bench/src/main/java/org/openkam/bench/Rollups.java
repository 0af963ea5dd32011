package org.openkam.bench;

import java.io.PrintStream;

import org.openkam.hierarchy.internal.HierarchyBenchmark;

/** Hierarchy rollups through the hierarchy plugin's own benchmark (its test sources). */
final class Rollups {

    private final Options options;
    private final Table table;

    Rollups(Options options, Table table) {
        this.options = options;
        this.table = table;
    }

    void run(PrintStream log) throws Exception {
        int roots = options.roots();
        int perRoot = options.nodesPerRoot();
        HierarchyBenchmark.Figures f = HierarchyBenchmark.run(roots, perRoot, log);
        String tool = "HierarchyBenchmark (plugins/hierarchy test sources), embedded H2";
        table.add(String.format("hierarchy rollup of all %d roots of a %,d-node forest", roots, roots * perRoot),
                Table.millis(f.allRoots()), Table.millis(f.allRootsSecondPass()) + " second pass", "",
                "<= 1,000 ms for 1,000,000", tool);
        table.add(String.format("hierarchy rollup of a %,d-node subtree right after a change", perRoot),
                Table.millis(f.subtreeAfterChange()), "", "", "<= 100 ms for 100,000", tool);
    }
}
