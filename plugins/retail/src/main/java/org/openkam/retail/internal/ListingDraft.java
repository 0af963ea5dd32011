package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.openkam.api.Violations;

/** A listing as a user writes it; at most one of banner and store. */
public record ListingDraft(String productId, String bannerId, String storeId, LocalDate listedFrom, LocalDate listedTo,
        BigDecimal listingFee) {

    public Violations violations() {
        Violations v = new Violations().required("productId", productId, 36).required("listedFrom", listedFrom)
                .money("listingFee", listingFee, false);
        if (bannerId != null && storeId != null) {
            v.add("storeId", "name a banner or a store, not both");
        }
        if (listedFrom != null && listedTo != null && listedTo.isBefore(listedFrom)) {
            v.add("listedTo", "must not be before listedFrom");
        }
        return v;
    }
}
