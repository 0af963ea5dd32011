package org.openkam.scoring.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.scoring.Classification;
import org.openkam.scoring.internal.selection.KeyAccountSelection.Candidate;
import org.openkam.scoring.internal.selection.KeyAccountSelection.Place;
import org.openkam.scoring.internal.selection.KeyAccountSelection.Ranking;
import org.openkam.scoring.internal.selection.KeyAccountSelection.Result;

class KeyAccountSelectionTest {

    private static Candidate c(String id, KeyAccountTier tier, String score, int priority) {
        String cell = List.of("strategic", "star", "status", "streamline").get(priority);
        return new Candidate(id, "Account " + id, tier, new BigDecimal(score), new Classification(cell, cell, null),
                priority, priority <= 1, priority == 0, "profile of " + id);
    }

    /** The candidates ranked as a unit streams them, the key tier known before; each loaded only when named. */
    private static Result select(List<Candidate> candidates, int min, int max) {
        Map<String, Candidate> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.accountId(), c));
        Ranking ranking = new Ranking(max, candidates.stream().filter(c -> c.tier() != KeyAccountTier.NONE)
                .map(KeyAccountSelectionTest::place).toList());
        candidates.forEach(c -> ranking.add(place(c)));
        return KeyAccountSelection.select(ranking, min, ids -> {
            Map<String, Candidate> out = new HashMap<>();
            ids.forEach(id -> out.put(id, byId.get(id)));
            return out;
        });
    }

    private static Place place(Candidate c) {
        return new Place(c.accountId(), c.priority(), c.score());
    }

    @Test
    void aLargeUnitIsRankedHoldingOnlyTheBestAndTheKeyTierAsAFullSortRanksIt() {
        Random random = new Random(42);
        List<Place> unit = new ArrayList<>();
        List<Place> keyTier = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // few distinct scores, so that ties are broken by id
            Place p = new Place(String.format("acc-%05d", random.nextInt(1_000_000)) + "-" + i, random.nextInt(5),
                    BigDecimal.valueOf(random.nextInt(50), 1));
            unit.add(p);
            if (i % 400 == 0) {
                keyTier.add(p);
            }
        }
        Place unplacedKey = new Place("key-without-a-place", 0, BigDecimal.TEN);
        keyTier.add(unplacedKey);
        Ranking ranking = new Ranking(35, keyTier);
        unit.forEach(ranking::add);

        List<Place> sorted = unit.stream().sorted().toList();
        assertEquals(sorted.subList(0, 35), ranking.best(), "the best 35, best first");
        assertEquals(20_000, ranking.size());
        int[] ranks = ranking.keyTierRanks();
        List<Place> keyTierByRank = keyTier.stream().sorted().toList();
        for (int i = 0; i < keyTierByRank.size(); i++) {
            Place p = keyTierByRank.get(i);
            assertEquals(p == unplacedKey ? 0 : sorted.indexOf(p) + 1, ranks[i], p.toString());
        }
        assertTrue(ranking.placed(keyTier.get(0).accountId()));
        assertFalse(ranking.placed(unplacedKey.accountId()), "never handed over");
        assertFalse(ranking.placed(unit.get(1).accountId()), "only key-tier accounts are tracked");

        List<String> asked = new ArrayList<>();
        Result r = KeyAccountSelection.select(ranking, 10, ids -> {
            asked.addAll(ids);
            return Map.of();
        });
        long inKeyCells = unit.stream().filter(p -> p.priority() <= 1).count();
        assertEquals(35, r.selected(), inKeyCells + " in key cells, cut to the maximum");
        long leaving = keyTier.stream().filter(p -> p != unplacedKey && sorted.indexOf(p) >= 35).count();
        assertEquals(35 + leaving, asked.size(), "only the recommended and the leaving accounts are loaded");
        assertEquals(List.of(), r.recommended(), "accounts that can no longer be loaded are left out");
    }

    @Test
    void theKeyCellsAreSelectedWithinTheTarget() {
        Result r = select(List.of(
                c("s1", KeyAccountTier.NONE, "60", 0), c("s2", KeyAccountTier.KEY, "80", 0),
                c("t1", KeyAccountTier.KEY, "70", 1), c("q1", KeyAccountTier.STRATEGIC, "90", 2),
                c("z1", KeyAccountTier.NONE, "10", 3)), 1, 5);
        assertEquals(3, r.selected());
        assertEquals(List.of("s2", "s1", "t1"), r.recommended().stream().map(p -> p.candidate().accountId()).toList());
        assertEquals(List.of(KeyAccountTier.STRATEGIC, KeyAccountTier.STRATEGIC, KeyAccountTier.KEY),
                r.recommended().stream().map(KeyAccountSelection.Pick::recommendedTier).toList());
        assertEquals(List.of("q1"), r.leave().stream().map(p -> p.candidate().accountId()).toList());
        assertEquals("profile of q1: its position does not call for key account management", r.leave().get(0).reason());
        assertEquals("profile of s2: its position calls for key account management", r.recommended().get(0).reason());
        assertEquals(null, r.targetWarning());
    }

    @Test
    void theMinimumIsFilledWithTheNextBestWhenTheUnitIsLargeEnough() {
        Result r = select(List.of(c("s1", KeyAccountTier.NONE, "60", 0),
                c("q1", KeyAccountTier.NONE, "50", 2), c("q2", KeyAccountTier.NONE, "55", 2),
                c("q3", KeyAccountTier.NONE, "45", 2), c("z2", KeyAccountTier.NONE, "5", 3),
                c("z1", KeyAccountTier.KEY, "10", 3)), 3, 5);
        assertEquals(List.of("s1", "q2", "q1"), r.recommended().stream().map(p -> p.candidate().accountId()).toList());
        assertEquals("profile of q2: the best placed of the accounts whose position does not call for it by itself",
                r.recommended().get(1).reason(), "the reason explains the account, not the quota");
        assertEquals(KeyAccountTier.KEY, r.recommended().get(1).recommendedTier());
        assertEquals(List.of("z1"), r.leave().stream().map(p -> p.candidate().accountId()).toList());
        assertEquals(null, r.targetWarning(), "3 of 6 fits");
    }

    @Test
    void aMinimumAboveHalfTheUnitIsFlaggedAndNotFilled() {
        // as in the review: a target of 15 to 35 in a unit of 17 scored accounts, two of them in key cells
        List<Candidate> unit = new java.util.ArrayList<>(List.of(c("s1", KeyAccountTier.KEY, "80", 0),
                c("t1", KeyAccountTier.NONE, "70", 1)));
        for (int i = 0; i < 15; i++) {
            unit.add(c("p" + i, i == 0 ? KeyAccountTier.KEY : KeyAccountTier.NONE, String.valueOf(20 + i), 3));
        }
        Result r = select(unit, 15, 35);
        assertEquals(2, r.selected(), "small prospects are not made key accounts to fill a quota");
        assertEquals(List.of("s1", "t1"), r.recommended().stream().map(p -> p.candidate().accountId()).toList());
        assertTrue(r.targetWarning().contains("at least 15 key accounts does not fit this unit: it has 17 scored"),
                r.targetWarning());
        assertEquals(List.of("p0"), r.leave().stream().map(p -> p.candidate().accountId()).toList());
        assertEquals(null, KeyAccountSelection.targetWarning(15, 30, 2), "15 of 30 fits");
        assertEquals(null, KeyAccountSelection.targetWarning(0, 0, 0), "no minimum always fits");
    }

    @Test
    void theMaximumCutsTheKeyCellsByScore() {
        Result r = select(List.of(c("s1", KeyAccountTier.KEY, "60", 0),
                c("s2", KeyAccountTier.KEY, "70", 0), c("s3", KeyAccountTier.KEY, "65", 0)), 0, 2);
        assertEquals(List.of("s2", "s3"), r.recommended().stream().map(p -> p.candidate().accountId()).toList());
        assertEquals("profile of s1: placed well, but 2 accounts are placed better", r.leave().get(0).reason());
    }

    @Test
    void neverMoreThanThereAreCandidates() {
        assertEquals(2, select(List.of(c("z", KeyAccountTier.NONE, "1", 3),
                c("y", KeyAccountTier.NONE, "2", 3)), 1, 35).selected() + 1, "the minimum of 1 of 2 is filled");
        assertEquals(0, select(List.of(c("z", KeyAccountTier.NONE, "1", 3)), 15, 35).selected(),
                "a target that does not fit is not filled");
        assertEquals(0, select(List.of(), 15, 35).selected());
        assertThrows(IllegalArgumentException.class, () -> select(List.of(), 5, 4));
    }
}
