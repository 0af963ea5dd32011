package org.openkam.scoring.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.openkam.api.account.Account;
import org.openkam.api.scoring.PortfolioContext;

/**
 * Where each account of a unit stands among its peers, as {@link Portfolios} ranked them: per account its id, peer
 * group, rank and shares in parallel arrays sorted by id (about 100 bytes an account), per peer group its count,
 * total and largest figures in the common currency. A run looks each account up as it streams the accounts again.
 */
public final class PortfolioRanking {

    /** A share that is not known (no sales, or no total to divide by). */
    static final long NONE = -1;

    private final String[] ids;
    private final int[] group;
    private final int[] rank;
    /** Shares in millionths. */
    private final long[] share;
    private final long[] cumulative;
    private final Group[] groups;
    private final Map<String, Integer> groupOf;
    private final Function<String, Optional<BigDecimal>> rate;

    PortfolioRanking(String[] ids, int[] group, int[] rank, long[] share, long[] cumulative, Group[] groups,
            Map<String, Integer> groupOf, Function<String, Optional<BigDecimal>> rate) {
        this.ids = ids;
        this.group = group;
        this.rank = rank;
        this.share = share;
        this.cumulative = cumulative;
        this.groups = groups;
        this.groupOf = groupOf;
        this.rate = rate;
    }

    /** How many accounts were ranked. */
    public int size() {
        return ids.length;
    }

    /**
     * The ids of the ranked accounts from {@code from} (inclusive) to {@code to}, in id order: the order a run writes
     * scores in, so the score tables' indexes grow at their ends instead of everywhere at once.
     */
    public List<String> ids(int from, int to) {
        return Arrays.asList(ids).subList(from, to);
    }

    /**
     * The account's context, or {@code null} if the ranking does not know the account as it is now: created after
     * the accounts were ranked, or moved to another peer group by a new currency (its own rescoring follows).
     */
    public PortfolioContext context(Account account) {
        int p = Arrays.binarySearch(ids, account.id());
        Optional<BigDecimal> r = rate.apply(account.currency());
        Integer g = groupOf.get(Portfolios.groupKey(account.currency(), r));
        if (p < 0 || g == null || group[p] != g) {
            return null;
        }
        Group peers = groups[g];
        BigDecimal toCommon = r.orElse(BigDecimal.ONE);
        return PortfolioContext.builder().peers(peers.count).totalSales(back(peers.totalSales, toCommon))
                .largestSales(back(peers.largestSales, toCommon))
                .largestContributionMargin(back(peers.largestMargin, toCommon))
                .largestPotential(back(peers.largestPotential, toCommon)).salesRank(rank[p])
                .salesShare(millionths(share[p])).cumulativeSalesShare(millionths(cumulative[p])).build();
    }

    private static BigDecimal millionths(long value) {
        return value == NONE ? null : BigDecimal.valueOf(value, 6);
    }

    /** A figure in the common currency back in an account's own (exact for the account's own figures). */
    private static BigDecimal back(BigDecimal value, BigDecimal rate) {
        if (value == null || rate.compareTo(BigDecimal.ONE) == 0) {
            return value;
        }
        return value.divide(rate, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** A peer group's figures in the common currency; totals add known sales, negative ones as zero. */
    static final class Group {
        private int count;
        private BigDecimal totalSales;
        private BigDecimal largestSales;
        private BigDecimal largestMargin;
        private BigDecimal largestPotential;

        void add(BigDecimal sales, BigDecimal margin, BigDecimal potential) {
            count++;
            if (sales != null) {
                totalSales = (totalSales == null ? BigDecimal.ZERO : totalSales).add(sales.max(BigDecimal.ZERO));
            }
            largestSales = larger(largestSales, sales);
            largestMargin = larger(largestMargin, margin);
            largestPotential = larger(largestPotential, potential);
        }

        BigDecimal totalSales() {
            return totalSales;
        }

        private static BigDecimal larger(BigDecimal a, BigDecimal b) {
            return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
        }
    }
}
