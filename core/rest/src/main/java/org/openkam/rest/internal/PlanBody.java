package org.openkam.rest.internal;

import java.time.Instant;
import java.util.List;

import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.PlanVersion;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Swot;

/** An account plan on the wire: the stored plan with its derived {@code completion} (percent of actions done). */
record PlanBody(String id, String accountId, String title, PlanPeriod period, PlanStatus status,
        RelationshipStage relationshipStage, Swot swot, List<Objective> objectives, int completion, long version,
        Instant createdAt, Instant updatedAt, String updatedBy) {

    static PlanBody of(AccountPlan p) {
        return new PlanBody(p.id(), p.accountId(), p.title(), p.period(), p.status(), p.relationshipStage(), p.swot(),
                p.objectives(), p.completion(), p.version(), p.createdAt(), p.updatedAt(), p.updatedBy());
    }

    /** One version of a plan on the wire. */
    record Version(String planId, long version, String changedBy, Instant changedAt, PlanBody plan) {

        static Version of(PlanVersion v) {
            return new Version(v.planId(), v.version(), v.changedBy(), v.changedAt(), PlanBody.of(v.plan()));
        }
    }
}
