package org.openkam.retail.internal;

/**
 * The statements of the import's write: the keys already stored, a plain insert for a new key and an update by
 * primary key for a stored one. The import reads the stored keys of the file's weeks once and then inserts or
 * updates, because a per-line upsert (H2's {@code MERGE ... KEY}) costs a key lookup and a statement of its own for
 * every line: 100,000 lines took 15-20 s on H2 that way, against about 3 s for the plain inserts. The same SQL serves
 * H2 and PostgreSQL.
 */
final class SalesUpsert {

    private SalesUpsert() {
    }

    /** Binds store (or retailer), product, week, retailer (sell-out only), unit, volume, value (sell-out only). */
    static String insert(SalesFile.Kind kind) {
        return kind == SalesFile.Kind.SELL_OUT
                ? "INSERT INTO retail_sell_out (store_id, product_id, week_start, retailer_id, business_unit, volume, "
                        + "sales_value) VALUES (?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO retail_sell_in (retailer_id, product_id, week_start, business_unit, volume) "
                        + "VALUES (?, ?, ?, ?, ?)";
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
