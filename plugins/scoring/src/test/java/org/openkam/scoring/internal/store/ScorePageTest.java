package org.openkam.scoring.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.Score;

/** A page of scores made ready to store: each explanation its own score's, though one buffer writes them all. */
class ScorePageTest {

    static StoredScore stored(String account, Score score) {
        return new StoredScore("weighted-criteria", "1.0.0", account, "unit", "run", Instant.EPOCH, score);
    }

    static Score score(String label, double value, String measure) {
        return Score.of(value * 0.5, null, List.of(FactorContribution.of("attractiveness.sales", label,
                "1200000 EUR", value, 0.5)), Map.of("attractiveness", new BigDecimal(measure)));
    }

    @Test
    void eachScoreKeepsItsOwnExplanation() {
        Score longer = score("Attractiveness: annual sales, a label much longer than the next one's", 80.0, "71.5");
        Score shorter = score("Sales", 20.0, "3.0");
        ScorePage page = ScorePage.of(List.of(stored("a", longer), stored("b", shorter), stored("c", null)));

        assertEquals(3, page.scores().size());
        assertEquals(longer, Explanation.read(longer.value(), null, page.explanation(0)));
        assertEquals(shorter, Explanation.read(shorter.value(), null, page.explanation(1)));
        assertEquals("{}", page.explanation(2));
    }

    @Test
    void twoScoresOfOneAccountByOneModelAreRefusedBeforeAnythingIsStored() {
        StoredScore one = stored("a", score("Sales", 20.0, "3.0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScorePage.of(List.of(one, stored("b", null), one)));
        assertEquals("two scores of a by weighted-criteria", e.getMessage());
    }
}
