package org.openkam.api.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an account overview shows of a plan: its figures on a given day.
 *
 * @param planId the plan's id
 * @param title the plan's title
 * @param period the days it covers
 * @param relationshipStage where the relationship stands
 * @param completion percent of the actions done, see {@link AccountPlan#completion(java.util.Collection)}
 * @param objectives how many objectives the plan has
 * @param openActions actions open or in progress
 * @param overdueActions open or in-progress actions due before the day asked about
 * @param lastReviewDate the day of the latest review, if any
 * @param lastReviewRating that review's rating (1-5), if any
 * @param nextReviewDate the next review the latest review asked for, if any
 * @param reviewOverdue whether that next review date is before the day asked about
 */
public record PlanSummary(String planId, String title, PlanPeriod period, RelationshipStage relationshipStage,
        int completion, int objectives, int openActions, int overdueActions, LocalDate lastReviewDate,
        Integer lastReviewRating, LocalDate nextReviewDate, boolean reviewOverdue) {

    public PlanSummary {
        Objects.requireNonNull(planId, "planId");
    }

    /** The summary of {@code plan} on {@code today}, given its latest review ({@code null} if none). */
    public static PlanSummary of(AccountPlan plan, PlanReview latestReview, LocalDate today) {
        LocalDate next = latestReview == null ? null : latestReview.nextReviewDate();
        return new PlanSummary(plan.id(), plan.title(), plan.period(), plan.relationshipStage(), plan.completion(),
                plan.objectives().size(), plan.openActions(), plan.overdueActions(today),
                latestReview == null ? null : latestReview.reviewDate(),
                latestReview == null ? null : latestReview.rating(), next, next != null && next.isBefore(today));
    }
}
