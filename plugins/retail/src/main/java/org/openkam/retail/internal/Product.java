package org.openkam.retail.internal;

import java.math.BigDecimal;

/** A SKU of the manufacturer, as stored; prices are per consumer unit in the unit's currency. */
public record Product(String id, String businessUnit, String gtin, String name, String brand, String packSize,
        String categoryId, BigDecimal listPrice, BigDecimal cost, long version) {
}
