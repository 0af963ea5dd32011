package org.openkam.registry.internal.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

/**
 * What a request's credential stands for: an API token or a console session read with its user and the user's
 * grants in one query, every request. Nothing is cached, so a revoked token, a deleted session, a disabled user or a
 * changed grant counts at the next request on every node sharing the database; one query keeps that cheap.
 *
 * @param caller    the user as a caller; null if the user is disabled
 * @param expiresAt when the credential ends, or null for a token without end
 * @param lastUsed  the token's recorded last use (null for a session or a token never used)
 * @param csrf      the session's CSRF token (null for a token)
 */
record Bearer(Caller caller, Instant expiresAt, Instant lastUsed, String csrf) {

    private static final String USER = "u.id, u.username, u.admin, u.enabled, g.business_unit, g.role FROM %s "
            + "JOIN app_user u ON u.id = c.user_id LEFT JOIN role_grant g ON g.user_id = u.id WHERE c.token_hash = ?";
    private static final String TOKEN = "SELECT c.last_used_at, c.expires_at, " + USER.formatted("api_token c");
    private static final String SESSION = "SELECT c.csrf_token, c.expires_at, " + USER.formatted("user_session c");

    /** The API token with this hash, or null. */
    static Bearer token(Tx tx, String hash) throws SQLException {
        return read(tx, TOKEN, hash, true);
    }

    /** The console session with this hash, or null. */
    static Bearer session(Tx tx, String hash) throws SQLException {
        return read(tx, SESSION, hash, false);
    }

    private static Bearer read(Tx tx, String sql, String hash, boolean token) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Instant expires = Rows.instant(rs, "expires_at");
                Instant lastUsed = token ? Rows.instant(rs, "last_used_at") : null;
                String csrf = token ? null : rs.getString("csrf_token");
                String id = rs.getString("id");
                String username = rs.getString("username");
                boolean admin = rs.getBoolean("admin");
                boolean enabled = rs.getBoolean("enabled");
                Map<String, Set<Role>> grants = new HashMap<>();
                do {
                    String unit = rs.getString("business_unit");
                    if (unit != null) {
                        Role.fromKey(rs.getString("role")).ifPresent(
                                role -> grants.computeIfAbsent(unit, k -> EnumSet.noneOf(Role.class)).add(role));
                    }
                } while (rs.next());
                return new Bearer(enabled ? new Caller(id, username, admin, grants) : null, expires, lastUsed, csrf);
            }
        }
    }
}
