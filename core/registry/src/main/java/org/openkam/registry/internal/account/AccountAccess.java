package org.openkam.registry.internal.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
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
