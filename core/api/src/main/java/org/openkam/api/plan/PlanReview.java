package org.openkam.api.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A review of a plan by the account team: how it stands, and when to look again. Reviews are kept as
 * written; they are never changed or deleted (short of deleting the plan).
 *
 * @param id the review's id
 * @param planId the plan reviewed
 * @param reviewDate the day of the review
 * @param rating 1 (off track) to 5 (on track or ahead)
 * @param notes what was found and agreed
 * @param nextReviewDate when the plan is to be reviewed next, after {@code reviewDate}, if set
 * @param reviewer the user id of who recorded it
 * @param createdAt when it was recorded
 */
public record PlanReview(String id, String planId, LocalDate reviewDate, int rating, String notes,
        LocalDate nextReviewDate, String reviewer, Instant createdAt) {

    public PlanReview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reviewDate, "reviewDate");
    }
}
