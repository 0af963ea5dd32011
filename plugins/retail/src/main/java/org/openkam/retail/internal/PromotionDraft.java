package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.openkam.api.Violations;

/** A promotion as a key account manager writes it; {@link #violations()} names every bad field. */
public record PromotionDraft(String bannerId, String name, Mechanic mechanic, BigDecimal discountPercent,
        LocalDate startsOn, LocalDate endsOn, LocalDate shipFrom, LocalDate shipTo, List<String> productIds,
        BigDecimal baselineVolume, BigDecimal plannedVolume, BigDecimal actualVolume, BigDecimal fixedSpend,
        BigDecimal spendPerUnit) {

    public PromotionDraft {
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }

    public Violations violations() {
        Violations v = new Violations().required("name", name, 200).required("mechanic", mechanic)
                .required("startsOn", startsOn).required("endsOn", endsOn)
                .required("plannedVolume", plannedVolume)
                .money("baselineVolume", baselineVolume, false).money("plannedVolume", plannedVolume, false)
                .money("actualVolume", actualVolume, false).money("fixedSpend", fixedSpend, false)
                .money("spendPerUnit", spendPerUnit, false);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            v.add("endsOn", "must not be before startsOn");
        }
        if (shipFrom != null && shipTo != null && shipTo.isBefore(shipFrom)) {
            v.add("shipTo", "must not be before shipFrom");
        }
        if (mechanic == Mechanic.TEMPORARY_PRICE_REDUCTION && discountPercent == null) {
            v.add("discountPercent", "is required for a temporary price reduction");
        }
        if (discountPercent != null && (discountPercent.signum() <= 0 || discountPercent.compareTo(Percent.HUNDRED) >= 0)) {
            v.add("discountPercent", "must be above 0 and below 100");
        }
        if (productIds.isEmpty()) {
            v.add("productIds", "must name at least one product");
        }
        return v;
    }
}
