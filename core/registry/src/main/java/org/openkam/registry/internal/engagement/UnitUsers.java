package org.openkam.registry.internal.engagement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

/**
 * The users who may take part in a business unit's work: enabled, with a role there or administrators. Every reference
 * to a user from a unit's records (team members, relationship owners, action and follow-up owners) must be one, so a
 * unit's data never names another unit's people.
 */
public final class UnitUsers {

    private UnitUsers() {
    }

    public static boolean mayWork(Tx tx, String userId, String unit) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM app_user u WHERE u.id = ? "
                + "AND u.enabled AND (u.admin OR EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id "
                + "AND g.business_unit = ?))")) {
            ps.setString(1, userId);
            ps.setString(2, unit);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The users with these ids who exist, by id. */
    static Map<String, Member> members(Tx tx, Collection<String> ids) throws SQLException {
        Map<String, Member> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, username, display_name FROM app_user WHERE id IN (" + Rows.placeholders(ids.size()) + ")")) {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Member(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
