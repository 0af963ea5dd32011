package org.openkam.registry.internal.organization;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.organization.User;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

/** Reads users with their grants; shared by the user directory and authentication. */
public final class UserRows {

    private UserRows() {
    }

    /** The user with this id or username, with grants, or {@code null}. */
    public static User find(Tx tx, String column, String value) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM app_user WHERE " + ("username".equals(column) ? "username" : "id") + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs, grants(tx, rs.getString("id"))) : null;
            }
        }
    }

    /** The stored password hash of an enabled user, or {@code null}. */
    public static String passwordHash(Tx tx, String userId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT password_hash FROM app_user WHERE id = ? AND enabled")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public static Map<String, Set<Role>> grants(Tx tx, String userId) throws SQLException {
        Map<String, Set<Role>> grants = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT business_unit, role FROM role_grant WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String unit = rs.getString(1);
                    Role.fromKey(rs.getString(2)).ifPresent(
                            role -> grants.computeIfAbsent(unit, k -> EnumSet.noneOf(Role.class)).add(role));
                }
            }
        }
        return grants;
    }

    static User map(ResultSet rs, Map<String, Set<Role>> grants) throws SQLException {
        return new User(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getBoolean("admin"), rs.getBoolean("enabled"), grants, rs.getLong("version"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    /** The caller a user signs in as. */
    public static Caller caller(User user) {
        return new Caller(user.id(), user.username(), user.admin(), user.grants());
    }
}
