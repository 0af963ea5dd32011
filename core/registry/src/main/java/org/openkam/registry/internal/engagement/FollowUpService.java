package org.openkam.registry.internal.engagement;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.engagement.EngagementEvents;
import org.openkam.api.engagement.FollowUp;
import org.openkam.api.engagement.FollowUpDraft;
import org.openkam.api.engagement.FollowUpItem;
import org.openkam.api.engagement.FollowUpQuery;
import org.openkam.api.engagement.FollowUpStatus;
import org.openkam.api.engagement.FollowUps;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.account.AccountAccess;
import org.openkam.registry.internal.account.ChildChanges;
import org.openkam.registry.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Follow-ups over the {@code follow_up} table, scoped through their account. Listings follow
 * {@link FollowUp#URGENCY} in SQL ({@link #URGENCY_ORDER}), so the list across accounts pages by keyset.
 */
@Component(service = FollowUps.class)
public final class FollowUpService implements FollowUps {

    private static final String KIND = "follow-up";
    /** Open before closed: the rank of {@link FollowUp#URGENCY}'s first key. */
    private static final String RANK = "CASE WHEN f.status = 'OPEN' THEN 0 ELSE 1 END";
    private static final String URGENCY_ORDER = " ORDER BY " + RANK + ", f.due_date, f.id";
    private static final String SELECT = "SELECT f.*, a.name AS account_name, a.business_unit AS account_unit "
            + "FROM follow_up f JOIN account a ON a.id = f.account_id";
    private static final String INSERT = "INSERT INTO follow_up (opportunity_id, plan_action_id, title, notes, "
            + "owner_id, due_date, status, completed_at, version, created_at, updated_at, account_id, id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE follow_up SET opportunity_id = ?, plan_action_id = ?, title = ?, "
            + "notes = ?, owner_id = ?, due_date = ?, status = ?, completed_at = ?, version = ?, created_at = ?, "
            + "updated_at = ? WHERE account_id = ? AND id = ?";
    private final Transactions transactions;

    @Activate
    public FollowUpService(@Reference Database database, @Reference EventAdmin events) {
        this.transactions = new Transactions(database.dataSource(), events);
    }

    @Override
    public List<FollowUp> list(Caller caller, String accountId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            List<FollowUp> out = new ArrayList<>();
            for (Row r : rows(tx, SELECT + " WHERE f.account_id = ?" + URGENCY_ORDER, List.of(accountId))) {
                out.add(r.followUp());
            }
            return out;
        });
    }

    @Override
    public FollowUp get(Caller caller, String accountId, String followUpId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return load(tx, accountId, followUpId);
        });
    }

    @Override
    public FollowUp create(Caller caller, String accountId, FollowUpDraft input) {
        FollowUpDraft d = withOwner(caller, input.normalized());
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            check(tx, accountId, unit, null, d);
            Instant now = Rows.now();
            FollowUp f = new FollowUp(Rows.newId(), accountId, d.opportunityId(), d.planActionId(),
                    d.title(), d.notes(), d.owner(), d.dueDate(), d.status(),
                    d.status() == FollowUpStatus.DONE ? now : null, 1, now, now);
            try (PreparedStatement ps = tx.connection().prepareStatement(INSERT)) {
                bind(ps, f);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, EngagementEvents.FOLLOW_UP_CHANGED, KIND, f.id(), accountId, unit, null,
                    auditFields(f));
            return f;
        });
    }

    @Override
    public FollowUp update(Caller caller, String accountId, String followUpId, long expectedVersion,
            FollowUpDraft input) {
        FollowUpDraft d = withOwner(caller, input.normalized());
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            FollowUp before = current(tx, accountId, followUpId, expectedVersion);
            check(tx, accountId, unit, before, d);
            Instant now = Rows.now();
            Instant completedAt = d.status() != FollowUpStatus.DONE ? null
                    : before.status() == FollowUpStatus.DONE ? before.completedAt() : now;
            FollowUp after = new FollowUp(followUpId, accountId, d.opportunityId(), d.planActionId(), d.title(),
                    d.notes(), d.owner(), d.dueDate(), d.status(), completedAt, before.version() + 1,
                    before.createdAt(), now);
            try (PreparedStatement ps = tx.connection().prepareStatement(UPDATE)) {
                bind(ps, after);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, EngagementEvents.FOLLOW_UP_CHANGED, KIND, followUpId, accountId, unit,
                    auditFields(before), auditFields(after));
            return after;
        });
    }

    @Override
    public void delete(Caller caller, String accountId, String followUpId, long expectedVersion) {
        transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            FollowUp before = current(tx, accountId, followUpId, expectedVersion);
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM follow_up WHERE id = ?")) {
                ps.setString(1, followUpId);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, EngagementEvents.FOLLOW_UP_CHANGED, KIND, followUpId, accountId, unit,
                    auditFields(before), null);
            return null;
        });
    }

    @Override
    public Page<FollowUpItem> due(Caller caller, FollowUpQuery q) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!caller.admin()) {
            if (caller.readableUnits().isEmpty()) {
                return new Page<>(List.of(), null, -1);
            }
            sql.append(" AND a.business_unit IN (").append(Rows.placeholders(caller.readableUnits().size()))
                    .append(')');
            params.addAll(caller.readableUnits());
        }
        if (q.businessUnit() != null) {
            sql.append(" AND a.business_unit = ?");
            params.add(q.businessUnit());
        }
        if (q.owner() != null) {
            sql.append(" AND f.owner_id = ?");
            params.add(q.owner());
        }
        if (q.status() != null) {
            sql.append(" AND f.status = ?");
            params.add(q.status().name());
        }
        if (q.overdue()) {
            sql.append(" AND f.status = 'OPEN' AND f.due_date < ?");
            params.add(q.today());
        }
        if (q.upcoming()) {
            sql.append(" AND f.status = 'OPEN' AND f.due_date >= ?");
            params.add(q.today());
        }
        if (q.cursor() != null) {
            Cursor after = Cursor.decode(q.cursor());
            sql.append(" AND (").append(RANK).append(" > ? OR (").append(RANK).append(" = ? AND (f.due_date > ? OR ")
                    .append("(f.due_date = ? AND f.id > ?))))");
            params.addAll(List.of(after.rank(), after.rank(), after.dueDate(), after.dueDate(), after.id()));
        }
        sql.append(URGENCY_ORDER).append(" LIMIT ").append(q.limit() + 1);
        return transactions.read(tx -> {
            List<FollowUpItem> items = new ArrayList<>();
            for (Row r : rows(tx, sql.toString(), params)) {
                items.add(r.item(q.today()));
            }
            String next = null;
            if (items.size() > q.limit()) {
                items.remove(items.size() - 1);
                next = Cursor.after(items.get(items.size() - 1).followUp());
            }
            return new Page<>(items, next, -1);
        });
    }

    @Override
    public List<FollowUpItem> overdue(Caller caller, String accountId, LocalDate today) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            List<FollowUpItem> out = new ArrayList<>();
            for (Row r : rows(tx, SELECT + " WHERE f.account_id = ? AND f.status = 'OPEN' AND f.due_date < ?"
                    + URGENCY_ORDER, List.of(accountId, today))) {
                out.add(r.item(today));
            }
            return out;
        });
    }

    /** The owner defaults to the caller: most follow-ups are notes to oneself. */
    private static FollowUpDraft withOwner(Caller caller, FollowUpDraft d) {
        return d.owner() != null ? d : new FollowUpDraft(d.opportunityId(), d.planActionId(), d.title(), d.notes(),
                caller.userId(), d.dueDate(), d.status());
    }

    /**
     * The draft's rules, an owner who may work in the unit, and an opportunity and a plan action of this very account,
     * each checked when the follow-up gets them (one whose action was replaced since stays editable).
     */
    private static void check(Tx tx, String accountId, String unit, FollowUp before, FollowUpDraft d)
            throws SQLException {
        Violations v = d.validate();
        if (d.opportunityId() != null && (before == null || !Objects.equals(before.opportunityId(), d.opportunityId()))
                && !exists(tx, "SELECT 1 FROM opportunity WHERE id = ? AND account_id = ?", d.opportunityId(),
                        accountId)) {
            v.add("opportunityId", "is not an opportunity of this account");
        }
        if (d.planActionId() != null && (before == null || !Objects.equals(before.planActionId(), d.planActionId()))
                && !exists(tx, "SELECT 1 FROM plan_action a JOIN account_plan p ON p.id = a.plan_id "
                        + "WHERE a.id = ? AND p.account_id = ?", d.planActionId(), accountId)) {
            v.add("planActionId", "is not an action of a plan of this account");
        }
        if (d.owner() != null && (before == null || !Objects.equals(before.owner(), d.owner()))
                && !UnitUsers.mayWork(tx, d.owner(), unit)) {
            v.add("owner", "must be the user id of an enabled user with a role in business unit " + unit);
        }
        v.throwIfAny();
    }

    private static boolean exists(Tx tx, String sql, String id, String accountId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static FollowUp current(Tx tx, String accountId, String followUpId, long expectedVersion)
            throws SQLException {
        FollowUp f = load(tx, accountId, followUpId);
        if (f.version() != expectedVersion) {
            throw new StaleVersionException(KIND, followUpId, expectedVersion, f.version());
        }
        return f;
    }

    private static FollowUp load(Tx tx, String accountId, String followUpId) throws SQLException {
        List<Row> found = rows(tx, SELECT + " WHERE f.account_id = ? AND f.id = ?", List.of(accountId, followUpId));
        if (found.isEmpty()) {
            throw new NotFoundException(KIND, followUpId);
        }
        return found.get(0).followUp();
    }

    /** A follow-up with its account's name and unit. */
    private record Row(FollowUp followUp, String accountName, String businessUnit) {
        FollowUpItem item(LocalDate today) {
            return new FollowUpItem(followUp, accountName, businessUnit, followUp.daysOverdue(today));
        }
    }

    private static List<Row> rows(Tx tx, String sql, List<Object> params) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    FollowUp f = new FollowUp(rs.getString("id"), rs.getString("account_id"),
                            rs.getString("opportunity_id"), rs.getString("plan_action_id"), rs.getString("title"),
                            rs.getString("notes"), rs.getString("owner_id"), rs.getObject("due_date", LocalDate.class),
                            FollowUpStatus.valueOf(rs.getString("status")), Rows.instant(rs, "completed_at"),
                            rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
                    out.add(new Row(f, rs.getString("account_name"), rs.getString("account_unit")));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, FollowUp f) throws SQLException {
        ps.setString(1, f.opportunityId());
        ps.setString(2, f.planActionId());
        ps.setString(3, f.title());
        ps.setString(4, f.notes());
        ps.setString(5, f.owner());
        ps.setObject(6, f.dueDate());
        ps.setString(7, f.status().name());
        Rows.setInstant(ps, 8, f.completedAt());
        ps.setLong(9, f.version());
        Rows.setInstant(ps, 10, f.createdAt());
        Rows.setInstant(ps, 11, f.updatedAt());
        ps.setString(12, f.accountId());
        ps.setString(13, f.id());
    }

    /** The fields the audit trail compares, as text; the status as on the wire, as the closing of linked ones writes it. */
    private static Map<String, String> auditFields(FollowUp f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", f.title());
        m.put("notes", f.notes());
        m.put("owner", f.owner());
        m.put("dueDate", f.dueDate().toString());
        m.put("status", f.status().name().toLowerCase(Locale.ROOT));
        m.put("opportunityId", f.opportunityId());
        m.put("planActionId", f.planActionId());
        return m;
    }

    /** The keyset position after a follow-up in urgency order. */
    private record Cursor(int rank, LocalDate dueDate, String id) {

        static String after(FollowUp f) {
            String raw = (f.status() == FollowUpStatus.OPEN ? 0 : 1) + "|" + f.dueDate() + "|" + f.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\\|", 3);
                return new Cursor(Integer.parseInt(parts[0]), LocalDate.parse(parts[1]), parts[2]);
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a cursor this listing returned");
            }
        }
    }
}
