package org.openkam.scoring.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.scoring.PortfolioContext;

class PortfoliosTest {

    static Account account(String id, String currency, Long sales) {
        return account(id, currency, sales, null, null);
    }

    static Account account(String id, String currency, Long sales, Long margin, Long potential) {
        return new Account(id, "unit", "Account " + id, null, null, "DE", null, AccountStatus.ACTIVE,
                KeyAccountTier.NONE, null, sales == null ? null : BigDecimal.valueOf(sales),
                margin == null ? null : BigDecimal.valueOf(margin), potential == null ? null : BigDecimal.valueOf(potential),
                currency, Map.of(), 1, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void ranksAndCumulativeSharesLargestFirst() {
        Map<String, PortfolioContext> p = Portfolios.of(List.of(account("c", "EUR", 15L), account("a", "EUR", 50L),
                account("d", "EUR", 5L), account("b", "EUR", 30L)));
        assertEquals(1, p.get("a").salesRank());
        assertEquals(4, p.get("d").salesRank());
        assertEquals(0, new BigDecimal("0.8").compareTo(p.get("b").cumulativeSalesShare()));
        assertEquals(0, new BigDecimal("0.3").compareTo(p.get("b").salesShare()));
        assertEquals(0, new BigDecimal("0.8").compareTo(p.get("c").cumulativeSalesShareBefore()));
        assertEquals(0, new BigDecimal("0.95").compareTo(p.get("d").cumulativeSalesShareBefore()));
        assertEquals(0, BigDecimal.ONE.compareTo(p.get("d").cumulativeSalesShare()));
        assertEquals(0, BigDecimal.valueOf(100).compareTo(p.get("a").totalSales()));
        assertEquals(0, BigDecimal.valueOf(50).compareTo(p.get("c").largestSales()));
        assertEquals(4, p.get("c").peers());
    }

    @Test
    void tiesBreakByIdAndTheShareBeforeIsExactAfterRounding() {
        // thirds: 0.333333, 0.666667, 1 - the share before the third account is exactly the rounded 0.666667
        Map<String, PortfolioContext> p = Portfolios.of(List.of(account("z", "EUR", 1L), account("y", "EUR", 1L),
                account("x", "EUR", 1L)));
        assertEquals(1, p.get("x").salesRank());
        assertEquals(3, p.get("z").salesRank());
        assertEquals(new BigDecimal("0.666667"), p.get("z").cumulativeSalesShareBefore());
        assertEquals(new BigDecimal("0.333334"), p.get("y").salesShare());
    }

    @Test
    void currenciesAreSeparatePeerGroupsAndUnknownSalesAreNotRanked() {
        Map<String, PortfolioContext> p = Portfolios.of(List.of(account("e1", "EUR", 100L, 10L, 900L),
                account("e2", "EUR", null, 40L, null), account("u1", "USD", 1000L)));
        assertEquals(2, p.get("e1").peers());
        assertEquals(1, p.get("u1").peers());
        assertEquals(0, BigDecimal.valueOf(100).compareTo(p.get("e1").totalSales()));
        assertEquals(0, BigDecimal.valueOf(40).compareTo(p.get("e1").largestContributionMargin()));
        assertEquals(0, BigDecimal.valueOf(900).compareTo(p.get("e2").largestPotential()));
        assertEquals(0, p.get("e2").salesRank());
        assertNull(p.get("e2").salesShare());
        assertEquals(1, p.get("u1").salesRank());
    }

    @Test
    void noKnownSalesMeansNoTotalAndZeroSalesNoShares() {
        Map<String, PortfolioContext> unknown = Portfolios.of(List.of(account("a", "EUR", null)));
        assertNull(unknown.get("a").totalSales());
        Map<String, PortfolioContext> zero = Portfolios.of(List.of(account("a", "EUR", 0L), account("b", "EUR", 0L)));
        assertEquals(1, zero.get("a").salesRank());
        assertNull(zero.get("a").cumulativeSalesShare());
    }
}
