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
import java.util.Optional;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;

/** Joint business plans per retailer and year in {@code retail_jbp} with initiatives and linked promotions. */
public final class JointBusinessPlans {

    static final String ENTITY = "retail-joint-business-plan";
    private static final String COLUMNS = "id, retailer_id, business_unit, plan_year, account_plan_id, sell_in_target, "
            + "sell_out_target, distribution_product_id, distribution_target, share_target, share_actual, version";

    private final Database database;

    public JointBusinessPlans(Database database) {
        this.database = database;
    }

    public Optional<JointBusinessPlan> of(String retailerId, int year) {
        return database.read(tx -> Optional.ofNullable(find(tx.connection(), retailerId, year, false)));
    }

    /** Creates the year's plan, or replaces it if the caller saw its version ({@code null}: only a creation). */
    public JointBusinessPlan put(Caller caller, String retailerId, String unit, int year, PlanDraft draft,
            Long expectedVersion) {
        draft.violations().throwIfAny();
        return database.write(caller, tx -> {
            Connection c = tx.connection();
            checkReferences(c, retailerId, unit, draft);
            JointBusinessPlan before = find(c, retailerId, year, true);
            long current = before == null ? 0 : before.version();
            if (expectedVersion == null ? before != null : expectedVersion != current) {
                throw new StaleVersionException("joint business plan", retailerId + "/" + year,
                        expectedVersion == null ? 0 : expectedVersion, current);
            }
            String id = before == null ? UUID.randomUUID().toString() : before.id();
            if (before != null) {
                for (String table : List.of("retail_jbp_initiative", "retail_jbp_promotion")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE jbp_id = ?")) {
                        ps.setString(1, id);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM retail_jbp WHERE id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_jbp (" + COLUMNS + ", created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, retailerId);
                ps.setString(3, unit);
                ps.setInt(4, year);
                ps.setString(5, draft.accountPlanId());
                ps.setBigDecimal(6, draft.sellInTarget());
                ps.setBigDecimal(7, draft.sellOutTarget());
                ps.setString(8, draft.distributionProductId());
                ps.setBigDecimal(9, draft.distributionTarget());
                ps.setBigDecimal(10, draft.shareTarget());
                ps.setBigDecimal(11, draft.shareActual());
                ps.setLong(12, current + 1);
                Rows.setInstant(ps, 13, Rows.now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_jbp_initiative (jbp_id, position, title, "
                    + "owner, due_on, status) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < draft.initiatives().size(); i++) {
                    JointBusinessPlan.Initiative initiative = draft.initiatives().get(i);
                    ps.setString(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, initiative.title().strip());
                    ps.setString(4, initiative.owner());
                    ps.setObject(5, initiative.dueOn(), Types.DATE);
                    ps.setString(6, initiative.status().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_jbp_promotion (jbp_id, promotion_id) "
                    + "VALUES (?, ?)")) {
                for (String promotion : draft.promotionIds()) {
                    ps.setString(1, id);
                    ps.setString(2, promotion);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            JointBusinessPlan after = find(c, retailerId, year, false);
            tx.audit(ENTITY, id, retailerId, unit, before == null ? null : audited(before), audited(after));
            return after;
        });
    }

    private static void checkReferences(Connection c, String retailerId, String unit, PlanDraft draft)
            throws SQLException {
        List<Violation> bad = new ArrayList<>();
        if (draft.distributionProductId() != null
                && !ProductCatalog.exists(c, "retail_product", draft.distributionProductId(), unit)) {
            bad.add(new Violation("distributionProductId", "is not a product of the unit"));
        }
        for (int i = 0; i < draft.promotionIds().size(); i++) {
            String id = draft.promotionIds().get(i);
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM retail_promotion WHERE id = ? AND retailer_id = ?")) {
                ps.setString(1, id);
                ps.setString(2, retailerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        bad.add(new Violation("promotionIds[" + i + "]", "is not a promotion of the retailer"));
                    } else if (draft.promotionIds().indexOf(id) < i) {
                        bad.add(new Violation("promotionIds[" + i + "]", "appears twice"));
                    }
                }
            }
        }
        ValidationException.throwIfAny(bad);
    }

    private static JointBusinessPlan find(Connection c, String retailerId, int year, boolean lock) throws SQLException {
        JointBusinessPlan head;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM retail_jbp WHERE retailer_id = ? "
                + "AND plan_year = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, retailerId);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                head = new JointBusinessPlan(rs.getString("id"), retailerId, rs.getString("business_unit"), year,
                        rs.getString("account_plan_id"), Money.read(rs, "sell_in_target"),
                        Money.read(rs, "sell_out_target"), rs.getString("distribution_product_id"),
                        Money.read(rs, "distribution_target"), Money.read(rs, "share_target"),
                        Money.read(rs, "share_actual"), List.of(), List.of(), rs.getLong("version"));
            }
        }
        List<JointBusinessPlan.Initiative> initiatives = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT title, owner, due_on, status FROM retail_jbp_initiative "
                + "WHERE jbp_id = ? ORDER BY position")) {
            ps.setString(1, head.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    initiatives.add(new JointBusinessPlan.Initiative(rs.getString(1), rs.getString(2),
                            rs.getObject(3, LocalDate.class), JointBusinessPlan.InitiativeStatus.valueOf(rs.getString(4))));
                }
            }
        }
        List<String> promotions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT promotion_id FROM retail_jbp_promotion WHERE jbp_id = ? "
                + "ORDER BY promotion_id")) {
            ps.setString(1, head.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    promotions.add(rs.getString(1));
                }
            }
        }
        return new JointBusinessPlan(head.id(), retailerId, head.businessUnit(), year, head.accountPlanId(),
                head.sellInTarget(), head.sellOutTarget(), head.distributionProductId(), head.distributionTarget(),
                head.shareTarget(), head.shareActual(), initiatives, promotions, head.version());
    }

    private static Map<String, String> audited(JointBusinessPlan p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("sellInTarget", text(p.sellInTarget()));
        f.put("sellOutTarget", text(p.sellOutTarget()));
        f.put("distributionTarget", text(p.distributionTarget()));
        f.put("shareTarget", text(p.shareTarget()));
        f.put("shareActual", text(p.shareActual()));
        f.put("initiatives", Integer.toString(p.initiatives().size()));
        f.put("promotionIds", String.join(",", p.promotionIds()));
        return f;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
