package org.openkam.api.pipeline;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.openkam.api.account.AccountDraft;

/**
 * The open pipeline of an account. Amounts are per currency (sorted by code), since an account may hold
 * opportunities in several currencies and OpenKAM converts none.
 *
 * @param openCount how many opportunities are open
 * @param openValue the sum of their values per currency
 * @param weightedValue the sum of their weighted values per currency (the rounded ones each lists, so the
 *        figures add up to what a reader sees)
 */
public record PipelineSummary(int openCount, Map<String, BigDecimal> openValue,
        Map<String, BigDecimal> weightedValue) {

    public PipelineSummary {
        openValue = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(openValue, "openValue")));
        weightedValue = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(weightedValue,
                "weightedValue")));
    }

    /** The summary of the open ones among {@code opportunities}; closed ones are left out. */
    public static PipelineSummary of(Collection<Opportunity> opportunities) {
        int count = 0;
        Map<String, BigDecimal> values = new TreeMap<>();
        Map<String, BigDecimal> weighted = new TreeMap<>();
        for (Opportunity o : opportunities) {
            if (o.isOpen()) {
                count++;
                values.merge(o.currency(), o.value(), BigDecimal::add);
                weighted.merge(o.currency(), o.weightedValue(), BigDecimal::add);
            }
        }
        values.replaceAll((currency, sum) -> AccountDraft.canonical(sum));
        return new PipelineSummary(count, values, weighted);
    }
}
