package org.openkam.retail.internal;

import org.openkam.api.persistence.Dialect;

/**
 * The one statement per sales line that inserts it or replaces the row of its key: the dialect seam of the import.
 * H2 has {@code MERGE ... KEY}; PostgreSQL has {@code INSERT ... ON CONFLICT} (its {@code MERGE} needs version 15).
 */
final class SalesUpsert {

    private SalesUpsert() {
    }

    /** Sell-out binds store, product, week, retailer, unit, volume, value; sell-in retailer, product, week, unit, volume. */
    static String sql(Dialect dialect, SalesFile.Kind kind) {
        boolean out = kind == SalesFile.Kind.SELL_OUT;
        String table = out ? "retail_sell_out" : "retail_sell_in";
        String columns = out ? "store_id, product_id, week_start, retailer_id, business_unit, volume, sales_value"
                : "retailer_id, product_id, week_start, business_unit, volume";
        String key = out ? "store_id, product_id, week_start" : "retailer_id, product_id, week_start";
        String values = out ? "?, ?, ?, ?, ?, ?, ?" : "?, ?, ?, ?, ?";
        return switch (dialect) {
            case H2 -> "MERGE INTO " + table + " (" + columns + ") KEY (" + key + ") VALUES (" + values + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT (" + key
                    + ") DO UPDATE SET volume = EXCLUDED.volume" + (out ? ", sales_value = EXCLUDED.sales_value" : "");
        };
    }
}
