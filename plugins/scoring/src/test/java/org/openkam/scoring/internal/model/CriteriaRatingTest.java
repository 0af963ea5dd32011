package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.scoring.internal.model.Criterion.Axis;

class CriteriaRatingTest {

    private static final double EPS = 1e-9;

    /**
     * Attractiveness: sales (20) rated 80, margin (20) rated 60, potential (20) unknown -> (20*80 + 20*60) / 40 = 70.
     * Strength: share of wallet (40) rated 50, position (35) unknown, stage (25) rated 100 -> 4500 / 65 = 69.23.
     * Overall with an attractiveness share of 50 %: 0.5 * 70 + 0.5 * 69.23 = 69.62.
     */
    @Test
    void unknownCriteriaAreLeftOutAndTheKnownWeightsScaleUp() {
        CriteriaRating r = CriteriaRating.of(List.of(
                new Criterion("sales", Axis.ATTRACTIVENESS, "sales", 20, 80.0, "800 EUR"),
                new Criterion("margin", Axis.ATTRACTIVENESS, "margin", 20, 60.0, null),
                new Criterion("potential", Axis.ATTRACTIVENESS, "potential", 20, null, null),
                new Criterion("wallet", Axis.STRENGTH, "wallet", 40, 50.0, null),
                new Criterion("position", Axis.STRENGTH, "position", 35, null, null),
                new Criterion("stage", Axis.STRENGTH, "stage", 25, 100.0, "integrated")), 0.5);
        assertEquals(70, r.attractiveness(), EPS);
        assertEquals(4500.0 / 65, r.strength(), EPS);
        assertEquals(0.5 * 70 + 0.5 * 4500.0 / 65, r.overall(), EPS);

        Map<String, FactorContribution> c = r.contributions().stream()
                .collect(Collectors.toMap(FactorContribution::factor, f -> f));
        assertEquals(new BigDecimal("0.2500"), c.get("attractiveness.sales").weight());
        assertEquals(new BigDecimal("20.00"), c.get("attractiveness.sales").contribution());
        assertEquals(new BigDecimal("15.00"), c.get("attractiveness.margin").contribution());
        assertEquals(new BigDecimal("0.3077"), c.get("strength.wallet").weight());
        assertEquals(new BigDecimal("15.38"), c.get("strength.wallet").contribution());
        assertEquals(new BigDecimal("19.23"), c.get("strength.stage").contribution());
        assertNull(c.get("attractiveness.potential").value());
        assertEquals(new BigDecimal("0.00"), c.get("attractiveness.potential").contribution());
        assertEquals("Attractiveness: potential (unknown, left out)", c.get("attractiveness.potential").label());
        BigDecimal sum = r.contributions().stream().map(FactorContribution::contribution)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(69.62, sum.doubleValue(), 0.011, "the contributions add up to the score");
    }

    @Test
    void anAxisWithoutKnownCriteriaIsUnknownAndTheOtherCountsAlone() {
        CriteriaRating r = CriteriaRating.of(List.of(
                new Criterion("sales", Axis.ATTRACTIVENESS, "sales", 30, 40.0, null),
                new Criterion("margin", Axis.ATTRACTIVENESS, "margin", 10, 80.0, null),
                new Criterion("wallet", Axis.STRENGTH, "wallet", 40, null, null)), 0.5);
        assertEquals(50, r.attractiveness(), EPS);
        assertNull(r.strength());
        assertEquals(50, r.overall(), EPS);
        assertEquals(new BigDecimal("0.7500"), r.contributions().get(0).weight());
    }

    @Test
    void criteriaWeightedZeroAreNotListedAndNothingKnownRatesNothing() {
        CriteriaRating r = CriteriaRating.of(List.of(
                new Criterion("sales", Axis.ATTRACTIVENESS, "sales", 0, 40.0, null),
                new Criterion("wallet", Axis.STRENGTH, "wallet", 40, null, null)), 0.5);
        assertNull(r.overall());
        assertEquals(List.of("strength.wallet"), r.contributions().stream().map(FactorContribution::factor).toList());
    }
}
