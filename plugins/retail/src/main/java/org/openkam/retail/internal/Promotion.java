package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A trade promotion at a retailer (or one of its banners) for some SKUs: consumer period {@code startsOn} to
 * {@code endsOn} (inclusive), shipment window, planned and actual volume in consumer units, and the trade spend
 * (fixed, plus per unit sold). {@code baselineVolume} is what would have sold without the promotion; when
 * {@code null} it is computed from the sell-out of the weeks before.
 */
public record Promotion(String id, String retailerId, String businessUnit, String bannerId, String name,
        Mechanic mechanic, BigDecimal discountPercent, LocalDate startsOn, LocalDate endsOn, LocalDate shipFrom,
        LocalDate shipTo, List<String> productIds, BigDecimal baselineVolume, BigDecimal plannedVolume,
        BigDecimal actualVolume, BigDecimal fixedSpend, BigDecimal spendPerUnit, long version) {

    public Promotion {
        productIds = List.copyOf(productIds);
    }

    /** Whole weeks the consumer period covers, at least one. */
    public int weeks() {
        long days = endsOn.toEpochDay() - startsOn.toEpochDay() + 1;
        return (int) Math.max(1, (days + 6) / 7);
    }
}
