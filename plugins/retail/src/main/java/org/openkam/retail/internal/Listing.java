package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

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

    /**
     * Whether any of {@code listings} covers a store, as {@link #covers} decides, in constant time per store: a SKU
     * listed store by store has as many listings as stores, and asking each of them for each store was quadratic.
     */
    public static Predicate<Store> anyCovers(Collection<Listing> listings) {
        Set<String> stores = new HashSet<>();
        Set<String> banners = new HashSet<>();
        for (Listing l : listings) {
            if (l.storeId != null) {
                stores.add(l.storeId);
            } else if (l.bannerId == null) {
                return store -> true;
            } else {
                banners.add(l.bannerId);
            }
        }
        return store -> stores.contains(store.id()) || store.bannerId() != null && banners.contains(store.bannerId());
    }
}
