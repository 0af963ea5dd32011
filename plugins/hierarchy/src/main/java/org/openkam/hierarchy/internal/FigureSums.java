package org.openkam.hierarchy.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.openkam.api.account.Account;
import org.openkam.api.pipeline.PipelineSummary;

/**
 * Mutable sums of the rollup figures over many accounts: one slot per currency and figure, added in place (exact
 * decimal sums, no map or record per node), then read once as {@link NodeFigures}. One per answer, one thread.
 */
final class FigureSums {

    private static final int SALES = 0;
    private static final int MARGIN = 1;
    private static final int POTENTIAL = 2;
    private static final int OPEN = 3;
    private static final int WEIGHTED = 4;
    private static final int FIGURES = 5;

    private final Map<String, Integer> slots = new HashMap<>();
    private BigDecimal[][] sums = new BigDecimal[FIGURES][4];
    private String lastCurrency;
    private int lastSlot;
    private int accounts;
    private int opportunities;

    /** An account's own figures. */
    void add(Account a) {
        accounts++;
        int slot = slot(a.currency());
        add(SALES, slot, a.annualSales());
        add(MARGIN, slot, a.contributionMargin());
        add(POTENTIAL, slot, a.potential());
    }

    /** An account's open pipeline. */
    void add(PipelineSummary pipeline) {
        opportunities += pipeline.openCount();
        pipeline.openValue().forEach((currency, amount) -> add(OPEN, slot(currency), amount));
        pipeline.weightedValue().forEach((currency, amount) -> add(WEIGHTED, slot(currency), amount));
    }

    /** The currency's slot (-1: none); the last one is kept, since neighbouring accounts mostly share a currency. */
    private int slot(String currency) {
        if (currency == null) {
            return -1;
        }
        if (currency.equals(lastCurrency)) {
            return lastSlot;
        }
        Integer slot = slots.get(currency);
        if (slot == null) {
            slot = slots.size();
            slots.put(currency, slot);
            if (slot == sums[0].length) {
                for (int f = 0; f < FIGURES; f++) {
                    sums[f] = Arrays.copyOf(sums[f], slot * 2);
                }
            }
        }
        lastCurrency = currency;
        lastSlot = slot;
        return slot;
    }

    private void add(int figure, int slot, BigDecimal amount) {
        if (amount != null && slot >= 0) {
            BigDecimal[] row = sums[figure];
            row[slot] = row[slot] == null ? amount : row[slot].add(amount);
        }
    }

    NodeFigures figures() {
        return new NodeFigures(amounts(SALES), amounts(MARGIN), amounts(POTENTIAL), amounts(OPEN), amounts(WEIGHTED),
                accounts, opportunities);
    }

    private Amounts amounts(int figure) {
        Map<String, BigDecimal> out = new HashMap<>();
        slots.forEach((currency, slot) -> {
            if (sums[figure][slot] != null) {
                out.put(currency, sums[figure][slot]);
            }
        });
        return Amounts.of(out);
    }
}
