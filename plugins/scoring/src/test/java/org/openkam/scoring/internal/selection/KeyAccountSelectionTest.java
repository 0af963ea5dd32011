package org.openkam.scoring.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.scoring.Classification;
import org.openkam.scoring.internal.selection.KeyAccountSelection.Candidate;
import org.openkam.scoring.internal.selection.KeyAccountSelection.Result;

class KeyAccountSelectionTest {

    private static Candidate c(String id, KeyAccountTier tier, String score, int priority) {
        String cell = List.of("strategic", "star", "status", "streamline").get(priority);
        return new Candidate(id, "Account " + id, tier, new BigDecimal(score), new Classification(cell, cell, null),
                priority, priority <= 1, priority == 0);
    }

    @Test
    void theKeyCellsAreSelectedWithinTheTarget() {
        Result r = KeyAccountSelection.select(List.of(
                c("s1", KeyAccountTier.NONE, "60", 0), c("s2", KeyAccountTier.KEY, "80", 0),
                c("t1", KeyAccountTier.KEY, "70", 1), c("q1", KeyAccountTier.STRATEGIC, "90", 2),
                c("z1", KeyAccountTier.NONE, "10", 3)), 1, 5);
        assertEquals(3, r.selected());
        assertEquals(List.of("s2", "s1", "t1"), r.recommended().stream().map(p -> p.candidate().accountId()).toList());
        assertEquals(List.of(KeyAccountTier.STRATEGIC, KeyAccountTier.STRATEGIC, KeyAccountTier.KEY),
                r.recommended().stream().map(KeyAccountSelection.Pick::recommendedTier).toList());
        assertEquals(List.of("q1"), r.leave().stream().map(p -> p.candidate().accountId()).toList());
        assertTrue(r.leave().get(0).reason().endsWith("the cell's strategy does not call for key account management"),
                r.leave().get(0).reason());
        assertEquals("strategic, portfolio score 80, rank 1 of 5", r.recommended().get(0).reason());
    }

    @Test
    void theMinimumIsFilledWithTheNextBest() {
        Result r = KeyAccountSelection.select(List.of(c("s1", KeyAccountTier.NONE, "60", 0),
                c("q1", KeyAccountTier.NONE, "50", 2), c("q2", KeyAccountTier.NONE, "55", 2),
                c("z1", KeyAccountTier.KEY, "10", 3)), 3, 5);
        assertEquals(List.of("s1", "q2", "q1"), r.recommended().stream().map(p -> p.candidate().accountId()).toList());
        assertTrue(r.recommended().get(1).reason().endsWith("fills the target minimum of 3 key accounts"));
        assertEquals(KeyAccountTier.KEY, r.recommended().get(1).recommendedTier());
        assertEquals(List.of("z1"), r.leave().stream().map(p -> p.candidate().accountId()).toList());
    }

    @Test
    void theMaximumCutsTheKeyCellsByScore() {
        Result r = KeyAccountSelection.select(List.of(c("s1", KeyAccountTier.KEY, "60", 0),
                c("s2", KeyAccountTier.KEY, "70", 0), c("s3", KeyAccountTier.KEY, "65", 0)), 0, 2);
        assertEquals(List.of("s2", "s3"), r.recommended().stream().map(p -> p.candidate().accountId()).toList());
        assertEquals("strategic, portfolio score 60, rank 3 of 3; beyond the target maximum of 2 key accounts",
                r.leave().get(0).reason());
    }

    @Test
    void neverMoreThanThereAreCandidates() {
        assertEquals(1, KeyAccountSelection.select(List.of(c("z", KeyAccountTier.NONE, "1", 3)), 15, 35).selected());
        assertEquals(0, KeyAccountSelection.select(List.of(), 15, 35).selected());
        assertThrows(IllegalArgumentException.class, () -> KeyAccountSelection.select(List.of(), 5, 4));
    }
}
