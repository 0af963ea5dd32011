package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A SKU listed at a retailer: at all its stores (no banner, no store), at a banner's stores, or at one store, from
 * a day to a day ({@code listedTo} {@code null}: open-ended, inclusive otherwise).
 */
public record Listing(String id, String retailerId, String businessUnit, String productId, String bannerId,
        String storeId, LocalDate listedFrom, LocalDate listedTo, BigDecimal listingFee, long version) {

    /** Whether the listing is in force on {@code day}. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(listedFrom) && (listedTo == null || !day.isAfter(listedTo));
    }

    /** Whether it covers {@code store}. */
    public boolean covers(Store store) {
        return storeId != null ? storeId.equals(store.id())
                : bannerId == null || bannerId.equals(store.bannerId());
    }
}
