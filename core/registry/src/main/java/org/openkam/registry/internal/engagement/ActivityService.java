package org.openkam.registry.internal.engagement;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.account.Contact;
import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.ActivityQuery;
import org.openkam.api.engagement.ActivityRecorded;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.CoordinationWarning;
import org.openkam.api.engagement.EngagementEvents;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.account.AccountAccess;
import org.openkam.registry.internal.account.ChildChanges;
import org.openkam.registry.internal.account.ContactRows;
import org.openkam.registry.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Activities over {@code activity}, {@code activity_contact} and {@code activity_participant}, scoped through
 * their account. Changing one locks the account row, so the coordination check sees every committed activity.
 */
@Component(service = Activities.class, configurationPid = ActivityService.PID)
@Designate(ocd = EngagementConfig.class)
public final class ActivityService implements Activities {

    public static final String PID = "org.openkam.engagement";
    private static final String KIND = "activity";
    /** How far a clock may run ahead before a done activity counts as lying in the future. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    private final Transactions transactions;
    private final Duration window;

    @Activate
    public ActivityService(@Reference Database database, @Reference EventAdmin events, EngagementConfig config) {
        this.transactions = new Transactions(database.dataSource(), events);
        this.window = Duration.ofDays(config.coordination_days());
    }

    @Override
    public Page<Activity> list(Caller caller, String accountId, ActivityQuery query) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            StringBuilder sql = new StringBuilder("SELECT * FROM activity WHERE account_id = ?");
            List<Object> params = new ArrayList<>(List.of(accountId));
            if (query.contactId() != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM activity_contact ac WHERE ac.activity_id = activity.id "
                        + "AND ac.contact_id = ?)");
                params.add(query.contactId());
            }
            if (query.type() != null) {
                sql.append(" AND activity_type = ?");
                params.add(query.type().name());
            }
            if (query.status() != null) {
                sql.append(" AND status = ?");
                params.add(query.status().name());
            }
            if (query.cursor() != null) {
                String[] after = decode(query.cursor());
                Object at = Instant.parse(after[0]).atOffset(ZoneOffset.UTC);
                sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
                params.addAll(List.of(at, at, after[1]));
            }
            sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(query.limit() + 1);
            List<Activity> items = new ArrayList<>(ActivityRows.query(tx, sql.toString(), params));
            String next = null;
            if (items.size() > query.limit()) {
                items.remove(items.size() - 1);
                Activity last = items.get(items.size() - 1);
                next = encode(last.occurredAt() + "\u0000" + last.id());
            }
            return new Page<>(items, next, -1);
        });
    }

    @Override
    public Activity get(Caller caller, String accountId, String activityId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return load(tx, accountId, activityId);
        });
    }

    @Override
    public ActivityRecorded create(Caller caller, String accountId, ActivityDraft input) {
        ActivityDraft d = withParticipants(caller, input.normalized());
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Instant now = Rows.now();
            check(tx, accountId, unit, null, d, now);
            Activity a = new Activity(Rows.newId(), accountId, d.type(), d.status(), d.subject(),
                    d.notes(), d.occurredAt(), d.contactIds(), d.participants(), caller.userId(), 1, now, now);
            try (PreparedStatement ps = tx.connection().prepareStatement(ActivityRows.INSERT)) {
                ActivityRows.bind(ps, a);
                ps.executeUpdate();
            }
            ActivityRows.writePeople(tx, a);
            ChildChanges.record(tx, caller, EngagementEvents.ACTIVITY_CHANGED, KIND, a.id(), accountId, unit, null,
                    ActivityRows.auditFields(a));
            return new ActivityRecorded(a, warnings(tx, a));
        });
    }

    @Override
    public ActivityRecorded update(Caller caller, String accountId, String activityId, long expectedVersion,
            ActivityDraft input) {
        ActivityDraft d = withParticipants(caller, input.normalized());
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Activity before = current(tx, accountId, activityId, expectedVersion);
            Instant now = Rows.now();
            check(tx, accountId, unit, before, d, now);
            Activity after = new Activity(activityId, accountId, d.type(), d.status(), d.subject(), d.notes(),
                    d.occurredAt(), d.contactIds(), d.participants(), before.createdBy(), before.version() + 1,
                    before.createdAt(), now);
            try (PreparedStatement ps = tx.connection().prepareStatement(ActivityRows.UPDATE)) {
                ActivityRows.bind(ps, after);
                ps.executeUpdate();
            }
            ActivityRows.writePeople(tx, after);
            ChildChanges.record(tx, caller, EngagementEvents.ACTIVITY_CHANGED, KIND, activityId, accountId, unit,
                    ActivityRows.auditFields(before), ActivityRows.auditFields(after));
            return new ActivityRecorded(after, warnings(tx, after));
        });
    }

    @Override
    public void delete(Caller caller, String accountId, String activityId, long expectedVersion) {
        transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Activity before = current(tx, accountId, activityId, expectedVersion);
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM activity WHERE id = ?")) {
                ps.setString(1, activityId);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, EngagementEvents.ACTIVITY_CHANGED, KIND, activityId, accountId, unit,
                    ActivityRows.auditFields(before), null);
            return null;
        });
    }

    @Override
    public List<CoordinationWarning> coordination(Caller caller, String accountId, String activityId,
            ActivityDraft input) {
        ActivityDraft d = withParticipants(caller, input.normalized());
        return transactions.read(tx -> {
            String unit = AccountAccess.readable(tx, caller, accountId);
            if (!caller.canEdit(unit)) {
                throw new AccessDeniedException("logging activities in business unit " + unit
                        + " needs the key-account-manager or bu-admin role");
            }
            Activity before = activityId == null ? null : load(tx, accountId, activityId);
            Instant now = Rows.now();
            check(tx, accountId, unit, before, d, now);
            // an id no stored activity has stands in for a new one
            Activity a = new Activity(activityId == null ? "" : activityId, accountId, d.type(), d.status(),
                    d.subject(), d.notes(), d.occurredAt(), d.contactIds(), d.participants(), caller.userId(), 0, now,
                    now);
            return warnings(tx, a);
        });
    }

    @Override
    public Optional<Activity> lastActivity(Caller caller, String accountId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return ActivityRows.query(tx, "SELECT * FROM activity WHERE account_id = ? AND status = 'DONE' "
                    + "ORDER BY occurred_at DESC, id DESC LIMIT 1", List.of(accountId)).stream().findFirst();
        });
    }

    /** Access and the latest done activity per account, a query each per 500 accounts. */
    @Override
    public Map<String, Activity> lastActivities(Caller caller, Collection<String> accountIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(accountIds));
        return transactions.read(tx -> {
            Map<String, Activity> out = new HashMap<>();
            for (int from = 0; from < ids.size(); from += 500) {
                List<Object> readable = List.copyOf(AccountAccess.readable(tx, caller,
                        ids.subList(from, Math.min(ids.size(), from + 500))));
                if (readable.isEmpty()) {
                    continue;
                }
                ActivityRows.query(tx, "SELECT * FROM (SELECT activity.*, ROW_NUMBER() OVER (PARTITION BY account_id "
                        + "ORDER BY occurred_at DESC, id DESC) AS latest FROM activity WHERE status = 'DONE' AND "
                        + "account_id IN (" + Rows.placeholders(readable.size()) + ")) done WHERE latest = 1", readable)
                        .forEach(a -> out.put(a.accountId(), a));
            }
            return out;
        });
    }

    /** Who took part defaults to the caller: logging your own call is the common case. */
    private static ActivityDraft withParticipants(Caller caller, ActivityDraft d) {
        return d.participants().isEmpty() ? new ActivityDraft(d.type(), d.status(), d.subject(), d.notes(),
                d.occurredAt(), d.contactIds(), List.of(caller.userId())) : d;
    }

    /**
     * Every rule of a normalized draft: its own, contacts of this account, participants who may work in the
     * unit (checked when they join, so one who left later does not block edits), and a done activity not
     * lying in the future.
     */
    private static void check(Tx tx, String accountId, String unit, Activity before, ActivityDraft d, Instant now)
            throws SQLException {
        Violations v = d.validate();
        Set<String> contacts = new HashSet<>();
        ContactRows.list(tx, accountId).forEach(c -> contacts.add(c.id()));
        for (String id : d.contactIds()) {
            if (!contacts.contains(id)) {
                v.add("contactIds", "'" + id + "' is not a contact of this account");
            }
        }
        for (String id : d.participants()) {
            if ((before == null || !before.participants().contains(id)) && !UnitUsers.mayWork(tx, id, unit)) {
                v.add("participants", "'" + id + "' is not an enabled user with a role in business unit " + unit);
            }
        }
        if (d.status() == ActivityStatus.DONE && d.occurredAt() != null
                && d.occurredAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            v.add("occurredAt", "must not lie in the future for a done activity; plan it (status planned) instead");
        }
        v.throwIfAny();
    }

    /** Other members' activities with the same people within the coordination window around this one. */
    private List<CoordinationWarning> warnings(Tx tx, Activity a) throws SQLException {
        if (window.isZero() || a.contactIds().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(a.accountId(), a.id(),
                a.occurredAt().minus(window).atOffset(ZoneOffset.UTC), a.occurredAt().plus(window).atOffset(ZoneOffset.UTC)));
        params.addAll(a.contactIds());
        List<Activity> others = ActivityRows.query(tx, "SELECT * FROM activity WHERE account_id = ? AND id <> ? "
                + "AND occurred_at >= ? AND occurred_at <= ? AND EXISTS (SELECT 1 FROM activity_contact ac "
                + "WHERE ac.activity_id = activity.id AND ac.contact_id IN ("
                + Rows.placeholders(a.contactIds().size()) + ")) ORDER BY occurred_at, id", params);
        if (others.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new HashMap<>();
        for (Contact c : ContactRows.list(tx, a.accountId())) {
            names.put(c.id(), c.name());
        }
        Set<String> memberIds = new HashSet<>();
        others.forEach(o -> memberIds.addAll(o.participants()));
        return Coordination.warnings(a, others, window, names, UnitUsers.members(tx, memberIds));
    }

    private static Activity current(Tx tx, String accountId, String activityId, long expectedVersion)
            throws SQLException {
        Activity a = load(tx, accountId, activityId);
        if (a.version() != expectedVersion) {
            throw new StaleVersionException(KIND, activityId, expectedVersion, a.version());
        }
        return a;
    }

    private static Activity load(Tx tx, String accountId, String activityId) throws SQLException {
        return ActivityRows.query(tx, "SELECT * FROM activity WHERE account_id = ? AND id = ?",
                List.of(accountId, activityId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(KIND, activityId));
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\u0000", 2);
            Instant.parse(parts[0]);
            if (parts.length == 2) {
                return parts;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new ValidationException("cursor", "is not a cursor this listing returned");
    }
}
