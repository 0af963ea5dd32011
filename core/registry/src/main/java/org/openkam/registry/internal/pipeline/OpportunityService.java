package org.openkam.registry.internal.pipeline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.Violations;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OpportunityClosing;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.OpportunityStatus;
import org.openkam.api.pipeline.PipelineEvents;
import org.openkam.api.pipeline.PipelineStage;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.pipeline.StagePipeline;
import org.openkam.registry.internal.account.AccountAccess;
import org.openkam.registry.internal.audit.AuditLog;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.followup.OpenFollowUps;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Opportunities over the {@code opportunity} table, scoped through their account. Every change locks the
 * account row first, like contacts and teams, so changes to one account's opportunities serialize.
 */
@Component(service = Opportunities.class)
public final class OpportunityService implements Opportunities {

    static final String KIND = "opportunity";
    /** Open ones first by expected close date; then closed ones, most recently closed first. */
    static final Comparator<Opportunity> ORDER = Comparator.comparing((Opportunity o) -> !o.isOpen())
            .thenComparing(o -> o.isOpen() ? o.expectedCloseDate().toEpochDay() : -o.closedAt().toEpochMilli())
            .thenComparing(Opportunity::name).thenComparing(Opportunity::id);
    private final Transactions transactions;
    private final PipelineStages stages;

    @Activate
    public OpportunityService(@Reference Database database, @Reference EventAdmin events,
            @Reference PipelineStages stages) {
        this.transactions = new Transactions(database.dataSource(), events);
        this.stages = stages;
    }

    @Override
    public List<PipelineStage> stages() {
        return stages.stages();
    }

