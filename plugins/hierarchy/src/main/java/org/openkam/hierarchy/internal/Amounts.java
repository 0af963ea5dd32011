package org.openkam.hierarchy.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Sums per currency, never mixed: converting is the reporting step's business. */
public record Amounts(Map<String, BigDecimal> byCurrency) {

    public static final Amounts NONE = new Amounts(Map.of());

    public Amounts {
        byCurrency = Map.copyOf(byCurrency);
    }

    /** One amount, or none when the amount or its currency is unknown. */
    public static Amounts of(BigDecimal amount, String currency) {
        return amount == null || currency == null ? NONE : new Amounts(Map.of(currency, amount));
    }

    public static Amounts of(Map<String, BigDecimal> byCurrency) {
        return new Amounts(byCurrency);
    }

    public Amounts plus(Amounts other) {
        if (other.byCurrency.isEmpty()) {
            return this;
        }
        if (byCurrency.isEmpty()) {
            return other;
        }
        Map<String, BigDecimal> sum = new TreeMap<>(byCurrency);
        other.byCurrency.forEach((currency, amount) -> sum.merge(currency, amount, BigDecimal::add));
        return new Amounts(sum);
    }
}
