package org.openkam.api.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openkam.api.Violation;

class PlanReviewDraftTest {

    static final LocalDate DAY = LocalDate.of(2027, 3, 31);

    static List<String> fields(PlanReviewDraft d) {
        return d.normalized().validate().list().stream().map(Violation::field).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void ratingsFromOneToFiveAreAccepted(int rating) {
        assertEquals(List.of(), fields(new PlanReviewDraft(DAY, rating, "on track", DAY.plusMonths(3))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1, Integer.MAX_VALUE})
    void ratingsOutsideOneToFiveAreRefused(int rating) {
        assertEquals(List.of("rating"), fields(new PlanReviewDraft(DAY, rating, null, null)));
    }

    @Test
    void theNextReviewComesAfterTheReview() {
        assertEquals(List.of("nextReviewDate"), fields(new PlanReviewDraft(DAY, 3, null, DAY.minusDays(1))));
        assertEquals(List.of("nextReviewDate"), fields(new PlanReviewDraft(DAY, 3, null, DAY)));
        assertEquals(List.of(), fields(new PlanReviewDraft(DAY, 3, null, DAY.plusDays(1))));
        assertEquals(List.of(), fields(new PlanReviewDraft(DAY, 3, null, null)));
    }

    @Test
    void dateAndRatingAreRequiredAndNotesBounded() {
        assertEquals(List.of("reviewDate", "rating", "notes"),
                fields(new PlanReviewDraft(null, null, "x".repeat(PlanReviewDraft.MAX_NOTES + 1), DAY)));
        assertEquals(null, new PlanReviewDraft(DAY, 3, "   ", null).normalized().notes());
    }
}
