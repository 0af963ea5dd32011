package org.openkam.registry.internal.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.security.ApiToken;
import org.openkam.api.security.Authentication;
import org.openkam.api.security.IssuedToken;
import org.openkam.api.security.Session;
import org.openkam.registry.internal.audit.AuditLog;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.organization.PasswordHasher;
import org.openkam.registry.internal.organization.UserRows;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Sessions and API tokens in the database, stored as hashes of their secrets, so every node of a
 * cluster resolves them and a stolen database dump holds no usable secret.
 */
@Component(service = Authentication.class, configurationPid = "org.openkam.authentication")
@Designate(ocd = AuthenticationService.Config.class)
public final class AuthenticationService implements Authentication {

    @ObjectClassDefinition(name = "OpenKAM sign-in", description = "Console sessions")
    public @interface Config {

        @AttributeDefinition(name = "Session idle timeout (minutes)",
                description = "A console session ends after this long without a request", min = "5")
        int session_idle_minutes() default 480;

        @AttributeDefinition(name = "Failed sign-ins before a lock",
                description = "Failures in a row a user name may have from one client address before sign-in from "
                        + "that address is paused; other addresses are only slowed down", min = "1")
        int login_failures_allowed() default 5;

        @AttributeDefinition(name = "First lock (seconds)",
                description = "How long the first pause of an address lasts; each further failure doubles it, up to a "
                        + "day", min = "1")
        int login_lock_seconds() default 60;
    }

    private final PasswordHasher hasher;
    /**
     * Verified when a user name is unknown, so a wrong name takes as long as a wrong password: at the work factor
     * of the users' passwords, so it costs the same; made without hashing, which kept the start waiting.
     */
    private final String dummyHash;
    private final Transactions transactions;
    private final Duration idle;
    private final LoginThrottle throttle;

    @Activate
    public AuthenticationService(@Reference Database database, Config config) {
        this(database, config, PasswordHasher.standard());
    }

    /** {@code hasher} sets the work factor of new password hashes: the product's, or a cheap one in tests. */
    public AuthenticationService(Database database, Config config, PasswordHasher hasher) {
        this.hasher = hasher;
        this.dummyHash = hasher.unmatchable();
        this.transactions = new Transactions(database.dataSource(), null);
        this.idle = Duration.ofMinutes(config.session_idle_minutes());
        this.throttle = new LoginThrottle(transactions, config.login_failures_allowed(),
                Duration.ofSeconds(config.login_lock_seconds()));
    }

