package org.openkam.hierarchy.internal;

/**
 * The figures of one node or a sum of nodes, per currency: sales and contribution margin of the last twelve months,
 * the three-year potential, the open and weighted pipeline, and how many accounts and open opportunities they are.
 */
public record NodeFigures(Amounts sales, Amounts margin, Amounts potential, Amounts openPipeline,
        Amounts weightedPipeline, int accounts, int opportunities) {

    public static final NodeFigures NONE = new NodeFigures(Amounts.NONE, Amounts.NONE, Amounts.NONE, Amounts.NONE,
            Amounts.NONE, 0, 0);

    public NodeFigures plus(NodeFigures o) {
        return new NodeFigures(sales.plus(o.sales), margin.plus(o.margin), potential.plus(o.potential),
                openPipeline.plus(o.openPipeline), weightedPipeline.plus(o.weightedPipeline), accounts + o.accounts,
                opportunities + o.opportunities);
    }
}
