package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The joint business plan with a retailer for a year, the retail form of the account's customer development plan
 * ({@code accountPlanId}): targets for sell-in and sell-out volume, the ACV-weighted distribution of a focus product
 * and the category share, initiatives, and the promotions that carry it. The share's actual is entered: OpenKAM
 * holds no market data.
 */
public record JointBusinessPlan(String id, String retailerId, String businessUnit, int year, String accountPlanId,
        BigDecimal sellInTarget, BigDecimal sellOutTarget, String distributionProductId, BigDecimal distributionTarget,
        BigDecimal shareTarget, BigDecimal shareActual, List<Initiative> initiatives, List<String> promotionIds,
        long version) {

    /** What the plan will do, by whom and when. */
    public record Initiative(String title, String owner, LocalDate dueOn, InitiativeStatus status) {
    }

    /** Where an initiative stands; on the wire {@code planned}, {@code in-progress}, {@code done}, {@code dropped}. */
    public enum InitiativeStatus {
        PLANNED, IN_PROGRESS, DONE, DROPPED
    }

    public JointBusinessPlan {
        initiatives = List.copyOf(initiatives);
        promotionIds = List.copyOf(promotionIds);
    }
}
