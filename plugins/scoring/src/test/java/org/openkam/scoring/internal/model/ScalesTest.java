package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ScalesTest {

    private static final double EPS = 1e-9;

    @Test
    void amountsAgainstTheLargest() {
        BigDecimal largest = BigDecimal.valueOf(1_000_000);
        assertEquals(50, Scales.relative(BigDecimal.valueOf(500_000), largest, MoneyScale.LINEAR), EPS);
        assertEquals(25, Scales.relative(BigDecimal.valueOf(250_000), largest, MoneyScale.LINEAR), EPS);
        // square root: a quarter of the largest rates 50, a half 70.7
        assertEquals(50, Scales.relative(BigDecimal.valueOf(250_000), largest, MoneyScale.SQUARE_ROOT), EPS);
        assertEquals(70.7107, Scales.relative(BigDecimal.valueOf(500_000), largest, MoneyScale.SQUARE_ROOT), 1e-4);
        assertEquals(100, Scales.relative(largest, largest, MoneyScale.SQUARE_ROOT), EPS);
        assertEquals(0, Scales.relative(BigDecimal.valueOf(-5), largest, MoneyScale.LINEAR), EPS);
        assertEquals(0, Scales.relative(BigDecimal.TEN, BigDecimal.ZERO, MoneyScale.LINEAR), EPS);
        assertNull(Scales.relative(null, largest, MoneyScale.LINEAR));
        assertNull(Scales.relative(BigDecimal.TEN, null, MoneyScale.LINEAR));
    }

    @Test
    void growthMapsLinearlyAndClamps() {
        assertEquals(0, Scales.linear(-10.0, -10, 20), EPS);
        assertEquals(50, Scales.linear(5.0, -10, 20), EPS);
        assertEquals(100, Scales.linear(20.0, -10, 20), EPS);
        assertEquals(100, Scales.linear(35.0, -10, 20), EPS);
        assertEquals(0, Scales.linear(-40.0, -10, 20), EPS);
        assertNull(Scales.linear(null, -10, 20));
    }

    @Test
    void fivePointRatings() {
        assertEquals(0, Scales.fivePoint(1.0), EPS);
        assertEquals(50, Scales.fivePoint(3.0), EPS);
        assertEquals(87.5, Scales.fivePoint(4.5), EPS);
        assertEquals(100, Scales.fivePoint(5.0), EPS);
        assertNull(Scales.fivePoint(0.0));
        assertNull(Scales.fivePoint(6.0));
    }

    @Test
    void relationshipStages() {
        assertEquals(0, Scales.stage("exploratory"), EPS);
        assertEquals(25, Scales.stage("basic"), EPS);
        assertEquals(50, Scales.stage("Cooperative"), EPS);
        assertEquals(75, Scales.stage("interdependent"), EPS);
        assertEquals(100, Scales.stage(" integrated "), EPS);
        assertNull(Scales.stage("synergistic"));
        assertNull(Scales.stage(null));
    }

    @Test
    void contactFreshness() {
        assertEquals(100, Scales.freshness(0, 90), EPS);
        assertEquals(100, Scales.freshness(90, 90), EPS);
        assertEquals(50, Scales.freshness(135, 90), EPS);
        assertEquals(0, Scales.freshness(180, 90), EPS);
        assertEquals(0, Scales.freshness(400, 90), EPS);
        assertNull(Scales.freshness(null, 90));
    }

    @Test
    void numbersFromAttributes() {
        assertEquals(8.5, Scales.number("8.5"), EPS);
        assertEquals(8.5, Scales.number("8,5"), EPS);
        assertEquals(12, Scales.number(" 12 %"), EPS);
        assertEquals(-3, Scales.number("-3"), EPS);
        assertNull(Scales.number("high"));
        assertNull(Scales.number(""));
        assertNull(Scales.number("NaN"));
        assertNull(Scales.number(null));
    }
}
