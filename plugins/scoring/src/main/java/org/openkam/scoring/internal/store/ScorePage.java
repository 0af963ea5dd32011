package org.openkam.scoring.internal.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores made ready to be stored in one transaction: checked for repeats and their explanations written. Made on
 * the thread that scored them, so that a thread storing behind the scoring (the engine's) only writes.
 */
public final class ScorePage {

    private final List<StoredScore> scores;
    private final List<String> explanations;

    private ScorePage(List<StoredScore> scores, List<String> explanations) {
        this.scores = scores;
        this.explanations = explanations;
    }

    /**
     * @throws IllegalArgumentException for two scores of one account by one model
     */
    public static ScorePage of(List<StoredScore> scores) {
        Set<String> keys = new HashSet<>();
        List<String> explanations = new ArrayList<>(scores.size());
        StringBuilder buffer = new StringBuilder(2048);
        for (StoredScore s : scores) {
            if (!keys.add(s.modelId() + "\n" + s.accountId())) {
                throw new IllegalArgumentException("two scores of " + s.accountId() + " by " + s.modelId());
            }
            explanations.add(Explanation.write(s.score(), buffer));
        }
        return new ScorePage(List.copyOf(scores), explanations);
    }

    List<StoredScore> scores() {
        return scores;
    }

    /** The explanation of the score at the index, as the {@code explanation} column holds it. */
    String explanation(int index) {
        return explanations.get(index);
    }
}
