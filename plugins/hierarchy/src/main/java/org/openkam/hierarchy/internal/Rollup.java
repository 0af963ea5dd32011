package org.openkam.hierarchy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.openkam.api.money.AppliedRate;

/**
 * A node's rollup on a day in the reporting currency: each figure as own, children and total; the rates used;
 * {@code hiddenNodes} counts the accounts in the subtree whose figures the caller may not read (left out);
 * {@code scores} the chosen model's scores, {@code null} when no model was asked for or scoring is not installed.
 */
public record Rollup(String hierarchyId, String nodeId, LocalDate asOf, String currency,
        Map<String, Part<Money>> money, Map<String, Part<Integer>> counts, List<AppliedRate> rates, int nodes,
        int hiddenNodes, Scores scores) {

    public Rollup(String hierarchyId, String nodeId, LocalDate asOf, String currency,
            Map<String, Part<Money>> money, Map<String, Part<Integer>> counts, List<AppliedRate> rates, int nodes,
            int hiddenNodes) {
        this(hierarchyId, nodeId, asOf, currency, money, counts, rates, nodes, hiddenNodes, null);
    }

    /**
     * One model's current scores over the readable accounts: mean (two decimals) and minimum, {@code null} where no
     * account of the part is scored, and how many accounts are scored.
     */
    public record Scores(String model, Part<BigDecimal> mean, Part<BigDecimal> minimum, Part<Integer> scored) {
    }

    /** One figure's own, children and total. */
    public record Part<T>(T own, T children, T total) {
    }
}
