package org.openkam.retail.internal;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.ValidationException;
import org.openkam.api.persistence.Database;

/** Store audits: whether a listed product was on the shelf of a store on a day; the basis of out-of-stock rates. */
public final class StoreAudits {

    static final String ENTITY = "retail-store-audit";

    private final Database database;

    public StoreAudits(Database database) {
        this.database = database;
    }

    /** Records (or corrects) the audit of a product at one of the retailer's stores on a day. */
    public void record(Caller caller, String retailerId, String unit, String storeId, String productId,
            LocalDate day, boolean available) {
        database.write(caller, tx -> {
            if (!ProductCatalog.exists(tx.connection(), "retail_product", productId, unit)) {
                throw new ValidationException("productId", "is not a product of the unit");
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM retail_store WHERE id = ? "
                    + "AND retailer_id = ?")) {
                ps.setString(1, storeId);
                ps.setString(2, retailerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ValidationException("storeId", "is not a store of the retailer");
                    }
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM retail_store_audit WHERE "
                    + "store_id = ? AND product_id = ? AND audited_on = ?")) {
                ps.setString(1, storeId);
                ps.setString(2, productId);
                ps.setObject(3, day);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO retail_store_audit (store_id, "
                    + "product_id, audited_on, retailer_id, business_unit, available) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, storeId);
                ps.setString(2, productId);
                ps.setObject(3, day);
                ps.setString(4, retailerId);
                ps.setString(5, unit);
                ps.setBoolean(6, available);
                ps.executeUpdate();
            }
            // one audit entity per store, product and day, named by a stable id that fits the audit trail
            String id = UUID.nameUUIDFromBytes((storeId + "/" + productId + "/" + day).getBytes(StandardCharsets.UTF_8))
                    .toString();
            tx.audit(ENTITY, id, retailerId, unit, null, Map.of("storeId", storeId, "productId", productId,
                    "auditedOn", day.toString(), "available", Boolean.toString(available)));
            return null;
        });
    }

    /** The audits of a product at the retailer's stores on a day: store id to whether it was on the shelf. */
    public Map<String, Boolean> on(String retailerId, String productId, LocalDate day) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT store_id, available FROM "
                    + "retail_store_audit WHERE retailer_id = ? AND product_id = ? AND audited_on = ?")) {
                ps.setString(1, retailerId);
                ps.setString(2, productId);
                ps.setObject(3, day);
                Map<String, Boolean> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getBoolean(2));
                    }
                }
                return out;
            }
        });
    }
}
