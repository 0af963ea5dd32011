package org.openkam.api.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openkam.api.plan.ActionStatus.CANCELLED;
import static org.openkam.api.plan.ActionStatus.DONE;
import static org.openkam.api.plan.ActionStatus.IN_PROGRESS;
import static org.openkam.api.plan.ActionStatus.OPEN;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Completion and the action figures, worked by hand. */
class AccountPlanTest {

    static final LocalDate TODAY = LocalDate.of(2027, 6, 15);

    @ParameterizedTest(name = "{0} -> {1}%")
    @CsvSource(delimiter = '|', value = {
        // 3 done of 5, 1 of them cancelled: 3 / 4 = 75
        "DONE DONE DONE OPEN CANCELLED | 75",
        // nothing to count: 0, never a division by zero
        "'' | 0",
        "CANCELLED CANCELLED | 0",
        // every counted action done: 100, cancelled ones do not hold it back
        "DONE CANCELLED | 100",
        // 1 / 3 = 33.33 rounds down, 2 / 3 = 66.67 rounds up
        "DONE OPEN IN_PROGRESS | 33",
        "DONE DONE OPEN | 67",
        // 1 / 8 = 12.5 rounds half up to 13; 5 / 8 = 62.5 to 63
        "DONE OPEN OPEN OPEN OPEN OPEN OPEN OPEN | 13",
        "DONE DONE DONE DONE DONE OPEN OPEN OPEN | 63",
        "DONE | 100",
        "OPEN IN_PROGRESS | 0"
    })
    void completionIsDoneOverCountedActionsRoundedHalfUp(String statuses, int percent) {
        List<ActionStatus> list = statuses.isBlank() ? List.of()
                : Arrays.stream(statuses.trim().split(" ")).map(ActionStatus::valueOf).toList();
        assertEquals(percent, AccountPlan.completion(list));
    }

    @Test
    void oneDoneOfTwoHundredIsHalfAPercentRoundedUpToOne() {
        List<ActionStatus> list = new ArrayList<>(Collections.nCopies(199, OPEN));
        list.add(DONE);
        assertEquals(1, AccountPlan.completion(list));
        list.set(0, CANCELLED); // 1 / 199 = 0.503 -> 1
        assertEquals(1, AccountPlan.completion(list));
        List<ActionStatus> fewer = new ArrayList<>(Collections.nCopies(200, OPEN));
        fewer.add(DONE); // 1 / 201 = 0.4975 -> 0
        assertEquals(0, AccountPlan.completion(fewer));
    }

    @Test
    void aPlansFiguresCountActionsAcrossObjectivesAndStrategies() {
        // objective 1: strategy a (done, open due yesterday, cancelled due last year), strategy b (in progress due today)
        // objective 2: strategy c (done due last month, open without due date)
        Objective one = new Objective("o1", "Grow", "annual sales EUR", null, new BigDecimal("2000000"), null, List.of(
                new Strategy("s-a", "a", List.of(action("a1", DONE, null), action("a2", OPEN, TODAY.minusDays(1)),
                        action("a3", CANCELLED, TODAY.minusYears(1)))),
                new Strategy("s-b", "b", List.of(action("b1", IN_PROGRESS, TODAY)))));
        Objective two = new Objective("o2", "Share", "share of wallet %", new BigDecimal("20"), new BigDecimal("30"),
                null, List.of(new Strategy("s-c", "c", List.of(action("c1", DONE, TODAY.minusMonths(1)),
                        action("c2", OPEN, null)))));
        AccountPlan plan = plan(List.of(one, two));

        assertEquals(List.of("a1", "a2", "a3", "b1", "c1", "c2"), plan.actions().stream().map(PlanAction::id).toList());
        assertEquals(40, plan.completion()); // 2 done of 5 counted
        assertEquals(3, plan.openActions()); // a2, b1, c2
        assertEquals(1, plan.overdueActions(TODAY)); // a2; b1 is due today, a3 cancelled, c1 done, c2 undated
        assertEquals(2, plan.overdueActions(TODAY.plusDays(1))); // a2 and b1
    }

    @Test
    void aPlanWithoutActionsIsZeroPercentComplete() {
        AccountPlan plan = plan(List.of(new Objective("o1", "Grow", "annual sales EUR", null, BigDecimal.TEN, null,
                List.of())));
        assertEquals(0, plan.completion());
        assertEquals(0, plan.openActions());
        assertEquals(0, plan.overdueActions(TODAY));
    }

    @Test
    void summaryTakesTheFiguresOnTheDayAndTheLatestReview() {
        Objective one = new Objective("o1", "Grow", "annual sales EUR", null, BigDecimal.TEN, null, List.of(
                new Strategy("s1", "a", List.of(action("a1", DONE, null), action("a2", OPEN, TODAY.minusDays(3)),
                        action("a3", OPEN, TODAY.plusDays(3))))));
        AccountPlan plan = plan(List.of(one));
        PlanReview review = new PlanReview("r1", plan.id(), TODAY.minusMonths(3), 4, "on track",
                TODAY.minusDays(1), "u1", Instant.EPOCH);

        PlanSummary s = PlanSummary.of(plan, review, TODAY);
        assertEquals(new PlanSummary("p1", "Nordwerk 2027", plan.period(), RelationshipStage.COOPERATIVE, 33, 1, 2, 1,
                TODAY.minusMonths(3), 4, TODAY.minusDays(1), true), s);

        PlanSummary unreviewed = PlanSummary.of(plan, null, TODAY);
        assertEquals(null, unreviewed.lastReviewDate());
        assertEquals(null, unreviewed.lastReviewRating());
        assertEquals(null, unreviewed.nextReviewDate());
        assertEquals(false, unreviewed.reviewOverdue());
        PlanReview dueToday = new PlanReview("r2", plan.id(), TODAY.minusMonths(1), 3, null, TODAY, "u1", Instant.EPOCH);
        assertEquals(false, PlanSummary.of(plan, dueToday, TODAY).reviewOverdue());
    }

    @Test
    void periodsContainBothEndsAndOverlapOnASharedDay() {
        PlanPeriod fy27 = new PlanPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        assertEquals(true, fy27.contains(LocalDate.of(2027, 1, 1)));
        assertEquals(true, fy27.contains(LocalDate.of(2027, 12, 31)));
        assertEquals(false, fy27.contains(LocalDate.of(2028, 1, 1)));
        assertEquals(true, fy27.overlaps(new PlanPeriod(LocalDate.of(2027, 12, 31), LocalDate.of(2028, 12, 31))));
        assertEquals(false, fy27.overlaps(new PlanPeriod(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31))));
        assertEquals(true, fy27.overlaps(new PlanPeriod(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 6, 30))));
        assertEquals(true, new PlanPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31)).overlaps(fy27));
    }

    static PlanAction action(String id, ActionStatus status, LocalDate due) {
        return new PlanAction(id, "do " + id, null, due, status);
    }

    static AccountPlan plan(List<Objective> objectives) {
        return new AccountPlan("p1", "acc", "Nordwerk 2027", new PlanPeriod(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 12, 31)), PlanStatus.ACTIVE, RelationshipStage.COOPERATIVE, null, objectives, 1,
                Instant.EPOCH, Instant.EPOCH, "u1");
    }
}
