package org.openkam.scoring.internal.model;

import java.math.BigDecimal;
import java.util.Locale;

import org.openkam.api.scoring.AccountFacts;

/**
 * Turns facts into ratings from 0 to 100. Every function returns {@code null} for an unknown fact, so a model
 * can leave it out instead of reading it as zero.
 */
public final class Scales {

    private Scales() {
    }

    /**
     * An amount against the largest among the peers; an amount of zero or less rates 0, and so does every
     * amount when the largest is not positive. Unknown without the amount or the largest.
     */
    public static Double relative(BigDecimal amount, BigDecimal largest, MoneyScale scale) {
        if (amount == null || largest == null) {
            return null;
        }
        if (largest.signum() <= 0 || amount.signum() <= 0) {
            return 0.0;
        }
        double ratio = Math.min(1, amount.doubleValue() / largest.doubleValue());
        return 100 * (scale == MoneyScale.SQUARE_ROOT ? Math.sqrt(ratio) : ratio);
    }

    /** A value mapped linearly so that {@code zeroAt} rates 0 and {@code hundredAt} rates 100, clamped. */
    public static Double linear(Double value, double zeroAt, double hundredAt) {
        if (value == null) {
            return null;
        }
        return clamp(100 * (value - zeroAt) / (hundredAt - zeroAt));
    }

    /** A ratio (0.25 is 25 %) as a rating, capped at 100. */
    public static Double ratio(BigDecimal ratio) {
        return ratio == null ? null : clamp(ratio.doubleValue() * 100);
    }

    /** A rating on a scale of 1 to 5 (decimals allowed): 1 rates 0, 3 rates 50, 5 rates 100; outside 1..5 unknown. */
    public static Double fivePoint(Double value) {
        if (value == null || value < 1 || value > 5) {
            return null;
        }
        return (value - 1) * 25;
    }

    /**
     * A relationship stage: exploratory 0, basic 25, cooperative 50, interdependent 75, integrated 100;
     * any other text is unknown.
     */
    public static Double stage(String stage) {
        if (stage == null) {
            return null;
        }
        int index = AccountFacts.RELATIONSHIP_STAGES.indexOf(stage.strip().toLowerCase(Locale.ROOT));
        return index < 0 ? null : index * 100.0 / (AccountFacts.RELATIONSHIP_STAGES.size() - 1);
    }

    /**
     * How fresh the contact is: 100 up to {@code windowDays} days since the last activity, then falling
     * linearly to 0 at twice the window.
     */
    public static Double freshness(Integer days, int windowDays) {
        if (days == null) {
            return null;
        }
        if (days <= windowDays) {
            return 100.0;
        }
        return clamp(100.0 * (2.0 * windowDays - days) / windowDays);
    }

    /** A number read from a custom attribute, or {@code null} if absent or not a number. */
    public static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String t = text.strip().replace("%", "").strip();
            // a decimal comma (8,5) unless the text has a decimal point too
            double d = Double.parseDouble(t.indexOf('.') < 0 ? t.replace(',', '.') : t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static double clamp(double rating) {
        return Math.max(0, Math.min(100, rating));
    }
}
