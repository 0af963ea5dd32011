package org.openkam.scoring.internal.model;

import java.util.ArrayList;
import java.util.List;

import org.openkam.api.scoring.FactorContribution;

/**
 * The weighted-criteria arithmetic, as a pure function.
 *
 * <p>An axis rating is the weighted mean of its known criteria: {@code sum(w_i * r_i) / sum(w_i)} over the
 * criteria whose fact is known. Unknown criteria are left out and the known ones' weights scale up, so a
 * missing fact neither pulls the rating to zero nor counts as average; an axis without any known criterion is
 * unknown. The overall rating is {@code share * attractiveness + (1 - share) * strength}; when one axis is
 * unknown the other counts alone.
 *
 * <p>Each criterion's contribution weight is its share of the overall rating ({@code axis share * w_i /
 * sum of the axis' known weights}), so the contributions add up to the overall rating (up to rounding).
 *
 * @param attractiveness the attractiveness rating, or {@code null}
 * @param strength the strength rating, or {@code null}
 * @param overall the combined rating, or {@code null} if both axes are unknown
 * @param contributions every criterion with a weight above zero, unknown ones with value and weight 0
 */
public record CriteriaRating(Double attractiveness, Double strength, Double overall,
        List<FactorContribution> contributions) {

    /** Rates the criteria; {@code attractivenessShare} from 0 to 1. */
    public static CriteriaRating of(List<Criterion> criteria, double attractivenessShare) {
        if (!(attractivenessShare >= 0 && attractivenessShare <= 1)) {
            throw new IllegalArgumentException("the attractiveness share must be within 0..1");
        }
        // one pass for both axes: models call this for every account of a unit
        double knownA = 0;
        double knownS = 0;
        double sumA = 0;
        double sumS = 0;
        for (Criterion c : criteria) {
            if (c.rating() != null) {
                if (c.axis() == Criterion.Axis.ATTRACTIVENESS) {
                    knownA += c.weight();
                    sumA += c.weight() * Scales.clamp(c.rating());
                } else {
                    knownS += c.weight();
                    sumS += c.weight() * Scales.clamp(c.rating());
                }
            }
        }
        Double a = knownA == 0 ? null : sumA / knownA;
        Double s = knownS == 0 ? null : sumS / knownS;
        double shareA = a == null ? 0 : s == null ? 1 : attractivenessShare;
        double shareS = s == null ? 0 : 1 - shareA;
        Double overall = a == null && s == null ? null : (a == null ? 0 : shareA * a) + (s == null ? 0 : shareS * s);
        List<FactorContribution> contributions = new ArrayList<>(criteria.size());
        for (Criterion c : criteria) {
            if (c.weight() == 0) {
                continue;
            }
            Criterion.Kind kind = c.kind();
            if (c.rating() == null) {
                contributions.add(FactorContribution.of(kind.factor(), kind.unknownLabel(), c.input(), null, 0));
            } else {
                boolean attractiveness = c.axis() == Criterion.Axis.ATTRACTIVENESS;
                double weight = (attractiveness ? shareA : shareS) * c.weight() / (attractiveness ? knownA : knownS);
                contributions.add(FactorContribution.of(kind.factor(), kind.label(), c.input(),
                        Scales.clamp(c.rating()), weight));
            }
        }
        return new CriteriaRating(a, s, overall, contributions);
    }
}
