package org.openkam.registry.internal.plan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.PlanVersion;

/** The versions a plan had before its current one, each kept whole as JSON when an update replaces it. */
final class PlanHistory {

    private PlanHistory() {
    }

    /** Keeps {@code plan} as it is now, before an update replaces it. */
    static void keep(Tx tx, AccountPlan plan) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO plan_version (plan_id, version, "
                + "snapshot, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, plan.id());
            ps.setLong(2, plan.version());
            ps.setString(3, PlanJson.snapshot(plan));
            ps.setString(4, plan.updatedBy());
            Rows.setInstant(ps, 5, plan.updatedAt());
            ps.executeUpdate();
        }
    }

    /** The earlier versions, newest first. */
    static List<PlanVersion> earlier(Tx tx, String planId) throws SQLException {
        List<PlanVersion> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM plan_version WHERE plan_id = ? ORDER BY version DESC")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    /** One earlier version, or {@code null}. */
    static PlanVersion earlier(Tx tx, String planId, long version) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM plan_version WHERE plan_id = ? AND version = ?")) {
            ps.setString(1, planId);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    /** The current version as a history entry. */
    static PlanVersion current(AccountPlan plan) {
        return new PlanVersion(plan.id(), plan.version(), plan.updatedBy(), plan.updatedAt(), plan);
    }

    private static PlanVersion map(ResultSet rs) throws SQLException {
        return new PlanVersion(rs.getString("plan_id"), rs.getLong("version"), rs.getString("changed_by"),
                Rows.instant(rs, "changed_at"), PlanJson.snapshot(rs.getString("snapshot")));
    }
}
