package org.openkam.api.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AccountFactsTest {

    @Test
    void shareOfWalletComparesAYearOfSalesWithAYearOfTheThreeYearPotential() {
        // sales 1,000,000 a year; potential 6,000,000 over three years = 2,000,000 a year -> 50 %
        assertEquals(new BigDecimal("0.5000"),
                AccountFacts.shareOfWallet(new BigDecimal("1000000"), new BigDecimal("6000000")));
        // 250,000 of 3,000,000 over three years = 1,000,000 a year -> 25 %
        assertEquals(new BigDecimal("0.2500"),
                AccountFacts.shareOfWallet(new BigDecimal("250000"), new BigDecimal("3000000")));
        // sales above the stated potential: above 1, the potential is out of date
        assertEquals(new BigDecimal("1.5000"), AccountFacts.shareOfWallet(BigDecimal.ONE, BigDecimal.valueOf(2)));
    }

    @Test
    void shareOfWalletIsUnknownWithoutSalesOrAPositivePotential() {
        assertNull(AccountFacts.shareOfWallet(null, BigDecimal.TEN));
        assertNull(AccountFacts.shareOfWallet(BigDecimal.TEN, null));
        assertNull(AccountFacts.shareOfWallet(BigDecimal.TEN, BigDecimal.ZERO));
        assertNull(AccountFacts.builder("a", "u").annualSales(BigDecimal.TEN).build().shareOfWallet());
    }

    @Test
    void unknownFactsStayUnknownAndTheRestHasDefaults() {
        AccountFacts facts = AccountFacts.builder("a-1", "industrial").build();
        assertNull(facts.annualSales());
        assertNull(facts.relationshipStage());
        assertNull(facts.planCompletion());
        assertEquals(Map.of(), facts.attributes());
        assertEquals(1, facts.portfolio().peers());
        assertEquals(0, facts.portfolio().salesRank());
    }

    @Test
    void percentagesAndDaysAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> AccountFacts.builder("a", "u").planCompletion(BigDecimal.valueOf(101)).build());
        assertThrows(IllegalArgumentException.class,
                () -> AccountFacts.builder("a", "u").competitivePosition(BigDecimal.valueOf(-1)).build());
        assertThrows(IllegalArgumentException.class,
                () -> AccountFacts.builder("a", "u").daysSinceLastActivity(-1).build());
        assertThrows(NullPointerException.class, () -> AccountFacts.builder(null, "u").build());
    }

    @Test
    void theShareBeforeAnAccountIsItsCumulativeShareWithoutItsOwn() {
        PortfolioContext p = PortfolioContext.builder().peers(4).salesRank(2).salesShare(new BigDecimal("0.3"))
                .cumulativeSalesShare(new BigDecimal("0.8")).build();
        assertEquals(0, new BigDecimal("0.5").compareTo(p.cumulativeSalesShareBefore()));
        assertThrows(IllegalArgumentException.class, () -> PortfolioContext.builder().peers(2).salesRank(3).build());
        assertThrows(IllegalArgumentException.class, () -> PortfolioContext.builder().peers(0).build());
        assertThrows(IllegalArgumentException.class, () -> PortfolioContext.builder().salesShare(new BigDecimal("0.9"))
                .cumulativeSalesShare(new BigDecimal("0.5")).build());
    }
}
