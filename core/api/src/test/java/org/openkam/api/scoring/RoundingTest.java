package org.openkam.api.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundingTest {

    /** What the scores' numbers always were: the double's shortest decimal text, rounded half up. */
    private static BigDecimal byText(double d, int scale) {
        return BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP);
    }

    @ParameterizedTest
    @CsvSource({"1.45, 1, 1.5", "-1.45, 1, -1.5", "2.675, 2, 2.68", "0.05, 1, 0.1", "66.65, 1, 66.7",
        "0.125, 2, 0.13", "12.34565, 4, 12.3457", "2.5, 0, 3", "-2.5, 0, -3", "-0.0, 1, 0.0", "99.94999, 1, 99.9",
        "1e12, 2, 1000000000000.00", "123456789.05, 1, 123456789.1", "0.00005, 4, 0.0001"})
    void roundsTiesOfTheDecimalTextHalfUpThoughTheDoubleLiesBelowThem(double d, int scale, String expected) {
        assertEquals(new BigDecimal(expected), Rounding.halfUp(d, scale));
        assertEquals(byText(d, scale), Rounding.halfUp(d, scale));
    }

    @ParameterizedTest
    @CsvSource({"1250, -2, 1.3E+3", "149.99, -2, 1E+2", "0.123456789, 7, 0.1234568", "7, 9, 7.000000000"})
    void scalesBeyondTheFastPathRoundAsTheDecimalText(double d, int scale, String expected) {
        assertEquals(new BigDecimal(expected), Rounding.halfUp(d, scale));
        assertEquals(byText(d, scale), Rounding.halfUp(d, scale));
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void notANumberIsRefusedAsByTheDecimalText(double d) {
        assertThrows(NumberFormatException.class, () -> Rounding.halfUp(d, 1));
    }

    @Test
    void agreesWithTheDecimalTextOnRandomNumbersAndOnDecimalTies() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int i = 0; i < 200_000; i++) {
            int scale = random.nextInt(6);
            double d = switch (i % 4) {
                case 0 -> random.nextDouble(-100, 100);
                case 1 -> random.nextDouble(-1e9, 1e9);
                // a decimal tie one digit below the scale, such as 37.25 at one decimal
                case 2 -> Double.parseDouble(BigDecimal.valueOf(random.nextLong(-10_000_000, 10_000_000) * 10 + 5,
                        scale + 1).toPlainString());
                // a product like a contribution's value * weight
                default -> Math.round(random.nextDouble(0, 100) * 10) / 10.0 * (random.nextInt(10_001) / 10_000.0);
            };
            assertEquals(byText(d, scale), Rounding.halfUp(d, scale), () -> d + " at scale " + scale);
        }
    }
}
