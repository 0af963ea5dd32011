package org.openkam.api.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one factor entered a score: the explanation of the score, factor by factor.
 *
 * @param factor the factor's stable id, e.g. {@code sales} or {@code attractiveness.sales}
 * @param label the factor for people, e.g. {@code Annual sales}
 * @param input the fact as the model read it, for people, e.g. {@code 1200000 EUR}; {@code null} if unknown
 * @param value the factor's rating from 0 to 100 (one decimal), or {@code null} if the fact was unknown and
 *        the factor was left out
 * @param weight the factor's share of the score, from 0 to 1 (four decimals); 0 for a factor that only informs
 * @param contribution the points of the score this factor accounts for (two decimals), from -100 to 100; for an
 *        additive model {@code weight * value}, and the contributions add up to the score
 */
public record FactorContribution(String factor, String label, String input, BigDecimal value, BigDecimal weight,
        BigDecimal contribution) {

    // the bounds at the scale of what they bound: BigDecimal compares equal scales without rescaling
    private static final BigDecimal HUNDRED_1 = new BigDecimal("100.0");
    private static final BigDecimal ONE_4 = new BigDecimal("1.0000");
    private static final BigDecimal HUNDRED_2 = new BigDecimal("100.00");

    public FactorContribution {
        if (factor == null || factor.isBlank()) {
            throw new IllegalArgumentException("a contribution needs a factor id");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("factor " + factor + " needs a label");
        }
        if (value != null) {
            value = value.setScale(1, RoundingMode.HALF_UP);
            if (value.signum() < 0 || value.compareTo(HUNDRED_1) > 0) {
                throw new IllegalArgumentException("factor " + factor + ": value " + value + " is not within 0..100");
            }
        }
        if (weight == null) {
            throw new IllegalArgumentException("factor " + factor + " needs a weight");
        }
        weight = weight.setScale(4, RoundingMode.HALF_UP);
        if (weight.signum() < 0 || weight.compareTo(ONE_4) > 0) {
            throw new IllegalArgumentException("factor " + factor + ": weight " + weight + " is not within 0..1");
        }
        if (contribution == null) {
            throw new IllegalArgumentException("factor " + factor + " needs a contribution");
        }
        contribution = contribution.setScale(2, RoundingMode.HALF_UP);
        if (contribution.abs().compareTo(HUNDRED_2) > 0) {
            throw new IllegalArgumentException("factor " + factor + ": contribution " + contribution
                    + " is not within -100..100");
        }
    }

    /**
     * A factor of an additive model: contributes {@code weight * value}, or nothing when {@code value} is
     * {@code null} (unknown).
     */
    public static FactorContribution of(String factor, String label, String input, Double value, double weight) {
        checkFinite(factor, value == null ? 0 : value, weight);
        return new FactorContribution(factor, label, input, value == null ? null : Rounding.halfUp(value, 1),
                Rounding.halfUp(weight, 4), Rounding.halfUp(value == null ? 0 : value * weight, 2));
    }

    private static void checkFinite(String factor, double... numbers) {
        for (double n : numbers) {
            if (!Double.isFinite(n)) {
                throw new IllegalArgumentException("factor " + factor + ": " + n + " is not a number");
            }
        }
    }
}
