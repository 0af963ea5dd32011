package org.openkam.scoring.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openkam.api.account.Account;
import org.openkam.api.scoring.PortfolioContext;

/**
 * Computes each account's {@link PortfolioContext} among its peers: the accounts of its unit with the same
 * currency (amounts in different currencies are never added). Accounts with known sales are ranked by sales,
 * largest first, ties by id. Cumulative shares are rounded to six decimals and an account's own share is the
 * difference to the cumulative share before it, so the share before an account is exactly the rounded share of
 * the accounts above it: a class boundary at exactly 80 % is met exactly.
 */
public final class Portfolios {

    private Portfolios() {
    }

    /** The context of every account, by account id; the accounts are all of one business unit. */
    public static Map<String, PortfolioContext> of(List<Account> accounts) {
        Map<String, List<Account>> byCurrency = new HashMap<>();
        for (Account a : accounts) {
            byCurrency.computeIfAbsent(Objects.toString(a.currency(), ""), k -> new ArrayList<>()).add(a);
        }
        Map<String, PortfolioContext> out = new HashMap<>();
        byCurrency.values().forEach(peers -> contexts(peers, out));
        return out;
    }

    private static void contexts(List<Account> peers, Map<String, PortfolioContext> out) {
        BigDecimal total = sum(peers);
        BigDecimal largestSales = largest(peers, Account::annualSales);
        BigDecimal largestMargin = largest(peers, Account::contributionMargin);
        BigDecimal largestPotential = largest(peers, Account::potential);
        List<Account> ranked = peers.stream().filter(a -> a.annualSales() != null)
                .sorted(Comparator.comparing(Account::annualSales).reversed().thenComparing(Account::id)).toList();
        Map<String, Integer> ranks = new HashMap<>();
        Map<String, BigDecimal[]> shares = new HashMap<>();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal cumulativeBefore = BigDecimal.ZERO.setScale(6);
        for (int i = 0; i < ranked.size(); i++) {
            Account a = ranked.get(i);
            ranks.put(a.id(), i + 1);
            if (total != null && total.signum() > 0) {
                running = running.add(a.annualSales().max(BigDecimal.ZERO));
                BigDecimal cumulative = running.divide(total, 6, RoundingMode.HALF_UP);
                shares.put(a.id(), new BigDecimal[] {cumulative.subtract(cumulativeBefore), cumulative});
                cumulativeBefore = cumulative;
            }
        }
        for (Account a : peers) {
            BigDecimal[] share = shares.get(a.id());
            out.put(a.id(), PortfolioContext.builder().peers(peers.size()).totalSales(total).largestSales(largestSales)
                    .largestContributionMargin(largestMargin).largestPotential(largestPotential)
                    .salesRank(ranks.getOrDefault(a.id(), 0)).salesShare(share == null ? null : share[0])
                    .cumulativeSalesShare(share == null ? null : share[1]).build());
        }
    }

    /** The known sales added up (negative sales count as zero), or {@code null} if none is known. */
    private static BigDecimal sum(List<Account> peers) {
        BigDecimal total = null;
        for (Account a : peers) {
            if (a.annualSales() != null) {
                total = (total == null ? BigDecimal.ZERO : total).add(a.annualSales().max(BigDecimal.ZERO));
            }
        }
        return total;
    }

    private static BigDecimal largest(List<Account> peers, java.util.function.Function<Account, BigDecimal> figure) {
        return peers.stream().map(figure).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
