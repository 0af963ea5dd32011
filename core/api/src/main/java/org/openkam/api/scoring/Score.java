package org.openkam.api.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a model says about one account.
 *
 * <p>The value is a {@link BigDecimal} from 0 to 100 kept with one decimal (rounded half up), so a score reads
 * and compares the same after storage, JSON and display. A value outside 0..100 is refused, not clamped: a
 * model that computes one is wrong, and the engine counts the call as failed.
 *
 * @param value the score, 0 to 100, one decimal
 * @param classification the class the score puts the account in, or {@code null}
 * @param contributions every factor of the score with its weight and contribution (the explanation); factor
 *        ids are unique
 * @param measures figures the model derived besides the score, by name, e.g. {@code attractiveness},
 *        {@code strength}, {@code customerLifetimeValue}; in the order given
 */
public record Score(BigDecimal value, Classification classification, List<FactorContribution> contributions,
        Map<String, BigDecimal> measures) {

    // at the value's scale: BigDecimal compares equal scales without rescaling
    private static final BigDecimal HUNDRED = new BigDecimal("100.0");

    public Score {
        if (value == null) {
            throw new IllegalArgumentException("a score needs a value");
        }
        value = value.setScale(1, RoundingMode.HALF_UP);
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("score " + value + " is not within 0..100");
        }
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        String twice = repeatedFactor(contributions);
        if (twice != null) {
            throw new IllegalArgumentException("factor " + twice + " appears twice");
        }
        Map<String, BigDecimal> copy = new LinkedHashMap<>();
        if (measures != null) {
            measures.forEach((k, v) -> {
                if (k == null || k.isBlank()) {
                    throw new IllegalArgumentException("a measure needs a name");
                }
                copy.put(k, Objects.requireNonNull(v, () -> "measure " + k));
            });
        }
        measures = Collections.unmodifiableMap(copy);
    }

    /** A factor id that appears twice, or {@code null}. A model's handful compare pairwise: no set per score. */
    private static String repeatedFactor(List<FactorContribution> contributions) {
        int n = contributions.size();
        if (n > 16) {
            Set<String> factors = new HashSet<>();
            for (FactorContribution c : contributions) {
                if (!factors.add(c.factor())) {
                    return c.factor();
                }
            }
            return null;
        }
        for (int i = 1; i < n; i++) {
            String factor = contributions.get(i).factor();
            for (int j = 0; j < i; j++) {
                if (factor.equals(contributions.get(j).factor())) {
                    return factor;
                }
            }
        }
        return null;
    }

    /** A score from a computed value (rounded to one decimal) without measures; NaN and infinities are refused. */
    public static Score of(double value, Classification classification, List<FactorContribution> contributions) {
        return of(value, classification, contributions, Map.of());
    }

    /** A score from a computed value (rounded to one decimal); NaN and infinities are refused. */
    public static Score of(double value, Classification classification, List<FactorContribution> contributions,
            Map<String, BigDecimal> measures) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("score " + value + " is not a number");
        }
        return new Score(Rounding.halfUp(value, 1), classification, contributions, measures);
    }
}
