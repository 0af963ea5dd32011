package org.openkam.scoring.internal.selection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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

        boolean inKeyTier() {
            return tier != KeyAccountTier.NONE;
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

    public static Result select(List<Candidate> candidates, int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("the target must satisfy 0 <= min <= max");
        }
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingInt(Candidate::priority).thenComparing(Candidate::score, Comparator.reverseOrder())
                .thenComparing(Candidate::accountId));
        long inKeyCells = ranked.stream().filter(Candidate::keyCell).count();
        String warning = targetWarning(min, ranked.size(), inKeyCells);
        long wanted = warning == null ? Math.max(min, inKeyCells) : inKeyCells;
        int selected = (int) Math.min(ranked.size(), Math.min(max, wanted));
        List<Pick> recommended = new ArrayList<>();
        List<Pick> leave = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            int rank = i + 1;
            if (i < selected) {
                String reason = c.profile() + (c.keyCell()
                        ? ": its position calls for key account management"
                        : ": the best placed of the accounts whose position does not call for it by itself");
                recommended.add(new Pick(c, rank, c.topCell() ? KeyAccountTier.STRATEGIC : KeyAccountTier.KEY, reason));
            } else if (c.inKeyTier()) {
                String reason = c.profile() + (c.keyCell()
                        ? ": placed well, but " + (rank - 1) + " accounts are placed better"
                        : ": its position does not call for key account management");
                leave.add(new Pick(c, rank, KeyAccountTier.NONE, reason));
            }
        }
        return new Result(selected, recommended, leave, warning);
    }
}
