package org.openkam.registry.internal.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.audit.FieldChange;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

import com.google.gson.Gson;

/**
 * Writes audit entries inside the transaction of the change they record, so a change and its record
 * commit or roll back together. A batch serves bulk changes such as imports with one statement.
 */
public final class AuditLog implements AutoCloseable {

    static final Gson GSON = new Gson();
    private final PreparedStatement insert;
    private final Caller caller;
    private final Instant at = Rows.now();

    /** A batch of entries by one caller in one transaction; close it to write them. */
    public AuditLog(Tx tx, Caller caller) throws SQLException {
        this.caller = caller;
        this.insert = tx.connection().prepareStatement("INSERT INTO audit_entry (id, entity_type, entity_id, "
                + "account_id, business_unit, action, actor, actor_name, occurred_at, changes) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Records one change in a transaction. */
    public static void record(Tx tx, Caller caller, String entityType, String entityId, String accountId,
            String businessUnit, Map<String, String> before, Map<String, String> after) throws SQLException {
        try (AuditLog log = new AuditLog(tx, caller)) {
            log.add(entityType, entityId, accountId, businessUnit, before, after);
        }
    }

    /**
     * Records an event that changes no record, such as a sign-in: {@code action} names it ({@code signed-in}), the
     * actor is given since there may be no caller yet, {@code details} are kept as field values.
     */
    public static void event(Tx tx, String actorId, String actorName, String entityType, String entityId, String action,
            Map<String, String> details) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO audit_entry (id, entity_type, "
                + "entity_id, account_id, business_unit, action, actor, actor_name, occurred_at, changes) "
                + "VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)")) {
            ps.setString(1, Rows.newId());
            ps.setString(2, entityType);
            ps.setString(3, entityId);
            ps.setString(4, action);
            ps.setString(5, actorId);
            ps.setString(6, actorName);
            Rows.setInstant(ps, 7, Rows.now());
            ps.setString(8, GSON.toJson(diff(null, details)));
            ps.executeUpdate();
        }
    }

    /**
     * Adds a change of one entity. {@code before} or {@code after} is {@code null} for a creation or a
     * deletion; fields are compared as text and an update that changes nothing is not recorded.
     */
    public void add(String entityType, String entityId, String accountId, String businessUnit,
            Map<String, String> before, Map<String, String> after) throws SQLException {
        String action = before == null ? "created" : after == null ? "deleted" : "updated";
        List<FieldChange> changes = diff(before, after);
        if (changes.isEmpty() && "updated".equals(action)) {
            return;
        }
        insert.setString(1, Rows.newId());
        insert.setString(2, entityType);
        insert.setString(3, entityId);
        insert.setString(4, accountId);
        insert.setString(5, businessUnit);
        insert.setString(6, action);
        insert.setString(7, caller.userId());
        insert.setString(8, caller.username());
        Rows.setInstant(insert, 9, at);
        insert.setString(10, GSON.toJson(changes));
        insert.addBatch();
    }

    /** Writes the entries added so far. */
    public void flush() throws SQLException {
        insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            insert.close();
        }
    }

    /** The fields whose text differs, in the order the entity lists them. */
    public static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        Map<String, String> b = before == null ? Map.of() : before;
        Map<String, String> a = after == null ? Map.of() : after;
        Set<String> fields = new LinkedHashSet<>(b.keySet());
        fields.addAll(a.keySet());
        List<FieldChange> out = new ArrayList<>();
        for (String f : fields) {
            String was = b.get(f);
            String now = a.get(f);
            if (!Objects.equals(was, now)) {
                out.add(new FieldChange(f, was, now));
            }
        }
        return out;
    }
}
