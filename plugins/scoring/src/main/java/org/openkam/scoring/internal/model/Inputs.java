package org.openkam.scoring.internal.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Facts as explanations show them. */
final class Inputs {

    private Inputs() {
    }

    /** {@code 1200000 EUR}, or {@code null} if unknown. */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        String text = amount.stripTrailingZeros().toPlainString();
        return currency == null ? text : text + " " + currency;
    }

    /** A ratio as a percentage with one decimal, {@code 0.255} as {@code 25.5 %}, or {@code null}. */
    static String percent(BigDecimal ratio) {
        return ratio == null ? null
                : ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** A plain number without trailing zeros, or {@code null}. */
    static String number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A parameter as a description lists it. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
