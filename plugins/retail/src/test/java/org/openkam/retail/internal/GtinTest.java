package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GS1 check digits for every GTIN length, with numbers whose check digits are worked out by hand. */
class GtinTest {

    @ParameterizedTest(name = "{0} is a valid GTIN-{1}")
    @CsvSource({
        "96385074, 8",          // GTIN-8: 9*3+6+3*3+8+5*3+0+7*3 = 86 -> 4
        "40170725, 8",
        "036000291452, 12",     // UPC-A
        "012345678905, 12",
        "4006381333931, 13",    // EAN-13
        "5901234123457, 13",
        "0000000000000, 13",    // all zeros: check digit 0
        "10012345678902, 14",   // GTIN-14 with a packaging indicator
        "00012345600012, 14"
    })
    void validNumbersPass(String gtin, int length) {
        assertEquals(length, gtin.length());
        assertNull(Gtin.problem(gtin), gtin);
        assertTrue(Gtin.valid(gtin));
    }

    @ParameterizedTest(name = "{0}: check digit {1} expected")
    @CsvSource({
        "96385075, 4",
        "036000291453, 2",
        "4006381333932, 1",
        "5901234123450, 7",
        "10012345678901, 2"
    })
    void aWrongCheckDigitNamesTheRightOne(String gtin, int expected) {
        assertEquals("has the check digit " + gtin.charAt(gtin.length() - 1) + " where " + expected + " is due",
                Gtin.problem(gtin));
        assertFalse(Gtin.valid(gtin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789", "12345678901", "123456789012345"})
    void otherLengthsAreRefused(String gtin) {
        assertEquals("must have 8, 12, 13 or 14 digits (GTIN-8, GTIN-12, GTIN-13 or GTIN-14)", Gtin.problem(gtin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381 33393", "400638133393X", "-4006381333931", "４００６３８１３３３９３１"})
    void nonDigitsAreRefused(String gtin) {
        assertEquals("must be digits only", Gtin.problem(gtin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankIsRequired(String gtin) {
        assertEquals("is required", Gtin.problem(gtin));
        assertEquals("is required", Gtin.problem(null));
    }

    @ParameterizedTest(name = "any single-digit error in {0} is caught")
    @ValueSource(strings = {"96385074", "036000291452", "4006381333931", "10012345678902"})
    void everySingleDigitChangeIsCaught(String gtin) {
        for (int position = 0; position < gtin.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != gtin.charAt(position)) {
                    String changed = gtin.substring(0, position) + digit + gtin.substring(position + 1);
                    assertFalse(Gtin.valid(changed), changed);
                }
            }
        }
    }
}
