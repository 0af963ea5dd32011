package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.PortfolioContext;
import org.openkam.api.scoring.Score;

class WeightedCriteriaModelTest {

    static final PortfolioContext PEERS = PortfolioContext.builder().peers(10)
            .largestSales(BigDecimal.valueOf(1_000_000)).largestContributionMargin(BigDecimal.valueOf(400_000))
            .largestPotential(BigDecimal.valueOf(12_000_000)).build();

    /**
     * Each amount is a quarter of the largest, so each rates 50 on the square-root scale; growth 5 % rates 50,
     * reference 3 rates 50, complexity 5 rates 100: attractiveness = (20*50*3 + 15*50 + 15*50 + 10*100) / 100 = 55.
     * Share of wallet 250,000 of 1,000,000 a year rates 25 and is the only known strength criterion: strength 25.
     * Score = 0.5 * 55 + 0.5 * 25 = 40.
     */
    @Test
    void workedExampleWithDefaultWeights() {
        AccountFacts facts = AccountFacts.builder("a-1", "industrial").currency("EUR")
                .annualSales(BigDecimal.valueOf(250_000)).contributionMargin(BigDecimal.valueOf(100_000))
                .potential(BigDecimal.valueOf(3_000_000))
                .attributes(Map.of("growth", "5", "referenceValue", "3", "structureComplexity", "5"))
                .portfolio(PEERS).build();
        Score score = new WeightedCriteriaModel(ModelFixtures.defaults(MoneyScale.SQUARE_ROOT), 0.5).score(facts);
        assertEquals(new BigDecimal("40.0"), score.value());
        assertEquals(new BigDecimal("55.0"), score.measures().get("attractiveness"));
        assertEquals(new BigDecimal("25.0"), score.measures().get("strength"));
        assertNull(score.classification());
        FactorContribution sales = score.contributions().get(0);
        assertEquals("attractiveness.sales", sales.factor());
        assertEquals("250000 EUR", sales.input());
        assertEquals(new BigDecimal("50.0"), sales.value());
        assertEquals(new BigDecimal("0.1000"), sales.weight());
        FactorContribution wallet = score.contributions().stream()
                .filter(c -> c.factor().equals("strength.share-of-wallet")).findFirst().orElseThrow();
        assertEquals("25.0 %", wallet.input());
        assertEquals(new BigDecimal("0.5000"), wallet.weight());
        assertTrue(score.contributions().stream().anyMatch(c -> c.factor().equals("strength.relationship-stage")
                && c.value() == null), "an unknown stage is listed as left out");
    }

    @Test
    void theAttractivenessShareShiftsTheScore() {
        AccountFacts facts = AccountFacts.builder("a-1", "u").annualSales(BigDecimal.valueOf(250_000))
                .potential(BigDecimal.valueOf(3_000_000)).portfolio(PEERS).build();
        // attractiveness: sales 50 (20), potential 50 (20) -> 50; strength 25; share 80 % -> 0.8*50 + 0.2*25 = 45
        assertEquals(new BigDecimal("45.0"),
                new WeightedCriteriaModel(ModelFixtures.defaults(MoneyScale.SQUARE_ROOT), 0.8).score(facts).value());
    }

    @Test
    void anAccountWithoutAnyKnownFactIsNotScored() {
        assertNull(new WeightedCriteriaModel(ModelFixtures.defaults(MoneyScale.LINEAR), 0.5)
                .score(AccountFacts.builder("a-1", "u").build()));
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new WeightedCriteriaModel(ModelFixtures.defaults(MoneyScale.LINEAR), 1.5));
        Map<String, Double> zero = new java.util.HashMap<>(ModelFixtures.defaults(MoneyScale.LINEAR).weights());
        zero.replaceAll((k, v) -> 0.0);
        assertThrows(IllegalArgumentException.class, () -> new WeightedCriteriaModel(
                new CriteriaSettings(zero, MoneyScale.LINEAR, "g", -10, 20, "r", "c"), 0.5));
        zero.put(CriteriaSettings.SALES, -1.0);
        assertThrows(IllegalArgumentException.class,
                () -> new CriteriaSettings(zero, MoneyScale.LINEAR, "g", -10, 20, "r", "c"));
        assertThrows(IllegalArgumentException.class, () -> new CriteriaSettings(
                ModelFixtures.defaults(MoneyScale.LINEAR).weights(), MoneyScale.LINEAR, "g", 20, 20, "r", "c"));
    }

    @Test
    void theDescriptionListsCriteriaWithTheirSharesAndTheParameters() {
        var d = new WeightedCriteriaModel(ModelFixtures.defaults(MoneyScale.SQUARE_ROOT), 0.5).description();
        assertTrue(d.criteria().get(0).startsWith("attractiveness.sales (20 % of attractiveness)"), d.criteria().get(0));
        assertTrue(d.criteria().stream().anyMatch(c -> c.startsWith("strength.share-of-wallet (40 % of strength)")));
        assertEquals("50", d.parameters().get("attractiveness.share"));
        assertEquals("20", d.parameters().get("weight.contributionMargin"));
        assertEquals("square-root", d.parameters().get("money.scale"));
    }
}
