package org.openkam.registry.internal.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openkam.api.account.Attitude;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.account.Contact;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

/** Maps contacts to and from the {@code contact} table; shared by the contacts and the buying center. */
public final class ContactRows {

    static final String INSERT = "INSERT INTO contact (first_name, last_name, job_title, email, phone, "
            + "buying_center_roles, attitude, influence, reports_to, relationship_owner, relationship_strength, "
            + "version, created_at, updated_at, account_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE contact SET first_name = ?, last_name = ?, job_title = ?, email = ?, "
            + "phone = ?, buying_center_roles = ?, attitude = ?, influence = ?, reports_to = ?, relationship_owner = ?, "
            + "relationship_strength = ?, version = ?, created_at = ?, updated_at = ? WHERE account_id = ? AND id = ?";

    private ContactRows() {
    }

    /** The account's contacts by last and first name. */
    public static List<Contact> list(Tx tx, String accountId) throws SQLException {
        List<Contact> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM contact WHERE account_id = ? ORDER BY last_name, first_name, id")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    /** Binds every column of {@link #INSERT} or {@link #UPDATE}, which list them in the same order. */
    static void bind(PreparedStatement ps, Contact c) throws SQLException {
        ps.setString(1, c.firstName());
        ps.setString(2, c.lastName());
        ps.setString(3, c.jobTitle());
        ps.setString(4, c.email());
        ps.setString(5, c.phone());
        ps.setString(6, c.roles().isEmpty() ? null
                : c.roles().stream().map(Enum::name).collect(Collectors.joining(",")));
        ps.setString(7, c.attitude() == null ? null : c.attitude().name());
        setInt(ps, 8, c.influence());
        ps.setString(9, c.reportsTo());
        ps.setString(10, c.relationshipOwner());
        setInt(ps, 11, c.relationshipStrength());
        ps.setLong(12, c.version());
        Rows.setInstant(ps, 13, c.createdAt());
        Rows.setInstant(ps, 14, c.updatedAt());
        ps.setString(15, c.accountId());
        ps.setString(16, c.id());
    }

    static Contact map(ResultSet rs) throws SQLException {
        String roles = rs.getString("buying_center_roles");
        Set<BuyingCenterRole> set = EnumSet.noneOf(BuyingCenterRole.class);
        if (roles != null) {
            Arrays.stream(roles.split(",")).map(BuyingCenterRole::valueOf).forEach(set::add);
        }
        String attitude = rs.getString("attitude");
        return new Contact(rs.getString("id"), rs.getString("account_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("job_title"), rs.getString("email"), rs.getString("phone"),
                rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), set,
                attitude == null ? null : Attitude.valueOf(attitude), integer(rs, "influence"),
                rs.getString("reports_to"), rs.getString("relationship_owner"), integer(rs, "relationship_strength"));
    }

    /** The fields the audit trail compares, as text; enums as on the wire. */
    static Map<String, String> auditFields(Contact c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("firstName", c.firstName());
        m.put("lastName", c.lastName());
        m.put("jobTitle", c.jobTitle());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("roles", c.roles().isEmpty() ? null
                : c.roles().stream().map(ContactRows::wire).collect(Collectors.joining(",")));
        m.put("attitude", c.attitude() == null ? null : wire(c.attitude()));
        m.put("influence", c.influence() == null ? null : c.influence().toString());
        m.put("reportsTo", c.reportsTo());
        m.put("relationshipOwner", c.relationshipOwner());
        m.put("relationshipStrength", c.relationshipStrength() == null ? null : c.relationshipStrength().toString());
        return m;
    }

    private static String wire(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
