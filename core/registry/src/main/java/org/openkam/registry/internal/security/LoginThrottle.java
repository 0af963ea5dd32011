package org.openkam.registry.internal.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;
import org.openkam.registry.internal.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing without handing anyone a way to lock a user out. Failures are counted per known user
 * name <em>and</em> client address: after {@code allowed} failures in a row that address is paused for the name, for a
 * period that doubles with every further failure (capped at a day), while the real user at another address can
 * still sign in, only a little slower ({@link #delay}) while the name is under attack. Unknown names are not counted
 * (no rows for invented names). Kept in the database so every node of a cluster counts the same failures; a success
 * resets the count of its address.
 */
final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration MAX_LOCK = Duration.ofDays(1);
    /** What a sign-in of a name under attack waits: enough to slow guessing, short enough for the real user. */
    private static final Duration ATTACKED_DELAY = Duration.ofSeconds(1);
    /** Failures older than this do not slow the name down any more. */
    private static final Duration ATTACK_WINDOW = Duration.ofHours(1);
    private static final int MAX_CLIENT = 100;
    private final Transactions transactions;
    private final int allowed;
    private final Duration firstLock;

    LoginThrottle(Transactions transactions, int allowed, Duration firstLock) {
        this.transactions = transactions;
        this.allowed = allowed;
        this.firstLock = firstLock;
    }

    /** True while this client is paused for the name; no password is even checked then. */
    boolean locked(String username, String client, Instant now) {
        Instant until = transactions.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT locked_until FROM login_throttle WHERE username = ? AND client = ?")) {
                ps.setString(1, username);
                ps.setString(2, key(client));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Rows.instant(rs, "locked_until") : null;
                }
            }
        });
        return until != null && until.isAfter(now);
    }

    /**
     * How long a sign-in of the name waits before its password is checked: {@link #ATTACKED_DELAY} while the name has
     * {@code allowed} or more recent failures from any addresses, else nothing.
     */
    Duration delay(String username, Instant now) {
        long failures = transactions.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT COALESCE(SUM(failures), 0) FROM login_throttle WHERE username = ? AND updated_at > ?")) {
                ps.setString(1, username);
                Rows.setInstant(ps, 2, now.minus(ATTACK_WINDOW));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return failures >= allowed ? ATTACKED_DELAY : Duration.ZERO;
    }

    /** Lock period after {@code failures} failures in a row: none up to the allowance, then doubling. */
    Duration lockAfter(int failures) {
        if (failures < allowed) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - allowed, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    /** Counts a failure of a known user name from this client, pausing the client when it has had its allowance. */
    void failed(String username, String client, Instant now) {
        String key = key(client);
        int failures;
        try {
            failures = transactions.write(tx -> {
                int count;
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "SELECT failures FROM login_throttle WHERE username = ? AND client = ? FOR UPDATE")) {
                    ps.setString(1, username);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        count = rs.next() ? rs.getInt(1) + 1 : -1;
                    }
                }
                if (count < 0) {
                    try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO login_throttle "
                            + "(username, client, failures, locked_until, updated_at) VALUES (?, ?, 1, ?, ?)")) {
                        ps.setString(1, username);
                        ps.setString(2, key);
                        Rows.setInstant(ps, 3, lockUntil(now, 1));
                        Rows.setInstant(ps, 4, now);
                        ps.executeUpdate();
                    }
                    return 1;
                }
                try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE login_throttle SET failures = ?, "
                        + "locked_until = ?, updated_at = ? WHERE username = ? AND client = ?")) {
                    ps.setInt(1, count);
                    Rows.setInstant(ps, 2, lockUntil(now, count));
                    Rows.setInstant(ps, 3, now);
                    ps.setString(4, username);
                    ps.setString(5, key);
                    ps.executeUpdate();
                }
                return count;
            });
        } catch (StoreException e) {
            if (!e.duplicateKey()) {
                throw e;
            }
            failed(username, client, now); // another node inserted the first failure at the same moment
            return;
        }
        Duration lock = lockAfter(failures);
        if (!lock.isZero()) {
            LOG.warn("Sign-in of user {} from {} is paused for {} s after {} failed attempts in a row; other addresses "
                    + "are slowed down only", username, key, lock.toSeconds(), failures);
        }
    }

    /** Resets the count of this client for the name. */
    void succeeded(String username, String client) {
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM login_throttle WHERE username = ? AND client = ?")) {
                ps.setString(1, username);
                ps.setString(2, key(client));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static String key(String client) {
        String c = client == null ? "" : client;
        return c.length() > MAX_CLIENT ? c.substring(0, MAX_CLIENT) : c;
    }

    private Instant lockUntil(Instant now, int failures) {
        Duration lock = lockAfter(failures);
        return lock.isZero() ? null : now.plus(lock);
    }
}
