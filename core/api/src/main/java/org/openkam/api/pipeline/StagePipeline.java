package org.openkam.api.pipeline;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The open opportunities in one sales stage, across the accounts a caller may read. Amounts are per currency
 * (sorted by code); OpenKAM converts none.
 *
 * @param stage the stage's id
 * @param probability the stage's configured default probability, or {@code -1} for a stage that is no longer
 *        configured but still holds open opportunities
 * @param openCount how many open opportunities are in the stage
 * @param openValue the sum of their values per currency
 * @param weightedValue the sum of their weighted values per currency (each rounded as it lists)
 */
public record StagePipeline(String stage, int probability, int openCount, Map<String, BigDecimal> openValue,
        Map<String, BigDecimal> weightedValue) {

    public StagePipeline {
        Objects.requireNonNull(stage, "stage");
        openValue = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(openValue, "openValue")));
        weightedValue = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(weightedValue,
                "weightedValue")));
    }
}
