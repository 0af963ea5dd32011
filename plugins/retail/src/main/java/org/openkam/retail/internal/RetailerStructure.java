package org.openkam.retail.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;

/**
 * A retailer's banners and stores, and the unit's buying groups. Callers check that the retailer is an account the
 * caller sees in a unit retail serves; this class keeps the structure consistent (a store's banner is the
 * retailer's, store codes are unique in the unit).
 */
public final class RetailerStructure {

    static final String BANNER = "retail-banner";
    static final String STORE = "retail-store";
    static final String BUYING_GROUP = "retail-buying-group";
    private static final String STORE_COLUMNS = "id, retailer_id, banner_id, business_unit, code, name, region, "
            + "format, acv, pcv, version";

    private final Database database;

    public RetailerStructure(Database database) {
        this.database = database;
    }

    public List<Banner> banners(String retailerId) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, retailer_id, business_unit, "
                    + "name, format, version FROM retail_banner WHERE retailer_id = ? ORDER BY name, id")) {
                ps.setString(1, retailerId);
                List<Banner> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Banner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6)));
                    }
                }
                return out;
            }
        });
    }

    public Banner createBanner(Caller caller, String retailerId, String unit, String name, String format) {
        new Violations().required("name", name, 200).required("format", format, 100).throwIfAny();
        Banner banner = new Banner(UUID.randomUUID().toString(), retailerId, unit, name.strip(), format.strip(), 1);
        return database.write(caller, tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO retail_banner (id, retailer_id, "
                    + "business_unit, name, format, version, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)")) {
                ps.setString(1, banner.id());
                ps.setString(2, retailerId);
                ps.setString(3, unit);
                ps.setString(4, banner.name());
                ps.setString(5, banner.format());
                Rows.setInstant(ps, 6, Rows.now());
                ps.executeUpdate();
            }
            tx.audit(BANNER, banner.id(), retailerId, unit, null, Map.of("name", banner.name(),
                    "format", banner.format()));
            return banner;
        });
    }

    /** The retailer's stores, by code. */
    public List<Store> stores(String retailerId) {
        return database.read(tx -> stores(tx.connection(), retailerId));
    }

    static List<Store> stores(Connection c, String retailerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STORE_COLUMNS
                + " FROM retail_store WHERE retailer_id = ? ORDER BY code")) {
            ps.setString(1, retailerId);
            List<Store> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readStore(rs));
                }
            }
            return out;
        }
    }

    /** Inserts the stores, validated and without their audit entries, in one batch. */
    static void insertStores(Connection c, List<Store> stores) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_store (" + STORE_COLUMNS
                + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
            for (Store store : stores) {
                ps.setString(1, store.id());
                ps.setString(2, store.retailerId());
                ps.setString(3, store.bannerId());
                ps.setString(4, store.businessUnit());
                ps.setString(5, store.code());
                ps.setString(6, store.name());
                ps.setString(7, store.region());
                ps.setString(8, store.format());
                ps.setBigDecimal(9, store.acv());
                ps.setBigDecimal(10, store.pcv());
                Rows.setInstant(ps, 11, Rows.now());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public Store createStore(Caller caller, String retailerId, String unit, StoreDraft draft) {
        draft.violations().throwIfAny();
        try {
            return database.write(caller, tx -> {
                Connection c = tx.connection();
                String bannerFormat = bannerFormat(c, retailerId, draft.bannerId());
                Store store = new Store(UUID.randomUUID().toString(), retailerId, draft.bannerId(), unit,
                        draft.code().strip(), draft.name().strip(), draft.region().strip(),
                        draft.format() == null || draft.format().isBlank() ? bannerFormat : draft.format().strip(),
                        Money.plain(draft.acv()), Money.plain(draft.pcv()), 1);
                insertStores(c, List.of(store));
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("code", store.code());
                fields.put("name", store.name());
                fields.put("region", store.region());
                fields.put("acv", store.acv().toPlainString());
                fields.put("pcv", store.pcv().toPlainString());
                tx.audit(STORE, store.id(), retailerId, unit, null, fields);
                return store;
            });
        } catch (StoreException e) {
            if (e.duplicateKey()) {
                throw new ValidationException("code", "is already the code of a store of the unit");
            }
            throw e;
        }
    }

    public List<BuyingGroup> buyingGroups(String unit) {
        return database.read(tx -> {
            Map<String, BuyingGroup> groups = new LinkedHashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT g.id, g.name, g.version, "
                    + "m.retailer_id FROM retail_buying_group g LEFT JOIN retail_buying_group_member m "
                    + "ON m.group_id = g.id WHERE g.business_unit = ? ORDER BY g.name, g.id, m.retailer_id")) {
                ps.setString(1, unit);
                Map<String, List<String>> members = new LinkedHashMap<>();
                Map<String, String[]> heads = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        heads.putIfAbsent(id, new String[] {rs.getString(2), Long.toString(rs.getLong(3))});
                        List<String> ids = members.computeIfAbsent(id, k -> new ArrayList<>());
                        if (rs.getString(4) != null) {
                            ids.add(rs.getString(4));
                        }
                    }
                }
                heads.forEach((id, head) -> groups.put(id, new BuyingGroup(id, unit, head[0], members.get(id),
                        Long.parseLong(head[1]))));
            }
            return List.copyOf(groups.values());
        });
    }

    /** Adds a buying group, members by id; the caller has checked that every retailer is an account of the unit. */
    public BuyingGroup createBuyingGroup(Caller caller, String unit, String name, List<String> retailerIds) {
        new Violations().required("name", name, 200).throwIfAny();
        BuyingGroup group = new BuyingGroup(UUID.randomUUID().toString(), unit, name.strip(),
                List.copyOf(new TreeSet<>(retailerIds)), 1);
        return database.write(caller, tx -> {
            Connection c = tx.connection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_buying_group (id, business_unit, "
                    + "name, version, created_at) VALUES (?, ?, ?, 1, ?)")) {
                ps.setString(1, group.id());
                ps.setString(2, unit);
                ps.setString(3, group.name());
                Rows.setInstant(ps, 4, Rows.now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_buying_group_member (group_id, "
                    + "retailer_id) VALUES (?, ?)")) {
                for (String retailer : group.retailerIds()) {
                    ps.setString(1, group.id());
                    ps.setString(2, retailer);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            tx.audit(BUYING_GROUP, group.id(), null, unit, null, Map.of("name", group.name(),
                    "retailerIds", String.join(",", group.retailerIds())));
            return group;
        });
    }

    /** The banner's format, if the banner is the retailer's; else the draft's banner is refused. */
    private static String bannerFormat(Connection c, String retailerId, String bannerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format FROM retail_banner WHERE id = ? "
                + "AND retailer_id = ?")) {
            ps.setString(1, bannerId);
            ps.setString(2, retailerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ValidationException("bannerId", "is not a banner of the retailer");
                }
                return rs.getString(1);
            }
        }
    }

    static Store readStore(ResultSet rs) throws SQLException {
        return new Store(rs.getString("id"), rs.getString("retailer_id"), rs.getString("banner_id"),
                rs.getString("business_unit"), rs.getString("code"), rs.getString("name"), rs.getString("region"),
                rs.getString("format"), Money.read(rs, "acv"), Money.read(rs, "pcv"), rs.getLong("version"));
    }
}
