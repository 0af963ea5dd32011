package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.ValidationException;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;

/** The listings of a retailer in {@code retail_listing}. */
public final class Listings {

    static final String ENTITY = "retail-listing";
    private static final String COLUMNS = "id, retailer_id, business_unit, product_id, banner_id, store_id, "
            + "listed_from, listed_to, listing_fee, version";

    private final Database database;

    public Listings(Database database) {
        this.database = database;
    }

    /** The retailer's listings, of one product if {@code productId} is not {@code null}. */
    public List<Listing> of(String retailerId, String productId) {
        return database.read(tx -> of(tx.connection(), retailerId, productId));
    }

    static List<Listing> of(Connection c, String retailerId, String productId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM retail_listing WHERE retailer_id = ?"
                + (productId == null ? "" : " AND product_id = ?") + " ORDER BY listed_from, id")) {
            ps.setString(1, retailerId);
            if (productId != null) {
                ps.setString(2, productId);
            }
            List<Listing> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Listing(rs.getString("id"), rs.getString("retailer_id"), rs.getString("business_unit"),
                            rs.getString("product_id"), rs.getString("banner_id"), rs.getString("store_id"),
                            rs.getObject("listed_from", LocalDate.class), rs.getObject("listed_to", LocalDate.class),
                            Money.read(rs, "listing_fee"), rs.getLong("version")));
                }
            }
            return out;
        }
    }

    /** Lists a product of the unit at the retailer, one of its banners or one of its stores. */
    public Listing create(Caller caller, String retailerId, String unit, ListingDraft draft) {
        draft.violations().throwIfAny();
        return database.write(caller, tx -> {
            Connection c = tx.connection();
            if (!ProductCatalog.exists(c, "retail_product", draft.productId(), unit)) {
                throw new ValidationException("productId", "is not a product of the unit");
            }
            if (draft.bannerId() != null && !ofRetailer(c, "retail_banner", draft.bannerId(), retailerId)) {
                throw new ValidationException("bannerId", "is not a banner of the retailer");
            }
            if (draft.storeId() != null && !ofRetailer(c, "retail_store", draft.storeId(), retailerId)) {
                throw new ValidationException("storeId", "is not a store of the retailer");
            }
            Listing listing = new Listing(UUID.randomUUID().toString(), retailerId, unit, draft.productId(),
                    draft.bannerId(), draft.storeId(), draft.listedFrom(), draft.listedTo(),
                    Money.plain(draft.listingFee() == null ? BigDecimal.ZERO : draft.listingFee()), 1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_listing (" + COLUMNS
                    + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
                ps.setString(1, listing.id());
                ps.setString(2, retailerId);
                ps.setString(3, unit);
                ps.setString(4, listing.productId());
                ps.setString(5, listing.bannerId());
                ps.setString(6, listing.storeId());
                ps.setObject(7, listing.listedFrom());
                ps.setObject(8, listing.listedTo(), Types.DATE);
                ps.setBigDecimal(9, listing.listingFee());
                Rows.setInstant(ps, 10, Rows.now());
                ps.executeUpdate();
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("productId", listing.productId());
            fields.put("bannerId", listing.bannerId());
            fields.put("storeId", listing.storeId());
            fields.put("listedFrom", listing.listedFrom().toString());
            fields.put("listedTo", listing.listedTo() == null ? null : listing.listedTo().toString());
            fields.put("listingFee", listing.listingFee().toPlainString());
            tx.audit(ENTITY, listing.id(), retailerId, unit, null, fields);
            return listing;
        });
    }

    private static boolean ofRetailer(Connection c, String table, String id, String retailerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ? AND retailer_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, retailerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
