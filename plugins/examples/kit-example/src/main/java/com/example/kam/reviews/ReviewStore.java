package com.example.kam.reviews;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

/**
 * The reviews in the plugin's own table {@code example_review}. Every change is one transaction that writes an
 * audit entry and posts an event on {@value #TOPIC}{@code /CREATED|UPDATED|DELETED} after the commit. Callers
 * check who may see and change the account; this class keeps the data consistent (versions, account).
 */
public final class ReviewStore {

    /** The event topic's stem; events carry {@code reviewId}, {@code accountId} and {@code businessUnit}. */
    public static final String TOPIC = "com/example/kam/reviews/review";
    /** The audit trail's entity type. */
    public static final String ENTITY = "example-review";
    private static final String COLUMNS = "id, account_id, business_unit, held_on, attendees, outcome, rating, "
            + "next_review_on, version, created_at, updated_at";

    private final Database database;

    public ReviewStore(Database database) {
        this.database = database;
    }

    /** An account's reviews, the latest first. */
    public List<Review> list(String accountId) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS
                    + " FROM example_review WHERE account_id = ? ORDER BY held_on DESC, created_at DESC")) {
                ps.setString(1, accountId);
                List<Review> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    /** One review of the account. */
    public Review get(String accountId, String reviewId) {
        return database.read(tx -> find(tx.connection(), accountId, reviewId, false));
    }

    public Review create(Caller caller, String accountId, String businessUnit, ReviewDraft draft) {
        draft.violations().throwIfAny();
        Instant now = Rows.now();
        Review review = new Review(UUID.randomUUID().toString(), accountId, businessUnit, draft.heldOn(),
                draft.attendees().strip(), draft.outcome().strip(), draft.rating(), draft.nextReviewOn(), 1, now, now);
        return database.write(caller, tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO example_review (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, review.id());
                ps.setString(2, accountId);
                ps.setString(3, businessUnit);
                bind(ps, 4, review);
                ps.setLong(9, review.version());
                Rows.setInstant(ps, 10, now);
                Rows.setInstant(ps, 11, now);
                ps.executeUpdate();
            }
            return changed(tx, "CREATED", null, review);
        });
    }

    /** Replaces the review's fields if the caller saw its current version. */
    public Review update(Caller caller, String accountId, String reviewId, long expectedVersion, ReviewDraft draft) {
        draft.violations().throwIfAny();
        return database.write(caller, tx -> {
            Review before = current(tx.connection(), accountId, reviewId, expectedVersion);
            Review after = new Review(reviewId, accountId, before.businessUnit(), draft.heldOn(),
                    draft.attendees().strip(), draft.outcome().strip(), draft.rating(), draft.nextReviewOn(),
                    before.version() + 1, before.createdAt(), Rows.now());
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE example_review SET held_on = ?, "
                    + "attendees = ?, outcome = ?, rating = ?, next_review_on = ?, version = ?, updated_at = ? "
                    + "WHERE id = ?")) {
                bind(ps, 1, after);
                ps.setLong(6, after.version());
                Rows.setInstant(ps, 7, after.updatedAt());
                ps.setString(8, reviewId);
                ps.executeUpdate();
            }
            return changed(tx, "UPDATED", before, after);
        });
    }

    /** Deletes the review if the caller saw its current version. */
    public void delete(Caller caller, String accountId, String reviewId, long expectedVersion) {
        database.write(caller, tx -> {
            Review before = current(tx.connection(), accountId, reviewId, expectedVersion);
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM example_review WHERE id = ?")) {
                ps.setString(1, reviewId);
                ps.executeUpdate();
            }
            return changed(tx, "DELETED", before, null);
        });
    }

    /** The review, locked for the change, after checking the version the caller saw. */
    private static Review current(Connection c, String accountId, String reviewId, long expectedVersion)
            throws SQLException {
        Review review = find(c, accountId, reviewId, true);
        if (review.version() != expectedVersion) {
            throw new StaleVersionException("review", reviewId, expectedVersion, review.version());
        }
        return review;
    }

    private static Review find(Connection c, String accountId, String reviewId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM example_review WHERE id = ? AND account_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, reviewId);
            ps.setString(2, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("review", reviewId);
                }
                return read(rs);
            }
        }
    }

    /** Audits the change and queues its event; returns what the change left ({@code null} for a deletion). */
    private static Review changed(Tx tx, String action, Review before, Review after) throws SQLException {
        Review any = after == null ? before : after;
        tx.audit(ENTITY, any.id(), any.accountId(), any.businessUnit(), before == null ? null : before.audited(),
                after == null ? null : after.audited());
        tx.post(TOPIC + "/" + action, Map.of("reviewId", any.id(), "accountId", any.accountId(),
                "businessUnit", any.businessUnit()));
        return after;
    }

    /** Binds held_on, attendees, outcome, rating and next_review_on from {@code first} on. */
    private static void bind(PreparedStatement ps, int first, Review r) throws SQLException {
        ps.setObject(first, r.heldOn());
        ps.setString(first + 1, r.attendees());
        ps.setString(first + 2, r.outcome());
        ps.setInt(first + 3, r.rating());
        ps.setObject(first + 4, r.nextReviewOn(), Types.DATE);
    }

    private static Review read(ResultSet rs) throws SQLException {
        return new Review(rs.getString("id"), rs.getString("account_id"), rs.getString("business_unit"),
                rs.getObject("held_on", LocalDate.class), rs.getString("attendees"), rs.getString("outcome"),
                rs.getInt("rating"), rs.getObject("next_review_on", LocalDate.class), rs.getLong("version"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
