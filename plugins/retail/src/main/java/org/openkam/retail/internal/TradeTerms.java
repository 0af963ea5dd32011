package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The annual agreement with a retailer: its conditions in order, and the volume bonus tiers (off invoice, the
 * rate of the highest tier the year's volume reaches). Listing fees come from the year's listings.
 */
public record TradeTerms(String id, String retailerId, String businessUnit, int year, List<Condition> conditions,
        List<VolumeBonus.Tier> volumeTiers, long version) {

    /** A percentage or a yearly amount, as its kind says. */
    public record Condition(ConditionKind kind, String name, BigDecimal percent, BigDecimal amount) {
    }

    public TradeTerms {
        conditions = List.copyOf(conditions);
        volumeTiers = List.copyOf(volumeTiers);
    }
}
