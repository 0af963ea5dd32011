package org.openkam.retail.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openkam.api.Caller;
import org.openkam.api.StaleVersionException;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;

/** The trade terms per retailer and year in {@code retail_trade_terms} with their conditions and tiers. */
public final class TradeAgreements {

    static final String ENTITY = "retail-trade-terms";

    private final Database database;

    public TradeAgreements(Database database) {
        this.database = database;
    }

    public Optional<TradeTerms> of(String retailerId, int year) {
        return database.read(tx -> Optional.ofNullable(find(tx.connection(), retailerId, year, false)));
    }

    /**
     * Creates the year's terms, or replaces them if the caller saw their current version ({@code expectedVersion}
     * is {@code null} only for a creation).
     */
    public TradeTerms put(Caller caller, String retailerId, String unit, int year, List<TradeTerms.Condition> conditions,
            List<VolumeBonus.Tier> tiers, Long expectedVersion) {
        return database.write(caller, tx -> {
            Connection c = tx.connection();
            TradeTerms before = find(c, retailerId, year, true);
            long current = before == null ? 0 : before.version();
            if (expectedVersion == null ? before != null : expectedVersion != current) {
                throw new StaleVersionException("trade terms", retailerId + "/" + year,
                        expectedVersion == null ? 0 : expectedVersion, current);
            }
            TradeTerms after = new TradeTerms(before == null ? UUID.randomUUID().toString() : before.id(), retailerId,
                    unit, year, conditions, tiers, current + 1);
            if (before == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_trade_terms (id, retailer_id, "
                        + "business_unit, agreement_year, version, created_at) VALUES (?, ?, ?, ?, 1, ?)")) {
                    ps.setString(1, after.id());
                    ps.setString(2, retailerId);
                    ps.setString(3, unit);
                    ps.setInt(4, year);
                    Rows.setInstant(ps, 5, Rows.now());
                    ps.executeUpdate();
                }
            } else {
                for (String table : List.of("retail_trade_condition", "retail_volume_tier")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE terms_id = ?")) {
                        ps.setString(1, after.id());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE retail_trade_terms SET version = ? WHERE id = ?")) {
                    ps.setLong(1, after.version());
                    ps.setString(2, after.id());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_trade_condition (terms_id, position, kind, "
                    + "name, percent, amount) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < conditions.size(); i++) {
                    TradeTerms.Condition condition = conditions.get(i);
                    ps.setString(1, after.id());
                    ps.setInt(2, i);
                    ps.setString(3, condition.kind().name());
                    ps.setString(4, condition.name());
                    ps.setBigDecimal(5, condition.percent());
                    ps.setBigDecimal(6, condition.amount());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_volume_tier (terms_id, min_volume, percent) "
                    + "VALUES (?, ?, ?)")) {
                for (VolumeBonus.Tier tier : tiers) {
                    ps.setString(1, after.id());
                    ps.setBigDecimal(2, tier.minVolume());
                    ps.setBigDecimal(3, tier.percent());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            tx.audit(ENTITY, after.id(), retailerId, unit, before == null ? null : audited(before), audited(after));
            return find(c, retailerId, year, false);
        });
    }

    private static TradeTerms find(Connection c, String retailerId, int year, boolean lock) throws SQLException {
        String id;
        String unit;
        long version;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, business_unit, version FROM retail_trade_terms "
                + "WHERE retailer_id = ? AND agreement_year = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, retailerId);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                id = rs.getString(1);
                unit = rs.getString(2);
                version = rs.getLong(3);
            }
        }
        List<TradeTerms.Condition> conditions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, name, percent, amount FROM retail_trade_condition "
                + "WHERE terms_id = ? ORDER BY position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    conditions.add(new TradeTerms.Condition(ConditionKind.valueOf(rs.getString(1)), rs.getString(2),
                            Money.read(rs, "percent"), Money.read(rs, "amount")));
                }
            }
        }
        List<VolumeBonus.Tier> tiers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT min_volume, percent FROM retail_volume_tier "
                + "WHERE terms_id = ? ORDER BY min_volume")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tiers.add(new VolumeBonus.Tier(Money.read(rs, "min_volume"), Money.read(rs, "percent")));
                }
            }
        }
        return new TradeTerms(id, retailerId, unit, year, conditions, tiers, version);
    }

    private static Map<String, String> audited(TradeTerms t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("year", Integer.toString(t.year()));
        f.put("conditions", t.conditions().stream().map(c -> c.kind() + " " + c.name() + " "
                + (c.percent() != null ? c.percent().toPlainString() + " %" : c.amount().toPlainString()))
                .collect(Collectors.joining("; ")));
        f.put("volumeTiers", t.volumeTiers().stream().map(v -> v.minVolume().toPlainString() + ": "
                + v.percent().toPlainString() + " %").collect(Collectors.joining("; ")));
        return f;
    }
}
