package org.openkam.retail.internal;

import org.openkam.api.persistence.Dialect;

/**
 * The statements of the import's write: the keys already stored, a plain insert for a new key and an update by
 * primary key for a stored one. The import reads the stored keys of the file's weeks once and then inserts or
 * updates, because H2's per-line upsert ({@code MERGE ... KEY}) made the import of 100,000 new lines cost 16 s of
 * CPU, against 3 s with plain inserts. On PostgreSQL the insert stays an {@code INSERT ... ON CONFLICT} upsert, as
 * fast there, so that a key stored meanwhile by another node of a cluster is replaced instead of failing the import;
 * embedded H2 has one node, whose imports run one at a time.
 */
final class SalesUpsert {

    private SalesUpsert() {
    }

    /** Binds store (or retailer), product, week, retailer (sell-out only), unit, volume, value (sell-out only). */
    static String insert(Dialect dialect, SalesFile.Kind kind) {
        boolean out = kind == SalesFile.Kind.SELL_OUT;
        String insert = out
                ? "INSERT INTO retail_sell_out (store_id, product_id, week_start, retailer_id, business_unit, volume, "
                        + "sales_value) VALUES (?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO retail_sell_in (retailer_id, product_id, week_start, business_unit, volume) "
                        + "VALUES (?, ?, ?, ?, ?)";
        return switch (dialect) {
            case H2 -> insert;
            case POSTGRESQL -> insert + " ON CONFLICT (" + (out ? "store_id" : "retailer_id")
                    + ", product_id, week_start) DO UPDATE SET volume = EXCLUDED.volume"
                    + (out ? ", sales_value = EXCLUDED.sales_value" : "");
        };
    }

    /** Binds volume, value (sell-out only), then the key: store (or retailer), product, week. */
    static String update(SalesFile.Kind kind) {
        return kind == SalesFile.Kind.SELL_OUT
                ? "UPDATE retail_sell_out SET volume = ?, sales_value = ? WHERE store_id = ? AND product_id = ? "
                        + "AND week_start = ?"
                : "UPDATE retail_sell_in SET volume = ? WHERE retailer_id = ? AND product_id = ? AND week_start = ?";
    }

    /**
     * The stored keys of the unit (sell-out) or the retailer (sell-in) between two weeks: store (sell-out only),
     * product, week. Binds the unit (sell-out) or the retailer and unit (sell-in), then the first and last week.
     */
    static String existing(SalesFile.Kind kind) {
        return kind == SalesFile.Kind.SELL_OUT
                ? "SELECT store_id, product_id, week_start FROM retail_sell_out WHERE business_unit = ? "
                        + "AND week_start BETWEEN ? AND ?"
                : "SELECT NULL, product_id, week_start FROM retail_sell_in WHERE retailer_id = ? AND business_unit = ? "
                        + "AND week_start BETWEEN ? AND ?";
    }
}
