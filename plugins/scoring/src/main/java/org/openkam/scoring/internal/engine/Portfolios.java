package org.openkam.scoring.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.openkam.api.account.Account;
import org.openkam.api.scoring.PortfolioContext;

/**
 * Computes each account's {@link PortfolioContext} among its peers. Amounts are compared in one currency: the
 * accounts whose currency has an exchange rate into the reporting currency are peers of each other (the largest
 * USD, EUR and GBP accounts are not all "the largest"); an account whose currency has no rate is compared with
 * the accounts of its own currency only, never added to others. The context's figures (largest, total) are in
 * the account's own currency, converted back at the same rate, so the models compare like with like. Accounts
 * with known sales are ranked by sales (in the common currency), largest first, ties by id. Cumulative shares are
 * rounded to six decimals and an account's own share is the difference to the cumulative share before it, so the
 * share before an account is exactly the rounded share of the accounts above it: a class boundary at exactly
 * 80 % is met exactly.
 */
public final class Portfolios {

    /** Scale of the figures converted back into an account's currency. */
    private static final int SCALE = 6;

    /** How many units of the reporting currency one unit of a currency is worth, if there is a rate. */
    @FunctionalInterface
    public interface ToReporting {
        /** No exchange rates: every currency is compared only with itself. */
        ToReporting NONE = currency -> Optional.empty();

        Optional<BigDecimal> rate(String currency);
    }

    private Portfolios() {
    }

    /** The context of every account by id, amounts compared per currency only; the accounts are of one unit. */
    public static Map<String, PortfolioContext> of(List<Account> accounts) {
        return of(accounts, ToReporting.NONE);
    }

    /** The context of every account by id, amounts compared in the reporting currency where there is a rate. */
    public static Map<String, PortfolioContext> of(List<Account> accounts, ToReporting toReporting) {
        Map<String, Optional<BigDecimal>> rates = new HashMap<>();
        Map<String, BigDecimal> rateOf = new HashMap<>();
        List<Account> converted = new ArrayList<>();
        Map<String, List<Account>> byCurrency = new HashMap<>();
        for (Account a : accounts) {
            Optional<BigDecimal> rate = a.currency() == null ? Optional.empty()
                    : rates.computeIfAbsent(a.currency(), c -> toReporting.rate(c).filter(r -> r.signum() > 0));
            if (rate.isPresent()) {
                converted.add(a);
                rateOf.put(a.id(), rate.get());
            } else {
                byCurrency.computeIfAbsent(Objects.toString(a.currency(), ""), k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, PortfolioContext> out = new HashMap<>();
        if (!converted.isEmpty()) {
            contexts(converted, a -> rateOf.get(a.id()), out);
        }
        byCurrency.values().forEach(peers -> contexts(peers, a -> BigDecimal.ONE, out));
        return out;
    }

    private static void contexts(List<Account> peers, Function<Account, BigDecimal> rate,
            Map<String, PortfolioContext> out) {
        Function<Account, BigDecimal> sales = common(Account::annualSales, rate);
        BigDecimal total = sum(peers, sales);
        BigDecimal largestSales = largest(peers, sales);
        BigDecimal largestMargin = largest(peers, common(Account::contributionMargin, rate));
        BigDecimal largestPotential = largest(peers, common(Account::potential, rate));
        List<Account> ranked = peers.stream().filter(a -> a.annualSales() != null)
                .sorted(Comparator.comparing(sales).reversed().thenComparing(Account::id)).toList();
        Map<String, Integer> ranks = new HashMap<>();
        Map<String, BigDecimal[]> shares = new HashMap<>();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal cumulativeBefore = BigDecimal.ZERO.setScale(6);
        for (int i = 0; i < ranked.size(); i++) {
            Account a = ranked.get(i);
            ranks.put(a.id(), i + 1);
            if (total != null && total.signum() > 0) {
                running = running.add(sales.apply(a).max(BigDecimal.ZERO));
                BigDecimal cumulative = running.divide(total, 6, RoundingMode.HALF_UP);
                shares.put(a.id(), new BigDecimal[] {cumulative.subtract(cumulativeBefore), cumulative});
                cumulativeBefore = cumulative;
            }
        }
        for (Account a : peers) {
            BigDecimal[] share = shares.get(a.id());
            BigDecimal r = rate.apply(a);
            out.put(a.id(), PortfolioContext.builder().peers(peers.size()).totalSales(back(total, r))
                    .largestSales(back(largestSales, r)).largestContributionMargin(back(largestMargin, r))
                    .largestPotential(back(largestPotential, r))
                    .salesRank(ranks.getOrDefault(a.id(), 0)).salesShare(share == null ? null : share[0])
                    .cumulativeSalesShare(share == null ? null : share[1]).build());
        }
    }

    /** A figure of the account in the common currency ({@code null} when unknown). */
    private static Function<Account, BigDecimal> common(Function<Account, BigDecimal> figure,
            Function<Account, BigDecimal> rate) {
        return a -> {
            BigDecimal value = figure.apply(a);
            BigDecimal r = rate.apply(a);
            return value == null || r.compareTo(BigDecimal.ONE) == 0 ? value : value.multiply(r);
        };
    }

    /** A figure in the common currency back in an account's own (exact for the account's own figures). */
    private static BigDecimal back(BigDecimal value, BigDecimal rate) {
        if (value == null || rate.compareTo(BigDecimal.ONE) == 0) {
            return value;
        }
        return value.divide(rate, SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The known sales added up (negative sales count as zero), or {@code null} if none is known. */
    private static BigDecimal sum(List<Account> peers, Function<Account, BigDecimal> sales) {
        BigDecimal total = null;
        for (Account a : peers) {
            BigDecimal value = sales.apply(a);
            if (value != null) {
                total = (total == null ? BigDecimal.ZERO : total).add(value.max(BigDecimal.ZERO));
            }
        }
        return total;
    }

    private static BigDecimal largest(List<Account> peers, Function<Account, BigDecimal> figure) {
        return peers.stream().map(figure).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
