package org.openkam.scoring.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.Score;

/** A recommendation's reason explains the account: its axes, its strongest and its weakest rated criterion. */
class RecommendationReasonsTest {

    private static FactorContribution rated(String label, String value, String weight) {
        BigDecimal v = value == null ? null : new BigDecimal(value);
        return new FactorContribution(label.toLowerCase().replace(' ', '-'), label, "input", v, new BigDecimal(weight),
                v == null ? BigDecimal.ZERO : v.multiply(new BigDecimal(weight)));
    }

    @Test
    void theProfileNamesTheAxesAndTheStrongestAndWeakestCriteria() {
        Score score = new Score(new BigDecimal("55"), new Classification("high-low", "Invest selectively", null),
                List.of(rated("Annual sales", "90", "0.2"), rated("Growth", "10", "0.15"),
                        rated("Potential", "50", "0.2"), rated("Share of wallet", null, "0.4")),
                Map.of("attractiveness", new BigDecimal("72.0"), "strength", new BigDecimal("38.0")));
        assertEquals("attractiveness 72.0, strength 38.0; strongest: annual sales (90.0), weakest: growth (10.0)",
                ScoringResource.profile(score));
    }

    @Test
    void withoutAxesOrRatedCriteriaItFallsBackToTheScore() {
        Score score = new Score(new BigDecimal("40"), new Classification("b", "B", null), List.of(), Map.of());
        assertEquals("portfolio score 40.0", ScoringResource.profile(score));
    }
}
