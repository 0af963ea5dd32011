package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.Score;

class ShareOfWalletModelTest {

    private static Score score(String sales, String potential) {
        return new ShareOfWalletModel(25, 60).score(AccountFacts.builder("a", "u").currency("EUR")
                .annualSales(new BigDecimal(sales)).potential(new BigDecimal(potential)).build());
    }

    @Test
    void theWorkedExample() {
        // 1,000,000 a year of a 6,000,000 three-year potential = 2,000,000 a year: 50 %, 1,000,000 to others
        Score s = score("1000000", "6000000");
        assertEquals(new BigDecimal("50.0"), s.value());
        assertEquals("medium", s.classification().id());
        assertEquals(new BigDecimal("50.00"), s.measures().get("shareOfWallet"));
        assertEquals(new BigDecimal("1000000.00"), s.measures().get("headroom"));
        assertEquals("1000000 EUR of 2000000 EUR a year (50.0 %)", s.contributions().get(0).input());
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({
        "249, 3000, low",
        "250, 3000, medium",
        "599, 3000, medium",
        "600, 3000, high",
        "1500, 3000, high"
    })
    void bandsAtTheirEdges(String sales, String potential, String band) {
        assertEquals(band, score(sales, potential).classification().id());
    }

    @Test
    void salesAboveThePotentialCapAtHundredWithoutHeadroom() {
        Score s = score("1500", "3000");
        assertEquals(new BigDecimal("100.0"), s.value());
        assertEquals(new BigDecimal("150.00"), s.measures().get("shareOfWallet"));
        assertEquals(new BigDecimal("0.00"), s.measures().get("headroom"));
    }

    @Test
    void noPotentialNoScore() {
        assertNull(new ShareOfWalletModel(25, 60).score(AccountFacts.builder("a", "u")
                .annualSales(BigDecimal.TEN).build()));
        assertNull(new ShareOfWalletModel(25, 60).score(AccountFacts.builder("a", "u")
                .annualSales(BigDecimal.TEN).potential(BigDecimal.ZERO).build()));
        assertThrows(IllegalArgumentException.class, () -> new ShareOfWalletModel(60, 25));
    }
}
