package org.openkam.api.plan;

import java.time.LocalDate;

import org.openkam.api.Violations;

/** A plan review as a caller supplies it. */
public record PlanReviewDraft(LocalDate reviewDate, Integer rating, String notes, LocalDate nextReviewDate) {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
    public static final int MAX_NOTES = 4000;

    public PlanReviewDraft normalized() {
        return new PlanReviewDraft(reviewDate, rating, Texts.clean(notes), nextReviewDate);
    }

    /** Every rule this draft breaks, named by field. */
    public Violations validate() {
        Violations v = new Violations().required("reviewDate", reviewDate).required("rating", rating)
                .maxLength("notes", notes, MAX_NOTES);
        if (rating != null && (rating < MIN_RATING || rating > MAX_RATING)) {
            v.add("rating", "must be from " + MIN_RATING + " to " + MAX_RATING);
        }
        if (reviewDate != null && nextReviewDate != null && !nextReviewDate.isAfter(reviewDate)) {
            v.add("nextReviewDate", "must be after the review date " + reviewDate);
        }
        return v;
    }
}
