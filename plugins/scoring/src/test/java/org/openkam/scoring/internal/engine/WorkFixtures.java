package org.openkam.scoring.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OpportunityStatus;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Strategy;

/** Plans, opportunities and activities as the registry's services return them, for the engine's tests. */
final class WorkFixtures {

    private static final AtomicInteger IDS = new AtomicInteger();

    private WorkFixtures() {
    }

    /** An active plan of this year with one action per status given. */
    static AccountPlan plan(String accountId, RelationshipStage stage, ActionStatus... actions) {
        List<PlanAction> list = new ArrayList<>();
        for (ActionStatus status : actions) {
            list.add(new PlanAction(id("action"), "Action " + list.size(), "kam", null, status));
        }
        LocalDate start = LocalDate.of(LocalDate.now().getYear(), 1, 1);
        return new AccountPlan(id("plan"), accountId, "Plan", new PlanPeriod(start, start.plusYears(1).minusDays(1)),
                PlanStatus.ACTIVE, stage, null, List.of(new Objective(id("objective"), "Grow", "annual sales", null,
                        BigDecimal.TEN, null, List.of(new Strategy(id("strategy"), "Win", list)))), 1, Instant.EPOCH,
                Instant.EPOCH, "kam");
    }

    /** An open opportunity. */
    static Opportunity opportunity(String accountId, String value, String currency, int probability,
            OurPosition position) {
        return new Opportunity(id("opportunity"), accountId, "Project", null, new BigDecimal(value), currency,
                "develop", probability, null, null, OpportunityStatus.OPEN, null, null, "Call", null, position,
                List.of(), "kam", 1, Instant.EPOCH, Instant.EPOCH);
    }

    /** A done activity. */
    static Activity activity(String accountId, Instant occurredAt) {
        return new Activity(id("activity"), accountId, ActivityType.CALL, ActivityStatus.DONE, "Call", null, occurredAt,
                List.of(), List.of("kam"), "kam", 1, Instant.EPOCH, Instant.EPOCH);
    }

    private static String id(String kind) {
        return kind + "-" + IDS.incrementAndGet();
    }
}