    @Override
    public Optional<Session> login(String username, String password, String client) {
        if (username == null || password == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        if (throttle.locked(name, client, Rows.now())) {
            return Optional.empty();
        }
        pause(throttle.delay(name, Rows.now()));
        User user = transactions.read(tx -> UserRows.find(tx, "username", name));
        String hash = user == null || !user.enabled() ? null : transactions.read(tx -> UserRows.passwordHash(tx, user.id()));
        boolean ok = hasher.verify(password, hash == null ? dummyHash : hash) && hash != null;
        if (!ok) {
            if (user != null) {
                throttle.failed(name, client, Rows.now());
                audit(user, "sign-in-failed", client);
            }
            return Optional.empty();
        }
        throttle.succeeded(name, client);
        audit(user, "signed-in", client);
        String token = Secrets.random();
        String csrf = Secrets.random();
        Instant now = Rows.now();
        Instant expires = now.plus(idle);
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO user_session (token_hash, user_id, "
                    + "csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, Secrets.hash(token));
                ps.setString(2, user.id());
                ps.setString(3, csrf);
                Rows.setInstant(ps, 4, now);
                Rows.setInstant(ps, 5, expires);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM user_session WHERE expires_at < ?")) {
                Rows.setInstant(ps, 1, now);
                ps.executeUpdate();
            }
            return null;
        });
        return Optional.of(new Session(token, csrf, UserRows.caller(user), expires));
    }

    /** Sign-ins of known users, both outcomes, in the audit trail (an invented name is no one's event). */
    private void audit(User user, String action, String client) {
        transactions.write(tx -> {
            AuditLog.event(tx, user.id(), user.username(), "sign-in", user.id(), action,
                    Map.of("client", client == null ? "" : client));
            return null;
        });
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<Session> session(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        Instant now = Rows.now();
        Bearer session = transactions.read(tx -> Bearer.session(tx, hash));
        if (session == null || session.caller() == null || session.expiresAt().isBefore(now)) {
            return Optional.empty();
        }
        Instant expires = session.expiresAt();
        // Slide the expiry only when half the idle time has passed, to spare a write per request.
        if (Duration.between(now, expires).compareTo(idle.dividedBy(2)) < 0) {
            expires = now.plus(idle);
            Instant slid = expires;
            transactions.write(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "UPDATE user_session SET expires_at = ? WHERE token_hash = ?")) {
                    Rows.setInstant(ps, 1, slid);
                    ps.setString(2, hash);
                    return ps.executeUpdate();
                }
            });
        }
        return Optional.of(new Session(token, session.csrf(), session.caller(), expires));
    }

    @Override
    public void logout(String token) {
        if (token == null) {
            return;
        }
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM user_session WHERE token_hash = ?")) {
                ps.setString(1, Secrets.hash(token));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Caller> authenticateToken(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.hash(secret);
        Bearer token = transactions.read(tx -> Bearer.token(tx, hash));
        Instant now = Rows.now();
        if (token == null || token.caller() == null || token.expiresAt() != null && !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        // Last use is kept to the minute: enough for people, and no write per request.
        if (token.lastUsed() == null || token.lastUsed().isBefore(now.minusSeconds(60))) {
            transactions.write(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "UPDATE api_token SET last_used_at = ? WHERE token_hash = ?")) {
                    Rows.setInstant(ps, 1, now);
                    ps.setString(2, hash);
                    return ps.executeUpdate();
                }
            });
        }
        return Optional.of(token.caller());
    }

    @Override
    public IssuedToken createToken(Caller caller, String name, Instant expiresAt) {
        String clean = name == null ? null : name.strip();
        Instant now = Rows.now();
        Violations v = new Violations().required("name", clean, 100);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            v.add("expiresAt", "must be in the future");
        }
        v.throwIfAny();
        String secret = "okam_" + Secrets.random();
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), clean, caller.userId(), now, null, expiresAt);
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO api_token (id, user_id, name, "
                    + "token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, token.id());
                ps.setString(2, token.userId());
                ps.setString(3, token.name());
                ps.setString(4, Secrets.hash(secret));
                Rows.setInstant(ps, 5, token.createdAt());
                Rows.setInstant(ps, 6, expiresAt);
                ps.executeUpdate();
            }
            return null;
        });
        return new IssuedToken(token, secret);
    }

    @Override
    public void changePassword(Caller caller, String currentPassword, String newPassword, boolean revokeTokens,
            String keepSession) {
        Violations v = new Violations();
        if (currentPassword == null || currentPassword.isEmpty()) {
            v.add("currentPassword", "is required");
        }
        if (newPassword == null || newPassword.length() < UserDraft.MIN_PASSWORD || newPassword.length() > 256) {
            v.add("newPassword", "must be " + UserDraft.MIN_PASSWORD + " to 256 characters");
        }
        v.throwIfAny();
        String stored = transactions.read(tx -> UserRows.passwordHash(tx, caller.userId()));
        if (stored == null || !hasher.verify(currentPassword, stored)) {
            throw new ValidationException("currentPassword", "is not your current password");
        }
        String hash = hasher.hash(newPassword);
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE app_user SET password_hash = ?, "
                    + "version = version + 1, updated_at = ? WHERE id = ?")) {
                ps.setString(1, hash);
                Rows.setInstant(ps, 2, Rows.now());
                ps.setString(3, caller.userId());
                ps.executeUpdate();
            }
            // whoever holds another session (perhaps the reason for the change) is signed out
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM user_session WHERE user_id = ? AND token_hash <> ?")) {
                ps.setString(1, caller.userId());
                ps.setString(2, keepSession == null ? "" : Secrets.hash(keepSession));
                ps.executeUpdate();
            }
            if (revokeTokens) {
                try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM api_token WHERE user_id = ?")) {
                    ps.setString(1, caller.userId());
                    ps.executeUpdate();
                }
            }
            AuditLog.event(tx, caller.userId(), caller.username(), "user", caller.userId(), "password-changed",
                    Map.of("tokensRevoked", Boolean.toString(revokeTokens)));
            return null;
        });
    }

    @Override
    public List<ApiToken> tokens(Caller caller) {
        return transactions.read(tx -> {
            List<ApiToken> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT * FROM api_token WHERE user_id = ? ORDER BY created_at, id")) {
                ps.setString(1, caller.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ApiToken(rs.getString("id"), rs.getString("name"), rs.getString("user_id"),
                                Rows.instant(rs, "created_at"), Rows.instant(rs, "last_used_at"),
                                Rows.instant(rs, "expires_at")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void revokeToken(Caller caller, String tokenId) {
        int deleted = transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM api_token WHERE id = ? AND (user_id = ? OR ?)")) {
                ps.setString(1, tokenId);
                ps.setString(2, caller.userId());
                ps.setBoolean(3, caller.admin());
                return ps.executeUpdate();
            }
        });
        if (deleted == 0) {
            throw new NotFoundException("token", tokenId);
        }
    }
}
