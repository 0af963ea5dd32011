package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.Score;

class AccountHealthModelTest {

    private final AccountHealthModel model = new AccountHealthModel(90, 30);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "100.0, HIGH",
        "67.0, HIGH",
        "66.5, HIGH",
        "66.4, MEDIUM",
        "34.0, MEDIUM",
        "33.5, MEDIUM",
        "33.4, LOW",
        "33.0, LOW",
        "0.0, LOW"
    })
    void bandsByTheScoreRoundedToAWholeNumber(String score, String band) {
        assertEquals(band, AccountHealthModel.band(new BigDecimal(score)).name());
    }

    /**
     * Relationship: stage cooperative (50) and last activity 135 days ago (window 90: 50) -> 50. Task: plan 80 %
     * done -> 80. Value: share of wallet 50 % -> 50 and margin rate 15 % against a 30 % target -> 50 -> 50.
     * Health = (50 + 80 + 50) / 3 = 60: medium.
     */
    @Test
    void theWorkedExample() {
        Score s = model.score(AccountFacts.builder("a", "u").relationshipStage("cooperative").daysSinceLastActivity(135)
                .planCompletion(BigDecimal.valueOf(80)).annualSales(BigDecimal.valueOf(1000))
                .contributionMargin(BigDecimal.valueOf(150)).potential(BigDecimal.valueOf(6000)).build());
        assertEquals(new BigDecimal("60.0"), s.value());
        assertEquals("medium", s.classification().id());
        assertEquals(new BigDecimal("50.0"), s.measures().get("relationship"));
        assertEquals(new BigDecimal("80.0"), s.measures().get("task"));
        assertEquals(new BigDecimal("50.0"), s.measures().get("value"));
        List<FactorContribution> c = s.contributions();
        assertEquals(new BigDecimal("0.3333"), c.get(0).weight());
        assertEquals("stage cooperative; last activity 135 day(s) ago", c.get(0).input());
        assertEquals("share of wallet 50.0 %; margin rate 15.0 %", c.get(2).input());
    }

    @Test
    void unknownComponentsAreLeftOut() {
        // only value is known: share of wallet 100 % and margin rate 45 % (capped at 100) -> 100: high
        Score s = model.score(AccountFacts.builder("a", "u").annualSales(BigDecimal.valueOf(1000))
                .contributionMargin(BigDecimal.valueOf(450)).potential(BigDecimal.valueOf(3000)).build());
        assertEquals(new BigDecimal("100.0"), s.value());
        assertEquals("high", s.classification().id());
        assertNull(s.contributions().get(0).value());
        assertEquals(new BigDecimal("1.0000"), s.contributions().get(2).weight());
        // a loss rates 0 on margin; nothing else known: low
        Score loss = model.score(AccountFacts.builder("a", "u").annualSales(BigDecimal.valueOf(1000))
                .contributionMargin(BigDecimal.valueOf(-10)).build());
        assertEquals(new BigDecimal("0.0"), loss.value());
        assertEquals("low", loss.classification().id());
        assertNull(model.score(AccountFacts.builder("a", "u").build()));
    }

    @Test
    void theMeanOfTheKnown() {
        assertEquals(30.0, AccountHealthModel.mean(20.0, null, 40.0), 1e-9);
        assertNull(AccountHealthModel.mean(null, null));
        assertEquals(50.0, AccountHealthModel.marginRating(BigDecimal.valueOf(15), BigDecimal.valueOf(100), 30), 1e-9);
        assertNull(AccountHealthModel.marginRating(BigDecimal.ONE, BigDecimal.ZERO, 30));
    }
}
