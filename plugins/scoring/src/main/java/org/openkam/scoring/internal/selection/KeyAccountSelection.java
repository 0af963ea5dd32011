package org.openkam.scoring.internal.selection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Function;

import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.scoring.Classification;

/**
 * Which accounts should be key accounts, as a pure function of their portfolio positions.
 *
 * <p>Candidates are ranked by their cell's priority (the strategy the cell recommends, most investment first),
 * then by portfolio score, then by id. The number selected is the number of candidates in the cells that call
 * for key account management (invest for growth and invest selectively; strategic and star), raised to the
 * target minimum and cut to the target maximum, and never more than there are candidates. The first that many
 * are recommended: strategic tier for the top cell, key tier otherwise. Candidates now in the key or strategic
 * tier that are not recommended should leave the key tier. Each gets its reason, which explains the account (its
 * {@link Candidate#profile() profile} and what its position calls for), never the quota.
 *
 * <p>Key accounts are the few that matter most: a target minimum above half the unit's candidates does not fit
 * the unit. It is then not filled (only the key cells are recommended, up to the maximum), and the result says so.
 */
public final class KeyAccountSelection {

    /**
     * An account with its current portfolio position.
     *
     * @param priority the cell's rank, 0 for the cell with the most investment
     * @param keyCell whether the cell's strategy calls for key account management
     * @param topCell whether it is the top cell (strategic tier)
     * @param profile what places the account there, e.g. its axes and its strongest and weakest criteria
     */
    public record Candidate(String accountId, String name, KeyAccountTier tier, BigDecimal score, Classification cell,
            int priority, boolean keyCell, boolean topCell, String profile) {

        public Candidate {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(cell, "cell");
            profile = profile == null || profile.isBlank() ? "portfolio score " + score.toPlainString() : profile;
        }
    }

    /** A placed account's rank: its cell's priority first, then its score, highest first, then its id. */
    public record Place(String accountId, int priority, BigDecimal score) implements Comparable<Place> {

        private static final Comparator<Place> ORDER = Comparator.comparingInt(Place::priority)
                .thenComparing(Place::score, Comparator.reverseOrder()).thenComparing(Place::accountId);

        public Place {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(score, "score");
        }

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }

