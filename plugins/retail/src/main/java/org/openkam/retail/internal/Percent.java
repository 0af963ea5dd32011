package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Ratios as percentages with two decimals, rounded half up; a ratio over zero is undefined ({@code null}). */
final class Percent {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** {@code part / whole x 100}, or {@code null} if {@code whole} is zero. */
    static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return Money.plain(part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP));
    }

    /** {@code part / whole} to four decimals, or {@code null} if {@code whole} is zero. */
    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return Money.plain(part.divide(whole, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP));
    }

    /** {@code 1 - percent / 100}: what a discount of {@code percent} leaves of a price. */
    static BigDecimal remaining(BigDecimal percent) {
        return BigDecimal.ONE.subtract(percent.divide(HUNDRED, MathContext.DECIMAL64));
    }
}
