package org.openkam.registry.internal.engagement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

/** Maps activities to and from {@code activity} and its {@code activity_contact} and {@code activity_participant} rows. */
final class ActivityRows {

    static final String INSERT = "INSERT INTO activity (activity_type, status, subject, notes, occurred_at, "
            + "created_by, version, created_at, updated_at, account_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE activity SET activity_type = ?, status = ?, subject = ?, notes = ?, "
            + "occurred_at = ?, created_by = ?, version = ?, created_at = ?, updated_at = ? WHERE account_id = ? AND id = ?";

    private ActivityRows() {
    }

    static void bind(PreparedStatement ps, Activity a) throws SQLException {
        ps.setString(1, a.type().name());
        ps.setString(2, a.status().name());
        ps.setString(3, a.subject());
        ps.setString(4, a.notes());
        Rows.setInstant(ps, 5, a.occurredAt());
        ps.setString(6, a.createdBy());
        ps.setLong(7, a.version());
        Rows.setInstant(ps, 8, a.createdAt());
        Rows.setInstant(ps, 9, a.updatedAt());
        ps.setString(10, a.accountId());
        ps.setString(11, a.id());
    }

    /** Writes the activity's contacts and participants, replacing what was stored. */
    static void writePeople(Tx tx, Activity a) throws SQLException {
        for (String table : List.of("activity_contact", "activity_participant")) {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM " + table + " WHERE activity_id = ?")) {
                ps.setString(1, a.id());
                ps.executeUpdate();
            }
        }
        insert(tx, "INSERT INTO activity_contact (activity_id, contact_id) VALUES (?, ?)", a.id(), a.contactIds());
        insert(tx, "INSERT INTO activity_participant (activity_id, user_id) VALUES (?, ?)", a.id(), a.participants());
    }

    /** The activities of a query whose select list is {@code activity.*}, with their contacts and participants. */
    static List<Activity> query(Tx tx, String sql, List<Object> params) throws SQLException {
        Map<String, Activity> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Activity a = map(rs, List.of(), List.of());
                    rows.put(a.id(), a);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> contacts = people(tx, "SELECT activity_id, contact_id FROM activity_contact",
                rows.keySet());
        Map<String, List<String>> participants = people(tx, "SELECT activity_id, user_id FROM activity_participant",
                rows.keySet());
        List<Activity> out = new ArrayList<>(rows.size());
        for (Activity a : rows.values()) {
            out.add(new Activity(a.id(), a.accountId(), a.type(), a.status(), a.subject(), a.notes(), a.occurredAt(),
                    contacts.getOrDefault(a.id(), List.of()), participants.getOrDefault(a.id(), List.of()),
                    a.createdBy(), a.version(), a.createdAt(), a.updatedAt()));
        }
        return out;
    }

    /** When a done activity last took place with each contact of the account that has one, by contact id. */
    static Map<String, Instant> lastContacts(Tx tx, String accountId) throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT ac.contact_id, MAX(a.occurred_at) AS "
                + "last_at FROM activity a JOIN activity_contact ac ON ac.activity_id = a.id "
                + "WHERE a.account_id = ? AND a.status = 'DONE' GROUP BY ac.contact_id")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Rows.instant(rs, "last_at"));
                }
            }
        }
        return out;
    }

    /** The fields the audit trail compares, as text; enums as on the wire. */
    static Map<String, String> auditFields(Activity a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", wire(a.type()));
        m.put("status", wire(a.status()));
        m.put("subject", a.subject());
        m.put("notes", a.notes());
        m.put("occurredAt", a.occurredAt().toString());
        m.put("contactIds", String.join(",", a.contactIds()));
        m.put("participants", String.join(",", a.participants()));
        return m;
    }

    private static Activity map(ResultSet rs, List<String> contactIds, List<String> participants)
            throws SQLException {
        return new Activity(rs.getString("id"), rs.getString("account_id"),
                ActivityType.valueOf(rs.getString("activity_type")), ActivityStatus.valueOf(rs.getString("status")),
                rs.getString("subject"), rs.getString("notes"), Rows.instant(rs, "occurred_at"), contactIds,
                participants, rs.getString("created_by"), rs.getLong("version"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private static Map<String, List<String>> people(Tx tx, String select, Collection<String> activityIds)
            throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                select + " WHERE activity_id IN (" + Rows.placeholders(activityIds.size()) + ")")) {
            int i = 1;
            for (String id : activityIds) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    private static void insert(Tx tx, String sql, String activityId, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            for (String id : ids) {
                ps.setString(1, activityId);
                ps.setString(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