        /** Whether its cell's strategy calls for key account management: the two cells with the most investment. */
        public boolean keyCell() {
            return priority <= 1;
        }
    }

    /**
     * A unit's placed accounts ranked as they are handed over, in any order, holding what a selection needs and no
     * more: how many there are and how many sit in key cells, the best {@code max}, and for each account of the key
     * tier (known before, with its place) how many rank ahead of it. A unit of a million accounts is ranked in the
     * memory of its target and its key tier.
     */
    public static final class Ranking {

        private final int max;
        /** The best so far, the worst of them at the head. */
        private final PriorityQueue<Place> best;
        private final Place[] keyTier;
        /** ahead[i] - ahead[i - 1]: places ahead of key-tier account i and not of i - 1. */
        private final int[] aheadSteps;
        private final boolean[] placed;
        private final Map<String, Integer> keyTierIndex = new HashMap<>();
        private int size;
        private long inKeyCells;

        /** @param keyTier the places of the accounts in the key or strategic tier that have one */
        public Ranking(int max, Collection<Place> keyTier) {
            if (max < 0) {
                throw new IllegalArgumentException("the target must satisfy 0 <= max");
            }
            this.max = max;
            this.best = new PriorityQueue<>(Math.min(max, 1024) + 1, Comparator.reverseOrder());
            this.keyTier = keyTier.stream().sorted().toArray(Place[]::new);
            this.aheadSteps = new int[this.keyTier.length + 1];
            this.placed = new boolean[this.keyTier.length];
            for (int i = 0; i < this.keyTier.length; i++) {
                keyTierIndex.put(this.keyTier[i].accountId(), i);
            }
        }

        /** One placed account of the unit; each once. */
        public void add(Place p) {
            size++;
            if (p.keyCell()) {
                inKeyCells++;
            }
            if (max > 0 && (best.size() < max || p.compareTo(best.peek()) < 0)) {
                best.add(p);
                if (best.size() > max) {
                    best.poll();
                }
            }
            Integer own = keyTierIndex.get(p.accountId());
            if (own != null) {
                placed[own] = true;
            }
            int at = Arrays.binarySearch(keyTier, p);
            // p is ahead of every key-tier place after it; an account is never ahead of itself
            aheadSteps[at >= 0 ? at + 1 : -at - 1]++;
        }

        /** How many accounts were handed over. */
        public int size() {
            return size;
        }

        /** Whether the key-tier account was handed over placed. */
        public boolean placed(String keyTierAccountId) {
            Integer i = keyTierIndex.get(keyTierAccountId);
            return i != null && placed[i];
        }

        /** The best accounts, at most {@code max}, best first. */
        List<Place> best() {
            return best.stream().sorted().toList();
        }

        /** Per key-tier place (in rank order) its rank among the accounts handed over, 0 if it was not handed over. */
        int[] keyTierRanks() {
            int[] ranks = new int[keyTier.length];
            int ahead = 0;
            for (int i = 0; i < keyTier.length; i++) {
                ahead += aheadSteps[i];
                ranks[i] = placed[i] ? ahead + 1 : 0;
            }
            return ranks;
        }
    }

    /**
     * A candidate's place in the selection.
     *
     * @param rank 1 for the best candidate
     * @param recommendedTier the tier it should have: key or strategic when recommended, none when it should leave
     */
    public record Pick(Candidate candidate, int rank, KeyAccountTier recommendedTier, String reason) {
    }

    /**
     * The selection.
     *
     * @param selected how many accounts are recommended
     * @param recommended the accounts that should be key accounts, best first
     * @param leave the accounts now in the key tier that should leave it, best first
     * @param targetWarning why the target does not fit the unit, or {@code null} when it does
     */
    public record Result(int selected, List<Pick> recommended, List<Pick> leave, String targetWarning) {
    }

    /** Why a target minimum does not fit a unit with that many candidates, or {@code null} when it fits. */
    static String targetWarning(int min, int candidates, long inKeyCells) {
        if (min == 0 || 2L * min <= candidates) {
            return null;
        }
        return "The target of at least " + min + " key accounts does not fit this unit: it has " + candidates
                + " scored account" + (candidates == 1 ? "" : "s") + ", and key accounts are the few that matter most."
                + " The minimum is not filled: only the " + inKeyCells + " account" + (inKeyCells == 1 ? "" : "s")
                + " whose position calls for key account management " + (inKeyCells == 1 ? "is" : "are")
                + " recommended. Lower the unit's target.";
    }

    private KeyAccountSelection() {
    }

    /**
     * The selection from a unit's ranking, with the unit's target minimum (its maximum is the ranking's). Only the
     * accounts it names are loaded as candidates: the recommended ones and the key-tier accounts that should leave.
     * One that cannot be loaded any more (deleted meanwhile) is left out.
     */
    public static Result select(Ranking ranking, int min,
            Function<Collection<String>, Map<String, Candidate>> candidates) {
        if (min < 0 || ranking.max < min) {
            throw new IllegalArgumentException("the target must satisfy 0 <= min <= max");
        }
        String warning = targetWarning(min, ranking.size, ranking.inKeyCells);
        long wanted = warning == null ? Math.max(min, ranking.inKeyCells) : ranking.inKeyCells;
        int selected = (int) Math.min(ranking.size, Math.min(ranking.max, wanted));
        List<Place> chosen = ranking.best().subList(0, selected);
        int[] ranks = ranking.keyTierRanks();
        List<Integer> leaving = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] > selected) {
                leaving.add(i);
            }
        }
        List<String> named = new ArrayList<>(chosen.stream().map(Place::accountId).toList());
        leaving.forEach(i -> named.add(ranking.keyTier[i].accountId()));
        Map<String, Candidate> loaded = candidates.apply(named);
        List<Pick> recommended = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Candidate c = loaded.get(chosen.get(i).accountId());
            if (c != null) {
                String reason = c.profile() + (c.keyCell()
                        ? ": its position calls for key account management"
                        : ": the best placed of the accounts whose position does not call for it by itself");
                recommended.add(new Pick(c, i + 1, c.topCell() ? KeyAccountTier.STRATEGIC : KeyAccountTier.KEY,
                        reason));
            }
        }
        List<Pick> leave = new ArrayList<>();
        for (int i : leaving) {
            Candidate c = loaded.get(ranking.keyTier[i].accountId());
            if (c != null) {
                String reason = c.profile() + (c.keyCell()
                        ? ": placed well, but " + (ranks[i] - 1) + " accounts are placed better"
                        : ": its position does not call for key account management");
                leave.add(new Pick(c, ranks[i], KeyAccountTier.NONE, reason));
            }
        }
        return new Result(selected, recommended, leave, warning);
    }
}
