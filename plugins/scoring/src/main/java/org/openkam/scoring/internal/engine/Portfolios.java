package org.openkam.scoring.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.openkam.api.account.Account;

/**
 * Ranks a unit's accounts among their peers, one account at a time, so a run over a million accounts holds a few
 * figures per account rather than the accounts ({@link #add} while streaming them, then {@link #rank}). Amounts are
 * compared in one currency: the accounts whose currency has an exchange rate into the reporting currency are peers
 * of each other (the largest USD, EUR and GBP accounts are not all "the largest"); an account whose currency has no
 * rate is compared with the accounts of its own currency only, never added to others. Accounts with known sales are
 * ranked by sales (in the common currency), largest first, ties by id. Cumulative shares are rounded to six
 * decimals and an account's own share is the difference to the cumulative share before it, so the share before an
 * account is exactly the rounded share of the accounts above it: a class boundary at exactly 80 % is met exactly.
 */
public final class Portfolios {

    /** How many units of the reporting currency one unit of a currency is worth, if there is a rate. */
    @FunctionalInterface
    public interface ToReporting {
        /** No exchange rates: every currency is compared only with itself. */
        ToReporting NONE = currency -> Optional.empty();

        Optional<BigDecimal> rate(String currency);
    }

    /** The peer group of the accounts whose currency has a rate; the others are grouped by currency. */
    private static final String CONVERTED = "\u0000converted";

    private final ToReporting toReporting;
    private final Map<String, Optional<BigDecimal>> rates = new HashMap<>();
    private final Map<String, Integer> groupOf = new HashMap<>();
    private final List<PortfolioRanking.Group> groups = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<BigDecimal> sales = new ArrayList<>();
    private int[] group = new int[1024];

    public Portfolios(ToReporting toReporting) {
        this.toReporting = toReporting;
    }

    /** Adds an account of the unit; each account once. */
    public void add(Account account) {
        Optional<BigDecimal> rate = rate(account.currency());
        int g = groupOf.computeIfAbsent(groupKey(account.currency(), rate), k -> {
            groups.add(new PortfolioRanking.Group());
            return groups.size() - 1;
        });
        BigDecimal r = rate.orElse(BigDecimal.ONE);
        BigDecimal common = common(account.annualSales(), r);
        groups.get(g).add(common, common(account.contributionMargin(), r), common(account.potential(), r));
        if (ids.size() == group.length) {
            group = Arrays.copyOf(group, group.length * 2);
        }
        group[ids.size()] = g;
        ids.add(account.id());
        sales.add(common);
    }

    /** The ranking of the accounts added; this collector is spent. */
    public PortfolioRanking rank() {
        int n = ids.size();
        Integer[] byRank = new Integer[n];
        Arrays.setAll(byRank, i -> i);
        // by group, known sales first, largest first, ties by id
        Arrays.sort(byRank, (a, b) -> {
            int c = Integer.compare(group[a], group[b]);
            if (c != 0) {
                return c;
            }
            BigDecimal x = sales.get(a);
            BigDecimal y = sales.get(b);
            if (x == null || y == null) {
                return x == y ? ids.get(a).compareTo(ids.get(b)) : x == null ? 1 : -1;
            }
            c = y.compareTo(x);
            return c != 0 ? c : ids.get(a).compareTo(ids.get(b));
        });
        int[] rank = new int[n];
        long[] share = new long[n];
        long[] cumulative = new long[n];
        Arrays.fill(share, PortfolioRanking.NONE);
        Arrays.fill(cumulative, PortfolioRanking.NONE);
        int current = -1;
        int position = 0;
        BigDecimal running = BigDecimal.ZERO;
        long before = 0;
        for (int i : byRank) {
            if (group[i] != current) {
                current = group[i];
                position = 0;
                running = BigDecimal.ZERO;
                before = 0;
            }
            BigDecimal s = sales.get(i);
            if (s == null) {
                continue;
            }
            rank[i] = ++position;
            BigDecimal total = groups.get(current).totalSales();
            if (total != null && total.signum() > 0) {
                running = running.add(s.max(BigDecimal.ZERO));
                long cum = running.divide(total, 6, RoundingMode.HALF_UP).movePointRight(6).longValueExact();
                share[i] = cum - before;
                cumulative[i] = cum;
                before = cum;
            }
        }
        sales.clear();
        Integer[] byId = byRank; // reused: the ranks are in place
        Arrays.sort(byId, (a, b) -> ids.get(a).compareTo(ids.get(b)));
        String[] sortedIds = new String[n];
        int[] sortedGroup = new int[n];
        int[] sortedRank = new int[n];
        long[] sortedShare = new long[n];
        long[] sortedCumulative = new long[n];
        for (int k = 0; k < n; k++) {
            int i = byId[k];
            sortedIds[k] = ids.get(i);
            sortedGroup[k] = group[i];
            sortedRank[k] = rank[i];
            sortedShare[k] = share[i];
            sortedCumulative[k] = cumulative[i];
        }
        ids.clear();
        return new PortfolioRanking(sortedIds, sortedGroup, sortedRank, sortedShare, sortedCumulative,
                groups.toArray(PortfolioRanking.Group[]::new), Map.copyOf(groupOf), this::rate);
    }

    /** The peer group of an account of the currency: all currencies with a rate are one. */
    static String groupKey(String currency, Optional<BigDecimal> rate) {
        return rate.isPresent() ? CONVERTED : Objects.toString(currency, "");
    }

    Optional<BigDecimal> rate(String currency) {
        return currency == null ? Optional.empty()
                : rates.computeIfAbsent(currency, c -> toReporting.rate(c).filter(r -> r.signum() > 0));
    }

    /** A figure in the common currency ({@code null} when unknown). */
    private static BigDecimal common(BigDecimal value, BigDecimal rate) {
        return value == null || rate.compareTo(BigDecimal.ONE) == 0 ? value : value.multiply(rate);
    }
}
