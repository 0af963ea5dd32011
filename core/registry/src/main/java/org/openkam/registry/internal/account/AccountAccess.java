package org.openkam.registry.internal.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

/**
 * Business-unit scoping of everything that hangs off an account. An account outside the caller's units
 * is reported as not found, so its existence does not leak.
 */
public final class AccountAccess {

    private AccountAccess() {
    }

    /** The account's business unit, if the caller may read it. */
    public static String readable(Tx tx, Caller caller, String accountId) throws SQLException {
        String unit = unitOf(tx, accountId, false);
        if (unit == null || !caller.canRead(unit)) {
            throw new NotFoundException("account", accountId);
        }
        return unit;
    }

    /** The account's business unit, locked for the transaction, if the caller may change it. */
    public static String editable(Tx tx, Caller caller, String accountId) throws SQLException {
        String unit = unitOf(tx, accountId, true);
        if (unit == null || !caller.canRead(unit)) {
            throw new NotFoundException("account", accountId);
        }
        if (!caller.canEdit(unit)) {
            throw new AccessDeniedException("editing accounts of business unit " + unit
                    + " needs the key-account-manager or bu-admin role");
        }
        return unit;
    }

    /**
     * Which of at most a few hundred accounts the caller may read, as a filter for the reads by account id that
     * follow: one query, which leaves unknown ids out; for an administrator, who reads every unit, the ids as given
     * without a query (an unknown id then matches nothing in those reads). A scoring run reads its pages' work as
     * an administrator, and this query was a sixth of its thread.
     */
    public static Set<String> readable(Tx tx, Caller caller, List<String> accountIds) throws SQLException {
        if (caller.admin()) {
            return new HashSet<>(accountIds);
        }
        Set<String> out = new HashSet<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, business_unit FROM account WHERE id IN ("
                + Rows.placeholders(accountIds.size()) + ")")) {
            for (int i = 0; i < accountIds.size(); i++) {
                ps.setString(i + 1, accountIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (caller.canRead(rs.getString(2))) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static String unitOf(Tx tx, String accountId, boolean lock) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT business_unit FROM account WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
