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
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;

/** A retailer's trade promotions in {@code retail_promotion}; every change audited. */
public final class PromotionCalendar {

    static final String ENTITY = "retail-promotion";
    private static final String COLUMNS = "id, retailer_id, business_unit, banner_id, name, mechanic, "
            + "discount_percent, starts_on, ends_on, ship_from, ship_to, baseline_volume, planned_volume, "
            + "actual_volume, fixed_spend, spend_per_unit, version";

    private final Database database;

    public PromotionCalendar(Database database) {
        this.database = database;
    }

    /** The retailer's promotions running at some point from {@code from} to {@code to} (either may be open). */
    public List<Promotion> between(String retailerId, LocalDate from, LocalDate to) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM retail_promotion "
                    + "WHERE retailer_id = ? AND ends_on >= ? AND starts_on <= ? ORDER BY starts_on, name, id")) {
                ps.setString(1, retailerId);
                ps.setObject(2, from == null ? LocalDate.of(1, 1, 1) : from);
                ps.setObject(3, to == null ? LocalDate.of(9999, 12, 31) : to);
                List<Promotion> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs, List.of()));
                    }
                }
                List<Promotion> withProducts = new ArrayList<>();
                for (Promotion p : out) {
                    withProducts.add(read(p, products(tx.connection(), p.id())));
                }
                return withProducts;
            }
        });
    }

    public Promotion get(String retailerId, String id) {
        return database.read(tx -> find(tx.connection(), retailerId, id, false));
    }

    public Promotion create(Caller caller, String retailerId, String unit, PromotionDraft draft) {
        draft.violations().throwIfAny();
        return database.write(caller, tx -> {
            checkReferences(tx.connection(), retailerId, unit, draft);
            Promotion p = from(UUID.randomUUID().toString(), retailerId, unit, draft, 1);
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO retail_promotion (" + COLUMNS
                    + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, p.id());
                ps.setString(2, retailerId);
                ps.setString(3, unit);
                bind(ps, 4, p);
                ps.setLong(17, 1);
                Rows.setInstant(ps, 18, Rows.now());
                ps.executeUpdate();
            }
            insertProducts(tx.connection(), p);
            tx.audit(ENTITY, p.id(), retailerId, unit, null, audited(p));
            return p;
        });
    }

    /** Replaces the promotion's fields (e.g. to enter actuals) if the caller saw its current version. */
    public Promotion update(Caller caller, String retailerId, String id, long expectedVersion, PromotionDraft draft) {
        draft.violations().throwIfAny();
        return database.write(caller, tx -> {
            Promotion before = find(tx.connection(), retailerId, id, true);
            if (before.version() != expectedVersion) {
                throw new StaleVersionException("promotion", id, expectedVersion, before.version());
            }
            checkReferences(tx.connection(), retailerId, before.businessUnit(), draft);
            Promotion after = from(id, retailerId, before.businessUnit(), draft, before.version() + 1);
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE retail_promotion SET banner_id = ?, "
                    + "name = ?, mechanic = ?, discount_percent = ?, starts_on = ?, ends_on = ?, ship_from = ?, "
                    + "ship_to = ?, baseline_volume = ?, planned_volume = ?, actual_volume = ?, fixed_spend = ?, "
                    + "spend_per_unit = ?, version = ? WHERE id = ?")) {
                bind(ps, 1, after);
                ps.setLong(14, after.version());
                ps.setString(15, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM retail_promotion_product WHERE promotion_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            insertProducts(tx.connection(), after);
            tx.audit(ENTITY, id, retailerId, after.businessUnit(), audited(before), audited(after));
            return after;
        });
    }

    private static void checkReferences(Connection c, String retailerId, String unit, PromotionDraft draft)
            throws SQLException {
        List<Violation> bad = new ArrayList<>();
        if (draft.bannerId() != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM retail_banner WHERE id = ? AND retailer_id = ?")) {
                ps.setString(1, draft.bannerId());
                ps.setString(2, retailerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        bad.add(new Violation("bannerId", "is not a banner of the retailer"));
                    }
                }
            }
        }
        List<String> ids = draft.productIds();
        for (int i = 0; i < ids.size(); i++) {
            if (!ProductCatalog.exists(c, "retail_product", ids.get(i), unit)) {
                bad.add(new Violation("productIds[" + i + "]", "is not a product of the unit"));
            } else if (ids.indexOf(ids.get(i)) < i) {
                bad.add(new Violation("productIds[" + i + "]", "appears twice"));
            }
        }
        ValidationException.throwIfAny(bad);
    }

    private static Promotion from(String id, String retailerId, String unit, PromotionDraft d, long version) {
        return new Promotion(id, retailerId, unit, d.bannerId(), d.name().strip(), d.mechanic(),
                Money.plain(d.discountPercent()), d.startsOn(), d.endsOn(), d.shipFrom(), d.shipTo(), d.productIds(),
                Money.plain(d.baselineVolume()), Money.plain(d.plannedVolume()), Money.plain(d.actualVolume()),
                Money.plain(zero(d.fixedSpend())), Money.plain(zero(d.spendPerUnit())), version);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static void insertProducts(Connection c, Promotion p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_promotion_product (promotion_id, product_id) "
                + "VALUES (?, ?)")) {
            for (String product : p.productIds()) {
                ps.setString(1, p.id());
                ps.setString(2, product);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Promotion find(Connection c, String retailerId, String id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM retail_promotion WHERE id = ? "
                + "AND retailer_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            ps.setString(2, retailerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("promotion", id);
                }
                return read(rs, products(c, id));
            }
        }
    }

    private static List<String> products(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT product_id FROM retail_promotion_product "
                + "WHERE promotion_id = ? ORDER BY product_id")) {
            ps.setString(1, id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** Binds banner_id .. spend_per_unit (13 columns) from {@code first} on. */
    private static void bind(PreparedStatement ps, int first, Promotion p) throws SQLException {
        ps.setString(first, p.bannerId());
        ps.setString(first + 1, p.name());
        ps.setString(first + 2, p.mechanic().name());
        ps.setBigDecimal(first + 3, p.discountPercent());
        ps.setObject(first + 4, p.startsOn());
        ps.setObject(first + 5, p.endsOn());
        ps.setObject(first + 6, p.shipFrom(), Types.DATE);
        ps.setObject(first + 7, p.shipTo(), Types.DATE);
        ps.setBigDecimal(first + 8, p.baselineVolume());
        ps.setBigDecimal(first + 9, p.plannedVolume());
        ps.setBigDecimal(first + 10, p.actualVolume());
        ps.setBigDecimal(first + 11, p.fixedSpend());
        ps.setBigDecimal(first + 12, p.spendPerUnit());
    }

    private static Promotion read(ResultSet rs, List<String> products) throws SQLException {
        return new Promotion(rs.getString("id"), rs.getString("retailer_id"), rs.getString("business_unit"),
                rs.getString("banner_id"), rs.getString("name"), Mechanic.valueOf(rs.getString("mechanic")),
                Money.read(rs, "discount_percent"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getObject("ship_from", LocalDate.class),
                rs.getObject("ship_to", LocalDate.class), products, Money.read(rs, "baseline_volume"),
                Money.read(rs, "planned_volume"), Money.read(rs, "actual_volume"), Money.read(rs, "fixed_spend"),
                Money.read(rs, "spend_per_unit"), rs.getLong("version"));
    }

    private static Promotion read(Promotion p, List<String> products) {
        return new Promotion(p.id(), p.retailerId(), p.businessUnit(), p.bannerId(), p.name(), p.mechanic(),
                p.discountPercent(), p.startsOn(), p.endsOn(), p.shipFrom(), p.shipTo(), products, p.baselineVolume(),
                p.plannedVolume(), p.actualVolume(), p.fixedSpend(), p.spendPerUnit(), p.version());
    }

    private static Map<String, String> audited(Promotion p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", p.name());
        f.put("mechanic", p.mechanic().name());
        f.put("startsOn", p.startsOn().toString());
        f.put("endsOn", p.endsOn().toString());
        f.put("productIds", String.join(",", p.productIds()));
        f.put("baselineVolume", text(p.baselineVolume()));
        f.put("plannedVolume", text(p.plannedVolume()));
        f.put("actualVolume", text(p.actualVolume()));
        f.put("fixedSpend", text(p.fixedSpend()));
        f.put("spendPerUnit", text(p.spendPerUnit()));
        return f;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
