package org.openkam.registry.internal.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;
import org.openkam.registry.internal.db.Transactions;

/**
 * Slows down password guessing: after {@code allowed} failures in a row a user name is locked, for a
 * period that doubles with every further failure (capped at a day). Kept in the database so every node
 * of a cluster counts the same failures; a success resets the count.
 */
final class LoginThrottle {

    private static final Duration MAX_LOCK = Duration.ofDays(1);
    private final Transactions transactions;
    private final int allowed;
    private final Duration firstLock;

    LoginThrottle(Transactions transactions, int allowed, Duration firstLock) {
        this.transactions = transactions;
        this.allowed = allowed;
        this.firstLock = firstLock;
    }

    /** True while the name is locked; no password is even checked then. */
    boolean locked(String username, Instant now) {
        Instant until = transactions.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT locked_until FROM login_throttle WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Rows.instant(rs, "locked_until") : null;
                }
            }
        });
        return until != null && until.isAfter(now);
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

    void failed(String username, Instant now) {
        try {
            transactions.write(tx -> {
                int failures;
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "SELECT failures FROM login_throttle WHERE username = ? FOR UPDATE")) {
                    ps.setString(1, username);
                    try (ResultSet rs = ps.executeQuery()) {
                        failures = rs.next() ? rs.getInt(1) + 1 : -1;
                    }
                }
                if (failures < 0) {
                    failures = 1;
                    try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO login_throttle "
                            + "(username, failures, locked_until, updated_at) VALUES (?, 1, ?, ?)")) {
                        ps.setString(1, username);
                        Rows.setInstant(ps, 2, lockUntil(now, failures));
                        Rows.setInstant(ps, 3, now);
                        ps.executeUpdate();
                    }
                    return null;
                }
                try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE login_throttle SET failures = ?, "
                        + "locked_until = ?, updated_at = ? WHERE username = ?")) {
                    ps.setInt(1, failures);
                    Rows.setInstant(ps, 2, lockUntil(now, failures));
                    Rows.setInstant(ps, 3, now);
                    ps.setString(4, username);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.duplicateKey()) {
                throw e;
            }
            failed(username, now); // another node inserted the first failure at the same moment
        }
    }

    void succeeded(String username) {
        transactions.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM login_throttle WHERE username = ?")) {
                ps.setString(1, username);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Instant lockUntil(Instant now, int failures) {
        Duration lock = lockAfter(failures);
        return lock.isZero() ? null : now.plus(lock);
    }
}
