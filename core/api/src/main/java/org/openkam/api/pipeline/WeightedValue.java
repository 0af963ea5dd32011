package org.openkam.api.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an opportunity is worth to the forecast, in its currency, rounded half up to cents:
 * <ul>
 * <li>open: value &times; probability / 100 (1,000.00 at 25 % is 250.00; 333.33 at 33 % is 109.9989, so 110.00);</li>
 * <li>won: the full value, whatever the probability was (1,234.5678 is 1,234.57);</li>
 * <li>lost: 0.00.</li>
 * </ul>
 * The product is computed exactly and rounded once.
 */
public final class WeightedValue {

    public static final int SCALE = 2;

    private WeightedValue() {
    }

    public static BigDecimal of(OpportunityStatus status, BigDecimal value, int probability) {
        return switch (status) {
            case OPEN -> value.multiply(BigDecimal.valueOf(probability)).movePointLeft(2)
                    .setScale(SCALE, RoundingMode.HALF_UP);
            case WON -> value.setScale(SCALE, RoundingMode.HALF_UP);
            case LOST -> BigDecimal.ZERO.setScale(SCALE);
        };
    }
}
