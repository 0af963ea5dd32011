package org.openkam.scoring.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

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

    /** Ranks the accounts as a run does, then looks each up. */
    static Map<String, PortfolioContext> contexts(List<Account> accounts, Portfolios.ToReporting rates) {
        Portfolios portfolios = new Portfolios(rates);
        accounts.forEach(portfolios::add);
        PortfolioRanking ranking = portfolios.rank();
        Map<String, PortfolioContext> out = new HashMap<>();
        accounts.forEach(a -> out.put(a.id(), ranking.context(a)));
        return out;
    }

    static Map<String, PortfolioContext> contexts(List<Account> accounts) {
        return contexts(accounts, Portfolios.ToReporting.NONE);
    }

    @Test
    void accountsInCurrenciesWithARateAreOnePortfolioInTheReportingCurrency() {
        // 1 USD = 0.9 EUR, 1 GBP = 1.2 EUR; CHF has no rate
        Portfolios.ToReporting rates = c -> Optional.ofNullable(Map.of("EUR", BigDecimal.ONE, "USD",
                new BigDecimal("0.9"), "GBP", new BigDecimal("1.2")).get(c));
        Map<String, PortfolioContext> p = contexts(List.of(account("eur", "EUR", 1_000L, null, 9_000L),
                account("usd", "USD", 2_000L, null, 3_000L), account("gbp", "GBP", 500L),
                account("chf", "CHF", 10L), account("chf2", "CHF", 40L)), rates);
        // in EUR: usd 1,800, eur 1,000, gbp 600: the USD account is the largest of all three
        assertEquals(1, p.get("usd").salesRank());
        assertEquals(2, p.get("eur").salesRank());
        assertEquals(3, p.get("gbp").salesRank());
        assertEquals(3, p.get("eur").peers());
        assertEquals(0, new BigDecimal("1800").compareTo(p.get("eur").largestSales()), "in the account's EUR");
        assertEquals(0, new BigDecimal("2000").compareTo(p.get("usd").largestSales()), "its own sales, exactly");
        assertEquals(0, new BigDecimal("1500").compareTo(p.get("gbp").largestSales()), "1,800 EUR in GBP");
        assertEquals(0, new BigDecimal("3400").compareTo(p.get("eur").totalSales()));
        assertEquals(0, new BigDecimal("9000").compareTo(p.get("usd").largestPotential().multiply(new BigDecimal("0.9"))),
                "the largest potential is the EUR account's 9,000 EUR, in USD");
        // a currency without a rate stays among its own
        assertEquals(2, p.get("chf").peers());
        assertEquals(0, new BigDecimal("40").compareTo(p.get("chf").largestSales()));
        // without rates every currency is a portfolio of its own
        Map<String, PortfolioContext> apart = contexts(List.of(account("eur", "EUR", 1_000L),
                account("usd", "USD", 2_000L)), Portfolios.ToReporting.NONE);
        assertEquals(1, apart.get("eur").salesRank());
        assertEquals(1, apart.get("usd").salesRank());
    }

    @Test
    void ranksAndCumulativeSharesLargestFirst() {
        Map<String, PortfolioContext> p = contexts(List.of(account("c", "EUR", 15L), account("a", "EUR", 50L),
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
        Map<String, PortfolioContext> p = contexts(List.of(account("z", "EUR", 1L), account("y", "EUR", 1L),
                account("x", "EUR", 1L)));
        assertEquals(1, p.get("x").salesRank());
        assertEquals(3, p.get("z").salesRank());
        assertEquals(new BigDecimal("0.666667"), p.get("z").cumulativeSalesShareBefore());
        assertEquals(new BigDecimal("0.333334"), p.get("y").salesShare());
    }

    @Test
    void currenciesAreSeparatePeerGroupsAndUnknownSalesAreNotRanked() {
        Map<String, PortfolioContext> p = contexts(List.of(account("e1", "EUR", 100L, 10L, 900L),
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
        Map<String, PortfolioContext> unknown = contexts(List.of(account("a", "EUR", null)));
        assertNull(unknown.get("a").totalSales());
        Map<String, PortfolioContext> zero = contexts(List.of(account("a", "EUR", 0L), account("b", "EUR", 0L)));
        assertEquals(1, zero.get("a").salesRank());
        assertNull(zero.get("a").cumulativeSalesShare());
    }

    @Test
    void aRankingKnowsOnlyTheAccountsAsItRankedThem() {
        Portfolios portfolios = new Portfolios(c -> Optional.ofNullable(Map.of("EUR", BigDecimal.ONE).get(c)));
        portfolios.add(account("a", "EUR", 100L));
        portfolios.add(account("b", "EUR", 300L));
        PortfolioRanking ranking = portfolios.rank();
        assertEquals(2, ranking.size());
        assertEquals(2, ranking.context(account("a", "EUR", 900L)).salesRank(), "ranked as it was read");
        assertNull(ranking.context(account("c", "EUR", 50L)), "created after the ranking");
        assertNull(ranking.context(account("a", "CHF", 100L)), "now in a currency without a rate: other peers");
    }

    @Test
    void theOrderTheAccountsComeInChangesNothing() {
        Random random = new Random(42);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Long sales = random.nextInt(10) == 0 ? null : (long) random.nextInt(500) - 20; // ties, negatives
            accounts.add(account(String.format("%05d", i), i % 7 == 0 ? "CHF" : i % 3 == 0 ? "USD" : "EUR", sales));
        }
        Portfolios.ToReporting rates = c -> Optional.ofNullable(Map.of("EUR", BigDecimal.ONE, "USD",
                new BigDecimal("0.9")).get(c));
        Map<String, PortfolioContext> first = contexts(accounts, rates);
        List<Account> shuffled = new ArrayList<>(accounts);
        Collections.shuffle(shuffled, random);
        Map<String, PortfolioContext> second = contexts(shuffled, rates);
        accounts.forEach(a -> assertEquals(first.get(a.id()).toString(), second.get(a.id()).toString(), a.id()));
        // ranks within each peer group are 1..n by sales, and the last one's cumulative share is the whole
        List<Account> converted = accounts.stream().filter(a -> !a.currency().equals("CHF") && a.annualSales() != null)
                .sorted(Comparator.comparing((Account a) -> a.annualSales().multiply(rates.rate(a.currency()).get()))
                        .reversed().thenComparing(Account::id)).toList();
        for (int i = 0; i < converted.size(); i++) {
            assertEquals(i + 1, first.get(converted.get(i).id()).salesRank(), converted.get(i).id());
        }
        assertEquals(0, BigDecimal.ONE.compareTo(first.get(converted.get(converted.size() - 1).id())
                .cumulativeSalesShare()));
    }
}
