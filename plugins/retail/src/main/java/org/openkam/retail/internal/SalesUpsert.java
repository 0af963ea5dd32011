package org.openkam.retail.internal;

import org.openkam.api.persistence.Dialect;

/**
 * The statements of the import's write: the stored rows of a batch's keys, a plain insert for a new key and an
 * update by primary key for a stored one. The import looks up each batch's keys with one query and then inserts or
 * updates, because H2's per-line upsert ({@code MERGE ... KEY}) made the import of 100,000 new lines cost 16 s of
 * CPU, against 3 s with plain inserts. On PostgreSQL the insert stays an {@code INSERT ... ON CONFLICT} upsert, as
 * fast there, so that a key stored meanwhile by another node of a cluster is replaced instead of failing the import;
 * embedded H2 has one node, whose imports run one at a time. Every written row records the import and line it came
 * from ({@code import_job}, {@code import_line}), which is how a key repeated within one file is found.
 */
final class SalesUpsert {

    private SalesUpsert() {
    }

    /**
     * Binds store (or retailer), product, week, retailer (sell-out only), unit, volume, value (sell-out only), the
     * import's job id and the line.
     */
    static String insert(Dialect dialect, SalesFile.Kind kind) {
        boolean out = kind == SalesFile.Kind.SELL_OUT;
        String insert = out
                ? "INSERT INTO retail_sell_out (store_id, product_id, week_start, retailer_id, business_unit, volume, "
                        + "sales_value, import_job, import_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO retail_sell_in (retailer_id, product_id, week_start, business_unit, volume, import_job, "
                        + "import_line) VALUES (?, ?, ?, ?, ?, ?, ?)";
        return switch (dialect) {
            case H2 -> insert;
            case POSTGRESQL -> insert + " ON CONFLICT (" + (out ? "store_id" : "retailer_id")
                    + ", product_id, week_start) DO UPDATE SET volume = EXCLUDED.volume"
                    + (out ? ", sales_value = EXCLUDED.sales_value" : "")
                    + ", import_job = EXCLUDED.import_job, import_line = EXCLUDED.import_line";
        };
    }

    /** Binds volume, value (sell-out only), the import's job id and line, then the key: store (or retailer), product, week. */
    static String update(SalesFile.Kind kind) {
        return kind == SalesFile.Kind.SELL_OUT
                ? "UPDATE retail_sell_out SET volume = ?, sales_value = ?, import_job = ?, import_line = ? "
                        + "WHERE store_id = ? AND product_id = ? AND week_start = ?"
                : "UPDATE retail_sell_in SET volume = ?, import_job = ?, import_line = ? WHERE retailer_id = ? "
                        + "AND product_id = ? AND week_start = ?";
    }

    /**
     * The stored rows of a batch's keys: store (or retailer), product and week of each, looked up by the primary key.
     * A range over the batch's stores, products and weeks instead read every stored week of those stores, so each
     * batch cost more the more sell-out was stored before it. Answers store (sell-out only), product, week, import
     * job and line. Binds store (or retailer), product and week for each of the {@code keys}.
     */
    static String stored(SalesFile.Kind kind, int keys) {
        String in = " IN (" + String.join(", ", java.util.Collections.nCopies(keys, "(?, ?, ?)")) + ")";
        return kind == SalesFile.Kind.SELL_OUT
                ? "SELECT store_id, product_id, week_start, import_job, import_line FROM retail_sell_out "
                        + "WHERE (store_id, product_id, week_start)" + in
                : "SELECT NULL, product_id, week_start, import_job, import_line FROM retail_sell_in "
                        + "WHERE (retailer_id, product_id, week_start)" + in;
    }
}
