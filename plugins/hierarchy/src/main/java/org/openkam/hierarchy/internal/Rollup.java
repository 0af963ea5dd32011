package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.openkam.api.money.AppliedRate;

/**
 * A node's rollup on a day in the reporting currency: each figure as own, children and total; the rates used;
 * {@code hiddenNodes} counts the accounts in the subtree whose figures the caller may not read (left out).
 */
public record Rollup(String hierarchyId, String nodeId, LocalDate asOf, String currency,
        Map<String, Part<Money>> money, Map<String, Part<Integer>> counts, List<AppliedRate> rates, int nodes,
        int hiddenNodes) {

    /** One figure's own, children and total. */
    public record Part<T>(T own, T children, T total) {
    }
}
