package org.openkam.retail.internal;

import java.math.BigDecimal;

/**
 * A retail store of a banner. {@code acv} (all-commodity volume: the store's total sales) and {@code pcv} (its
 * sales in our product category) weight it in weighted distribution. {@code code} is unique in the unit and is how
 * sell-out files name the store.
 */
public record Store(String id, String retailerId, String bannerId, String businessUnit, String code, String name,
        String region, String format, BigDecimal acv, BigDecimal pcv, long version) {
}
