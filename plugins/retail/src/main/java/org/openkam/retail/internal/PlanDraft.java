package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.util.List;

import org.openkam.api.Violations;

/** A joint business plan as a key account manager writes it; every bad field named, initiatives by index. */
public record PlanDraft(String accountPlanId, BigDecimal sellInTarget, BigDecimal sellOutTarget,
        String distributionProductId, BigDecimal distributionTarget, BigDecimal shareTarget, BigDecimal shareActual,
        List<JointBusinessPlan.Initiative> initiatives, List<String> promotionIds) {

    public PlanDraft {
        initiatives = initiatives == null ? List.of() : List.copyOf(initiatives);
        promotionIds = promotionIds == null ? List.of() : List.copyOf(promotionIds);
    }

    public Violations violations() {
        Violations v = new Violations().maxLength("accountPlanId", accountPlanId, 64)
                .money("sellInTarget", sellInTarget, false).money("sellOutTarget", sellOutTarget, false);
        percent(v, "distributionTarget", distributionTarget);
        percent(v, "shareTarget", shareTarget);
        percent(v, "shareActual", shareActual);
        if (distributionTarget != null && distributionProductId == null) {
            v.add("distributionProductId", "is required with a distribution target");
        }
        for (int i = 0; i < initiatives.size(); i++) {
            JointBusinessPlan.Initiative initiative = initiatives.get(i);
            v.required("initiatives[" + i + "].title", initiative.title(), 200)
                    .maxLength("initiatives[" + i + "].owner", initiative.owner(), 200)
                    .required("initiatives[" + i + "].status", initiative.status());
        }
        return v;
    }

    private static void percent(Violations v, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(Percent.HUNDRED) > 0)) {
            v.add(field, "must be a percentage from 0 to 100");
        }
    }
}