    @Override
    public List<Opportunity> list(Caller caller, String accountId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return load(tx, accountId, false);
        });
    }

    @Override
    public List<Opportunity> open(Caller caller, String accountId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return load(tx, accountId, true);
        });
    }

    @Override
    public PipelineSummary summary(Caller caller, String accountId) {
        return PipelineSummary.of(open(caller, accountId));
    }

    /** One query per 500 accounts; the account's unit decides whether the caller reads it. */
    @Override
    public Map<String, List<Opportunity>> open(Caller caller, Collection<String> accountIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(accountIds));
        return transactions.read(tx -> {
            Map<String, List<Opportunity>> open = new HashMap<>();
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                try (PreparedStatement ps = tx.connection().prepareStatement("SELECT o.*, a.business_unit AS "
                        + "account_unit FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.status = "
                        + "'OPEN' AND o.account_id IN (" + Rows.placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (caller.canRead(rs.getString("account_unit"))) {
                                Opportunity o = OpportunityRows.map(rs);
                                open.computeIfAbsent(o.accountId(), k -> new ArrayList<>()).add(o);
                            }
                        }
                    }
                }
            }
            open.values().forEach(list -> list.sort(ORDER));
            return open;
        });
    }

    @Override
    public Map<String, PipelineSummary> summaries(Caller caller, Collection<String> accountIds) {
        Map<String, PipelineSummary> out = new HashMap<>();
        open(caller, accountIds).forEach((id, list) -> out.put(id, PipelineSummary.of(list)));
        return out;
    }

    @Override
    public List<StagePipeline> pipelineByStage(Caller caller, String businessUnit, String owner) {
        List<PipelineStage> configured = stages.stages();
        StringBuilder sql = new StringBuilder("SELECT o.stage, o.currency, o.amount, o.probability FROM opportunity o "
                + "JOIN account a ON a.id = o.account_id WHERE o.status = 'OPEN'");
        List<String> params = new ArrayList<>();
        if (!caller.admin()) {
            if (caller.readableUnits().isEmpty()) {
                return StageTotals.of(configured, new TreeMap<>());
            }
            sql.append(" AND a.business_unit IN (").append(Rows.placeholders(caller.readableUnits().size())).append(')');
            params.addAll(caller.readableUnits());
        }
        if (businessUnit != null) {
            sql.append(" AND a.business_unit = ?");
            params.add(businessUnit);
        }
        if (owner != null) {
            sql.append(" AND o.owner_id = ?");
            params.add(owner);
        }
        return transactions.read(tx -> {
            Map<String, StageTotals> totals = new TreeMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        totals.computeIfAbsent(rs.getString(1), StageTotals::new)
                                .add(rs.getString(2), rs.getBigDecimal(3), rs.getInt(4));
                    }
                }
            }
            return StageTotals.of(configured, totals);
        });
    }

    @Override
    public Opportunity get(Caller caller, String accountId, String opportunityId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return load(tx, accountId, opportunityId);
        });
    }

    @Override
    public Opportunity create(Caller caller, String accountId, OpportunityDraft input) {
        OpportunityDraft d = input.normalized();
        List<PipelineStage> configured = stages.stages();
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            String owner = d.owner() == null ? caller.userId() : d.owner();
            check(tx, d, owner, null, unit, configured);
            Instant now = Rows.now();
            Opportunity o = from(Rows.newId(), accountId, d, owner, configured, 1, now, now);
            try (PreparedStatement ps = tx.connection().prepareStatement(OpportunityRows.INSERT)) {
                OpportunityRows.bind(ps, o);
                ps.executeUpdate();
            }
            record(tx, caller, PipelineEvents.CREATED, o, unit, null, Map.of());
            return o;
        });
    }

    @Override
    public Opportunity update(Caller caller, String accountId, String opportunityId, long expectedVersion,
            OpportunityDraft input) {
        OpportunityDraft d = input.normalized();
        List<PipelineStage> configured = stages.stages();
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Opportunity before = current(tx, accountId, opportunityId, expectedVersion);
            if (!before.isOpen()) {
                throw new ConflictException("status", "opportunity " + opportunityId + " is "
                        + OpportunityRows.wire(before.status()) + "; a closed opportunity cannot be changed");
            }
            String owner = d.owner() == null ? before.owner() : d.owner();
            check(tx, d, owner, before.owner(), unit, configured);
            Opportunity after = from(opportunityId, accountId, d, owner, configured, before.version() + 1,
                    before.createdAt(), Rows.now());
            write(tx, after);
            record(tx, caller, PipelineEvents.UPDATED, after, unit, before, Map.of());
            return after;
        });
    }

    @Override
    public Opportunity close(Caller caller, String accountId, String opportunityId, long expectedVersion,
            OpportunityClosing input) {
        OpportunityClosing c = input.normalized();
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Opportunity before = current(tx, accountId, opportunityId, expectedVersion);
            c.validate().throwIfAny();
            if (!before.isOpen()) {
                throw new ConflictException("status", "opportunity " + opportunityId + " is already "
                        + OpportunityRows.wire(before.status()));
            }
            Instant now = Rows.now();
            boolean won = c.status() == OpportunityStatus.WON;
            Opportunity after = new Opportunity(before.id(), accountId, before.name(), before.description(),
                    before.value(), before.currency(), before.stage(), won ? 100 : 0, null, before.expectedCloseDate(),
                    c.status(), c.closeReason(), now, before.nextStep(), before.nextStepDue(), before.ourPosition(),
                    before.competitors(), before.owner(), before.version() + 1, before.createdAt(), now);
            write(tx, after);
            int closedFollowUps = c.closeFollowUps()
                    ? OpenFollowUps.close(tx, caller, accountId, unit, OpenFollowUps.Link.OPPORTUNITY, opportunityId)
                    : 0;
            record(tx, caller, PipelineEvents.CLOSED, after, unit, before,
                    Map.of(PipelineEvents.CLOSED_FOLLOW_UPS, closedFollowUps));
            return after;
        });
    }

    @Override
    public void delete(Caller caller, String accountId, String opportunityId, long expectedVersion) {
        transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Opportunity before = current(tx, accountId, opportunityId, expectedVersion);
            unlinkFollowUps(tx, caller, accountId, unit, opportunityId);
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM opportunity WHERE account_id = ? AND id = ?")) {
                ps.setString(1, accountId);
                ps.setString(2, opportunityId);
                ps.executeUpdate();
            }
            record(tx, caller, PipelineEvents.DELETED, before, unit, before, Map.of());
            return null;
        });
    }

    /**
     * Every rule, the ones that need the database included. The owner is checked when it is set, not on
     * every later edit, so an opportunity stays editable after its owner left the unit.
     */
    private static void check(Tx tx, OpportunityDraft d, String owner, String ownerBefore, String unit,
            List<PipelineStage> configured) throws SQLException {
        Violations v = d.validate(configured);
        if (!owner.equals(ownerBefore) && owner.length() <= 64 && !mayOwn(tx, owner, unit)) {
            v.add("owner", "must be an enabled user who is key account manager or bu-admin in the account's unit");
        }
        v.throwIfAny();
    }

    private static boolean mayOwn(Tx tx, String userId, String unit) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM app_user u WHERE u.id = ? "
                + "AND u.enabled AND (u.admin OR EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id "
                + "AND g.business_unit = ? AND g.role IN ('bu-admin', 'key-account-manager')))")) {
            ps.setString(1, userId);
            ps.setString(2, unit);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Opportunity from(String id, String accountId, OpportunityDraft d, String owner,
            List<PipelineStage> configured, long version, Instant createdAt, Instant updatedAt) {
        return new Opportunity(id, accountId, d.name(), d.description(), d.value(), d.currency(), d.stage(),
                d.effectiveProbability(configured), null, d.expectedCloseDate(), OpportunityStatus.OPEN, null, null,
                d.nextStep(), d.nextStepDue(), d.ourPosition(), d.competitors(), owner, version, createdAt, updatedAt);
    }

    private static void write(Tx tx, Opportunity o) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(OpportunityRows.UPDATE)) {
            OpportunityRows.bind(ps, o);
            ps.executeUpdate();
        }
    }

    /** Audits the change in the transaction and queues its event; {@code before} is null for a creation. */
    private static void record(Tx tx, Caller caller, String action, Opportunity o, String unit, Opportunity before,
            Map<String, Object> extra) throws SQLException {
        boolean deleted = PipelineEvents.DELETED.equals(action);
        AuditLog.record(tx, caller, KIND, o.id(), o.accountId(), unit,
                before == null ? null : OpportunityRows.auditFields(before),
                deleted ? null : OpportunityRows.auditFields(o));
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put(AccountEvents.ACCOUNT_ID, o.accountId());
        properties.put(AccountEvents.BUSINESS_UNIT, unit);
        properties.put(AccountEvents.ENTITY_ID, o.id());
        properties.put(AccountEvents.ACTION, action);
        properties.put(AccountEvents.ACTOR, caller.userId());
        properties.put(PipelineEvents.STATUS, OpportunityRows.wire(o.status()));
        tx.post(PipelineEvents.OPPORTUNITY_CHANGED, properties);
    }

    /** Follow-ups outlive a deleted opportunity as tasks of the account, no longer linked to it. */
    private static void unlinkFollowUps(Tx tx, Caller caller, String accountId, String unit, String opportunityId)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id FROM follow_up WHERE account_id = ? AND opportunity_id = ? FOR UPDATE")) {
            ps.setString(1, accountId);
            ps.setString(2, opportunityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Instant now = Rows.now();
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE follow_up SET opportunity_id = NULL, "
                + "version = version + 1, updated_at = ? WHERE id = ?");
                AuditLog audit = new AuditLog(tx, caller)) {
            for (String id : ids) {
                Rows.setInstant(ps, 1, now);
                ps.setString(2, id);
                ps.addBatch();
                audit.add("follow-up", id, accountId, unit, link(opportunityId), link(null));
            }
            ps.executeBatch();
        }
    }

    private static Map<String, String> link(String opportunityId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("opportunityId", opportunityId);
        return m;
    }

    private static Opportunity current(Tx tx, String accountId, String opportunityId, long expectedVersion)
            throws SQLException {
        Opportunity o = load(tx, accountId, opportunityId);
        if (o.version() != expectedVersion) {
            throw new StaleVersionException(KIND, opportunityId, expectedVersion, o.version());
        }
        return o;
    }

    private static Opportunity load(Tx tx, String accountId, String opportunityId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM opportunity WHERE account_id = ? AND id = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, opportunityId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(KIND, opportunityId);
                }
                return OpportunityRows.map(rs);
            }
        }
    }

    private static List<Opportunity> load(Tx tx, String accountId, boolean openOnly) throws SQLException {
        List<Opportunity> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM opportunity WHERE account_id = ?"
                + (openOnly ? " AND status = 'OPEN'" : ""))) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(OpportunityRows.map(rs));
                }
            }
        }
        out.sort(ORDER);
        return out;
    }
}
