package org.openkam.rest.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanReviewDraft;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Strategy;
import org.openkam.api.plan.Swot;
import org.openkam.http.api.Body;

/**
 * Account plans and reviews read from JSON bodies. Every bad field is named by its path
 * ({@code objectives[0].strategies[1].actions[2].status}) and reported together with what the draft's own
 * rules find, so a client learns about all of them at once.
 */
final class PlanInput {

    static final Set<String> PLAN = Set.of("title", "period", "status", "relationshipStage", "swot", "objectives");
    static final Set<String> PLAN_READ_ONLY = Set.of("id", "accountId", "completion", "version", "createdAt",
            "updatedAt", "updatedBy");
    static final Set<String> REVIEW = Set.of("reviewDate", "rating", "notes", "nextReviewDate");
    static final Set<String> REVIEW_READ_ONLY = Set.of("id", "planId", "reviewer", "createdAt");
    private static final Set<String> PERIOD = Set.of("start", "end");
    private static final Set<String> SWOT = Set.of("strengths", "weaknesses", "opportunities", "threats");
    private static final Set<String> OBJECTIVE = Set.of("id", "description", "metric", "baseline", "target", "dueDate",
            "strategies");
    private static final Set<String> STRATEGY = Set.of("id", "description", "actions");
    private static final Set<String> ACTION = Set.of("id", "description", "owner", "dueDate", "status");
    private static final AccountPlanDraft EMPTY = new AccountPlanDraft(null, null, null, null, null, null);

    private PlanInput() {
    }

    /**
     * A plan draft; absent fields keep {@code base}'s value (a patch) or stay empty. In a patch {@code period}
     * and {@code swot} keep their absent members too, while {@code objectives}, when sent, replaces the tree.
     */
    static AccountPlanDraft plan(Body body, AccountPlanDraft base) {
        AccountPlanDraft b = base == null ? EMPTY : base;
        body.allow(PLAN, PLAN_READ_ONLY);
        AccountPlanDraft d = new AccountPlanDraft(body.text("title", b.title()),
                body.object("period", b.period(), p -> period(p, b.period())),
                body.choice("status", PlanStatus.class, b.status()),
                body.choice("relationshipStage", RelationshipStage.class, b.relationshipStage()),
                body.object("swot", b.swot(), s -> swot(s, b.swot())),
                body.objects("objectives", b.objectives(), PlanInput::objective));
        body.throwIfAny(d.normalized().validate());
        return d;
    }

    static PlanReviewDraft review(Body body) {
        body.allow(REVIEW, REVIEW_READ_ONLY);
        LocalDate reviewDate = body.date("reviewDate", null);
        Long rating = body.whole("rating");
        // clamped into int: an out-of-range rating stays out of range and is named by the rules
        PlanReviewDraft d = new PlanReviewDraft(reviewDate,
                rating == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rating)),
                body.text("notes", null), body.date("nextReviewDate", null));
        body.throwIfAny(d.normalized().validate());
        return d;
    }

    private static PlanPeriod period(Body body, PlanPeriod base) {
        body.allow(PERIOD, Set.of());
        return new PlanPeriod(body.date("start", base == null ? null : base.start()),
                body.date("end", base == null ? null : base.end()));
    }

    private static Swot swot(Body body, Swot base) {
        Swot b = base == null ? Swot.EMPTY : base;
        body.allow(SWOT, Set.of());
        return new Swot(body.textList("strengths", b.strengths()), body.textList("weaknesses", b.weaknesses()),
                body.textList("opportunities", b.opportunities()), body.textList("threats", b.threats()));
    }

    private static Objective objective(Body body) {
        body.allow(OBJECTIVE, Set.of());
        return new Objective(body.text("id", null), body.text("description", null), body.text("metric", null),
                body.decimal("baseline", null), body.decimal("target", null), body.date("dueDate", null),
                body.objects("strategies", List.of(), PlanInput::strategy));
    }

    private static Strategy strategy(Body body) {
        body.allow(STRATEGY, Set.of());
        return new Strategy(body.text("id", null), body.text("description", null),
                body.objects("actions", List.of(), PlanInput::action));
    }

    private static PlanAction action(Body body) {
        body.allow(ACTION, Set.of());
        return new PlanAction(body.text("id", null), body.text("description", null), body.text("owner", null),
                body.date("dueDate", null), body.choice("status", ActionStatus.class, null));
    }
}
