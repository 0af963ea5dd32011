package org.openkam.api.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreTest {

    @Test
    void theValueKeepsOneDecimalRoundedHalfUp() {
        assertEquals(new BigDecimal("66.7"), Score.of(66.65, null, List.of()).value());
        assertEquals(new BigDecimal("66.6"), Score.of(66.64999, null, List.of()).value());
        assertEquals(new BigDecimal("0.0"), Score.of(0, null, List.of()).value());
        assertEquals(new BigDecimal("100.0"), Score.of(100.04, null, List.of()).value());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.06, 100.05, 250, Double.NaN, Double.POSITIVE_INFINITY})
    void aValueOutsideZeroToHundredIsRefusedNotClamped(double value) {
        assertThrows(IllegalArgumentException.class, () -> Score.of(value, null, List.of()));
    }

    @Test
    void aFactorMayAppearOnlyOnce() {
        FactorContribution sales = FactorContribution.of("sales", "Sales", "100 EUR", 50.0, 0.5);
        assertThrows(IllegalArgumentException.class, () -> Score.of(50, null, List.of(sales, sales)));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 16, 17, 40})
    void aFactorRepeatedLastInALongListIsFound(int factors) {
        List<FactorContribution> contributions = new ArrayList<>();
        for (int i = 0; i < factors; i++) {
            contributions.add(FactorContribution.of("f" + i, "Factor " + i, null, 1.0, 0.01));
        }
        assertEquals(factors, Score.of(50, null, contributions).contributions().size());
        contributions.add(FactorContribution.of("f0", "Factor 0 again", null, 1.0, 0.01));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Score.of(50, null, contributions));
        assertEquals("factor f0 appears twice", e.getMessage());
    }

    @Test
    void measuresKeepTheirOrderAndRefuseNulls() {
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("strength", BigDecimal.ONE);
        measures.put("attractiveness", BigDecimal.TEN);
        assertEquals(List.of("strength", "attractiveness"),
                List.copyOf(Score.of(1, null, List.of(), measures).measures().keySet()));
        measures.put("broken", null);
        assertThrows(NullPointerException.class, () -> Score.of(1, null, List.of(), measures));
    }

    @Test
    void anAdditiveFactorContributesWeightTimesValue() {
        FactorContribution c = FactorContribution.of("sales", "Sales", "1200000 EUR", 80.0, 0.25);
        assertEquals(new BigDecimal("80.0"), c.value());
        assertEquals(new BigDecimal("0.2500"), c.weight());
        assertEquals(new BigDecimal("20.00"), c.contribution());
    }

    @Test
    void anUnknownFactorContributesNothing() {
        FactorContribution c = FactorContribution.of("growth", "Growth", null, null, 0);
        assertEquals(null, c.value());
        assertEquals(new BigDecimal("0.00"), c.contribution());
    }

    @Test
    void factorRatingsAndWeightsStayInRange() {
        assertThrows(IllegalArgumentException.class, () -> FactorContribution.of("x", "X", null, 100.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> FactorContribution.of("x", "X", null, 50.0, 1.2));
        assertThrows(IllegalArgumentException.class, () -> FactorContribution.of("x", "X", null, 50.0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> FactorContribution.of(" ", "X", null, 50.0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> FactorContribution.of("x", "", null, 50.0, 0.1));
    }

    @Test
    void aClassificationNeedsAnIdAndALabel() {
        assertThrows(IllegalArgumentException.class, () -> new Classification("", "A", null));
        assertThrows(NullPointerException.class, () -> new Classification("A", null, null));
    }
}
