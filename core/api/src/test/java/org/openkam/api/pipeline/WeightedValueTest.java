package org.openkam.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightedValueTest {

    @ParameterizedTest(name = "{0} {1} at {2} % -> {3}")
    @CsvSource({
        // open: value x probability / 100, rounded half up to cents
        "OPEN, 1000, 25, 250.00",
        "OPEN, 480000, 75, 360000.00",
        "OPEN, 333.33, 33, 110.00",      // 109.9989
        "OPEN, 0.05, 10, 0.01",          // 0.005 rounds up
        "OPEN, 0.0449, 10, 0.00",        // 0.00449 rounds down
        "OPEN, 1234.5678, 50, 617.28",   // 617.2839
        "OPEN, 19.99, 0, 0.00",
        "OPEN, 19.99, 100, 19.99",
        "OPEN, 999999999999999.9999, 90, 900000000000000.00",  // 899999999999999.9999991, no double rounding
        // won: the full value, whatever the probability
        "WON, 1234.5678, 100, 1234.57",
        "WON, 1234.5678, 40, 1234.57",
        "WON, 500, 0, 500.00",
        // lost: nothing
        "LOST, 1234.5678, 0, 0.00",
        "LOST, 1234.5678, 90, 0.00"
    })
    void workedExamples(OpportunityStatus status, String value, int probability, String expected) {
        BigDecimal weighted = WeightedValue.of(status, new BigDecimal(value), probability);
        assertEquals(new BigDecimal(expected), weighted);
        assertEquals(2, weighted.scale());
    }
}
