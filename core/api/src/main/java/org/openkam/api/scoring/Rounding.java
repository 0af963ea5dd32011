package org.openkam.api.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A model's double rounded half up to a few decimals, exactly as {@code BigDecimal.valueOf(d).setScale(scale,
 * HALF_UP)} rounds it (its shortest decimal text), without building that text unless the double lies near a tie.
 * A score's contributions need three such numbers each, and the text was most of a model call's cost; models
 * round their own figures (a score's measures) with it too.
 *
 * @since 1.2
 */
public final class Rounding {

    private static final double[] POWERS = {1, 10, 100, 1_000, 10_000};
    /** Below this, {@code d * 10^scale} is within 1e-8 of the shortest decimal's, far inside {@link #TIE}. */
    private static final double EXACT_BELOW = 1e7;
    private static final double TIE = 1e-6;

    private Rounding() {
    }

    /**
     * {@code d} rounded half up to {@code scale} decimals, as {@code BigDecimal.valueOf(d).setScale(scale, HALF_UP)}.
     *
     * @throws NumberFormatException if {@code d} is NaN or infinite, as {@code BigDecimal.valueOf} does
     */
    public static BigDecimal halfUp(double d, int scale) {
        if (scale >= 0 && scale < POWERS.length) {
            double scaled = d * POWERS[scale];
            if (Math.abs(scaled) < EXACT_BELOW) {
                double floor = Math.floor(scaled);
                double fraction = scaled - floor;
                if (Math.abs(fraction - 0.5) > TIE) {
                    return BigDecimal.valueOf((long) floor + (fraction > 0.5 ? 1 : 0), scale);
                }
            }
        }
        return BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP);
    }
}
