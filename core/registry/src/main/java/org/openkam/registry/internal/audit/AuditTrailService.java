package org.openkam.registry.internal.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.ValidationException;
import org.openkam.api.audit.AuditEntry;
import org.openkam.api.audit.AuditTrail;
import org.openkam.api.audit.FieldChange;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.account.AccountAccess;
import org.openkam.registry.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.reflect.TypeToken;

/** Reads the audit trail, an account's or the whole, newest first, paged by sequence number. */
@Component(service = AuditTrail.class)
public final class AuditTrailService implements AuditTrail {

    private static final java.lang.reflect.Type CHANGES = new TypeToken<List<FieldChange>>() { }.getType();
    private final Transactions transactions;

    @Activate
    public AuditTrailService(@Reference Database database) {
        this.transactions = new Transactions(database.dataSource(), null);
    }

    @Override
    public Page<AuditEntry> forAccount(Caller caller, String accountId, int limit, String cursor) {
        long before = parseCursor(cursor);
        return transactions.read(tx -> {
            readable(tx, caller, accountId);
            return page(tx, "account_id = ?", accountId, before, limit);
        });
    }

    @Override
    public Page<AuditEntry> all(Caller caller, String entityType, int limit, String cursor) {
        if (!caller.admin()) {
            throw new AccessDeniedException("the whole audit trail is for global administrators");
        }
        long before = parseCursor(cursor);
        return transactions.read(tx -> entityType == null ? page(tx, null, null, before, limit)
                : page(tx, "entity_type = ?", entityType, before, limit));
    }

    /** Entries matching {@code condition} (one parameter, or none), newest first, from before {@code seq}. */
    private static Page<AuditEntry> page(Tx tx, String condition, String value, long before, int limit)
            throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM audit_entry WHERE "
                + (condition == null ? "" : condition + " AND ") + "seq < ? ORDER BY seq DESC LIMIT ?")) {
            int i = 1;
            if (condition != null) {
                ps.setString(i++, value);
            }
            ps.setLong(i++, before);
            ps.setInt(i, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong("seq"));
                    List<FieldChange> changes = AuditLog.GSON.fromJson(rs.getString("changes"), CHANGES);
                    entries.add(new AuditEntry(rs.getString("id"), rs.getString("entity_type"),
                            rs.getString("entity_id"), rs.getString("account_id"), rs.getString("business_unit"),
                            rs.getString("action"), rs.getString("actor"), rs.getString("actor_name"),
                            Rows.instant(rs, "occurred_at"), changes));
                }
            }
        }
        if (entries.size() <= limit) {
            return new Page<>(entries, null, -1);
        }
        return new Page<>(entries.subList(0, limit), Long.toString(seqs.get(limit - 1)), -1);
    }

    /** A live account by its unit; a deleted one by the unit its last audit entry names. */
    private static void readable(Tx tx, Caller caller, String accountId) throws SQLException {
        try {
            AccountAccess.readable(tx, caller, accountId);
            return;
        } catch (NotFoundException e) {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT business_unit FROM audit_entry "
                    + "WHERE account_id = ? AND entity_type = 'account' ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !caller.canRead(rs.getString(1))) {
                        throw e;
                    }
                }
            }
        }
    }

    private static long parseCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "is not a cursor this listing returned");
        }
    }
}
