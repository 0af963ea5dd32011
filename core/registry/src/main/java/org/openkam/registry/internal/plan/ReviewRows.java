package org.openkam.registry.internal.plan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.api.plan.PlanReview;

/** Plan reviews in the append-only {@code plan_review} table. */
final class ReviewRows {

    private static final String ORDER = " ORDER BY review_date DESC, created_at DESC, id";

    private ReviewRows() {
    }

    static void insert(Tx tx, PlanReview r) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO plan_review (id, plan_id, "
                + "review_date, rating, notes, next_review_date, reviewer, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.planId());
            PlanRows.date(ps, 3, r.reviewDate());
            ps.setInt(4, r.rating());
            ps.setString(5, r.notes());
            PlanRows.date(ps, 6, r.nextReviewDate());
            ps.setString(7, r.reviewer());
            Rows.setInstant(ps, 8, r.createdAt());
            ps.executeUpdate();
        }
    }

    /** The plan's reviews, latest review date first. */
    static List<PlanReview> of(Tx tx, String planId) throws SQLException {
        List<PlanReview> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM plan_review WHERE plan_id = ?"
                + ORDER)) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    /** The review with the latest review date, or {@code null}. */
    static PlanReview latest(Tx tx, String planId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM plan_review WHERE plan_id = ?"
                + ORDER + " LIMIT 1")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    private static PlanReview map(ResultSet rs) throws SQLException {
        return new PlanReview(rs.getString("id"), rs.getString("plan_id"), PlanRows.date(rs, "review_date"),
                rs.getInt("rating"), rs.getString("notes"), PlanRows.date(rs, "next_review_date"),
                rs.getString("reviewer"), Rows.instant(rs, "created_at"));
    }
}
