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
 * tier that are not recommended should leave the key tier; each gets its reason.
 */
public final class KeyAccountSelection {

    /**
     * An account with its current portfolio position.
     *
     * @param priority the cell's rank, 0 for the cell with the most investment
     * @param keyCell whether the cell's strategy calls for key account management
     * @param topCell whether it is the top cell (strategic tier)
     */
    public record Candidate(String accountId, String name, KeyAccountTier tier, BigDecimal score, Classification cell,
            int priority, boolean keyCell, boolean topCell) {

        public Candidate {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(cell, "cell");
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
     */
    public record Result(int selected, List<Pick> recommended, List<Pick> leave) {
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
        int selected = (int) Math.min(ranked.size(), Math.min(max, Math.max(min, inKeyCells)));
        List<Pick> recommended = new ArrayList<>();
        List<Pick> leave = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            int rank = i + 1;
            String position = c.cell().label() + ", portfolio score " + c.score().toPlainString() + ", rank " + rank
                    + " of " + ranked.size();
            if (i < selected) {
                String reason = c.keyCell() ? position
                        : position + "; fills the target minimum of " + min + " key accounts";
                recommended.add(new Pick(c, rank, c.topCell() ? KeyAccountTier.STRATEGIC : KeyAccountTier.KEY, reason));
            } else if (c.inKeyTier()) {
                String reason = c.keyCell() ? position + "; beyond the target maximum of " + max + " key accounts"
                        : position + "; the cell's strategy does not call for key account management";
                leave.add(new Pick(c, rank, KeyAccountTier.NONE, reason));
            }
        }
        return new Result(selected, recommended, leave);
    }
}
