package org.openkam.registry.internal.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.Violations;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.persistence.Tx;

/**
 * The account rules that need the database: the unit exists and the caller holds a role in it, the owner
 * may own accounts there. Answers are memoized for the transaction, so an import of many rows asks once
 * per unit and owner.
 */
public final class AccountRules {

    private final Tx tx;
    private final Caller caller;
    private final Map<String, Boolean> units = new HashMap<>();
    private final Map<String, Boolean> owners = new HashMap<>();
    private final Map<String, String> usernames = new HashMap<>();

    public AccountRules(Tx tx, Caller caller) {
        this.tx = tx;
        this.caller = caller;
    }

    /** Every violation of a normalized draft, the static rules included. */
    public Violations check(AccountDraft draft) throws SQLException {
        Violations v = draft.validate();
        String unit = draft.businessUnit();
        if (unit != null) {
            if (!caller.canRead(unit) || !unitExists(unit)) {
                v.add("businessUnit", "is not a business unit you hold a role in");
            } else if (!caller.canEdit(unit)) {
                v.add("businessUnit", "needs the key-account-manager or bu-admin role to add or change accounts");
            }
        }
        if (draft.owner() != null && unit != null && !mayOwn(draft.owner(), unit)) {
            v.add("owner", "must be an enabled user who is key account manager or bu-admin in the unit");
        }
        return v;
    }

    /** True if the unit exists and the caller may read it but not change its accounts. */
    public boolean readOnly(String unit) throws SQLException {
        return unit != null && caller.canRead(unit) && !caller.canEdit(unit) && unitExists(unit);
    }

    /** The draft with its owner given as a user id, if it was given as a username. */
    public AccountDraft withOwnerId(AccountDraft d) throws SQLException {
        String owner = userId(d.owner());
        if (java.util.Objects.equals(owner, d.owner())) {
            return d;
        }
        return new AccountDraft(d.businessUnit(), d.name(), d.legalName(), d.industry(), d.country(), d.region(),
                d.status(), d.tier(), owner, d.annualSales(), d.contributionMargin(), d.potential(), d.currency(),
                d.attributes());
    }

    /** The user id for a user id or a username, or the value itself if it names nobody. */
    public String userId(String idOrUsername) throws SQLException {
        if (idOrUsername == null) {
            return null;
        }
        String cached = usernames.get(idOrUsername);
        if (cached != null) {
            return cached;
        }
        String id = idOrUsername;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id FROM app_user WHERE id = ? OR username = ?")) {
            ps.setString(1, idOrUsername);
            ps.setString(2, idOrUsername.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    id = rs.getString(1);
                }
            }
        }
        usernames.put(idOrUsername, id);
        return id;
    }

    private boolean unitExists(String unit) throws SQLException {
        Boolean known = units.get(unit);
        if (known == null) {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM business_unit WHERE id = ?")) {
                ps.setString(1, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    known = rs.next();
                }
            }
            units.put(unit, known);
        }
        return known;
    }

    private boolean mayOwn(String userId, String unit) throws SQLException {
        String key = userId + '\u0000' + unit;
        Boolean known = owners.get(key);
        if (known == null) {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM app_user u WHERE u.id = ? "
                    + "AND u.enabled AND (u.admin OR EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id "
                    + "AND g.business_unit = ? AND g.role IN ('bu-admin', 'key-account-manager')))")) {
                ps.setString(1, userId);
                ps.setString(2, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    known = rs.next();
                }
            }
            owners.put(key, known);
        }
        return known;
    }
}
