package org.openkam.registry.internal.plan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.Violations;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.AccountPlans;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.PlanEvents;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanReview;
import org.openkam.api.plan.PlanReviewDraft;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.PlanSummary;
import org.openkam.api.plan.PlanVersion;
import org.openkam.api.plan.Strategy;
import org.openkam.registry.internal.account.AccountAccess;
import org.openkam.registry.internal.engagement.UnitUsers;
import org.openkam.registry.internal.audit.AuditLog;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.followup.OpenFollowUps;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Account plans over the {@code account_plan} tables. Every change locks the account row first, so the
 * rule of one active plan per account and day holds under concurrent writers on any number of nodes.
 */
@Component(service = AccountPlans.class)
public final class PlanService implements AccountPlans {

    static final String PLAN = "account-plan";
    static final String REVIEW = "plan-review";
    private final Transactions transactions;

    @Activate
    public PlanService(@Reference Database database, @Reference EventAdmin events) {
        this.transactions = new Transactions(database.dataSource(), events);
    }

    @Override
    public List<AccountPlan> list(Caller caller, String accountId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return PlanRows.all(tx, accountId);
        });
    }

    @Override
    public AccountPlan get(Caller caller, String accountId, String planId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return PlanRows.load(tx, accountId, planId);
        });
    }

    @Override
    public AccountPlan create(Caller caller, String accountId, AccountPlanDraft input) {
        AccountPlanDraft d = PlanIds.fresh(input.normalized());
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Violations v = d.validate();
            requireOwners(tx, unit, d, null, v);
            v.throwIfAny();
            String planId = Rows.newId();
            requireSingleActive(tx, accountId, planId, d);
            Instant now = Rows.now();
            AccountPlan plan = new AccountPlan(planId, accountId, d.title(), d.period(), d.status(),
                    d.relationshipStage(), d.swot(), d.objectives(), 1, now, now, caller.userId());
            PlanRows.insert(tx, plan);
            changed(tx, caller, unit, PlanEvents.CREATED, null, plan);
            return plan;
        });
    }

    @Override
    public AccountPlan update(Caller caller, String accountId, String planId, long expectedVersion,
            AccountPlanDraft input, boolean closeFollowUps) {
        AccountPlanDraft d = input.normalized();
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            AccountPlan before = current(tx, accountId, planId, expectedVersion);
            Violations v = d.validate();
            PlanIds.requireKnown(before, d, v);
            requireOwners(tx, unit, d, before, v);
            v.throwIfAny();
            AccountPlanDraft filled = PlanIds.filled(d);
            if (filled.equals(before.toDraft())) {
                return before;
            }
            requireSingleActive(tx, accountId, planId, filled);
            AccountPlan after = new AccountPlan(planId, accountId, filled.title(), filled.period(), filled.status(),
                    filled.relationshipStage(), filled.swot(), filled.objectives(), before.version() + 1,
                    before.createdAt(), Rows.now(), caller.userId());
            PlanHistory.keep(tx, before);
            PlanRows.update(tx, after);
            if (closeFollowUps) {
                closeFollowUpsOfFinishedActions(tx, caller, unit, before, after);
            }
            changed(tx, caller, unit, PlanEvents.UPDATED, before, after);
            return after;
        });
    }

    @Override
    public void delete(Caller caller, String accountId, String planId, long expectedVersion) {
        transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            AccountPlan before = current(tx, accountId, planId, expectedVersion);
            if (before.status() == PlanStatus.ACTIVE) {
                throw new ConflictException("status", "an active plan cannot be deleted; archive it first");
            }
            PlanRows.delete(tx, planId);
            changed(tx, caller, unit, PlanEvents.DELETED, before, null);
            return null;
        });
    }

    @Override
    public PlanReview addReview(Caller caller, String accountId, String planId, PlanReviewDraft input) {
        PlanReviewDraft d = input.normalized();
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            requirePlan(tx, accountId, planId);
            d.validate().throwIfAny();
            PlanReview review = new PlanReview(Rows.newId(), planId, d.reviewDate(), d.rating(),
                    d.notes(), d.nextReviewDate(), caller.userId(), Rows.now());
            ReviewRows.insert(tx, review);
            AuditLog.record(tx, caller, REVIEW, review.id(), accountId, unit, null, fields(review));
            post(tx, caller, unit, accountId, planId, PlanEvents.REVIEWED, Map.of(PlanEvents.REVIEW_ID, review.id()));
            return review;
        });
    }

    @Override
    public List<PlanReview> reviews(Caller caller, String accountId, String planId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            requirePlan(tx, accountId, planId);
            return ReviewRows.of(tx, planId);
        });
    }

    @Override
    public List<PlanVersion> versions(Caller caller, String accountId, String planId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            List<PlanVersion> out = new ArrayList<>();
            out.add(PlanHistory.current(PlanRows.load(tx, accountId, planId)));
            out.addAll(PlanHistory.earlier(tx, planId));
            return out;
        });
    }

    @Override
    public PlanVersion version(Caller caller, String accountId, String planId, long version) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            AccountPlan current = PlanRows.load(tx, accountId, planId);
            if (version == current.version()) {
                return PlanHistory.current(current);
            }
            PlanVersion earlier = PlanHistory.earlier(tx, planId, version);
            if (earlier == null) {
                throw new NotFoundException("version", version + " of plan " + planId);
            }
            return earlier;
        });
    }

    @Override
    public Optional<AccountPlan> active(Caller caller, String accountId, LocalDate on) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return Optional.ofNullable(active(tx, accountId, on));
        });
    }

    @Override
    public Optional<PlanSummary> activeSummary(Caller caller, String accountId, LocalDate today) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            AccountPlan plan = active(tx, accountId, today);
            return plan == null ? Optional.empty()
                    : Optional.of(PlanSummary.of(plan, ReviewRows.latest(tx, plan.id()), today));
        });
    }

    /** One query per 500 accounts for access and for the active plans' periods, then a load per chosen plan. */
    @Override
    public Map<String, AccountPlan> active(Caller caller, Collection<String> accountIds, LocalDate on) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(accountIds));
        return transactions.read(tx -> {
            Map<String, AccountPlan> out = new HashMap<>();
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                Set<String> readable = AccountAccess.readable(tx, caller, chunk);
                Map<String, Map<String, PlanPeriod>> periods = PlanRows.activePeriods(tx, List.copyOf(readable));
                for (Map.Entry<String, Map<String, PlanPeriod>> e : periods.entrySet()) {
                    out.put(e.getKey(), PlanRows.load(tx, e.getKey(), chosen(e.getValue(), on)));
                }
            }
            return out;
        });
    }

    /** The active plan whose period contains {@code on}, else the one with the latest period, else null. */
    private static AccountPlan active(Tx tx, String accountId, LocalDate on) throws SQLException {
        Map<String, PlanPeriod> active = PlanRows.activePeriods(tx, accountId);
        return active.isEmpty() ? null : PlanRows.load(tx, accountId, chosen(active, on));
    }

    /** Of active plans latest period first: the one whose period contains {@code on}, else the first. */
    private static String chosen(Map<String, PlanPeriod> active, LocalDate on) {
        for (Map.Entry<String, PlanPeriod> e : active.entrySet()) {
            if (e.getValue().contains(on)) {
                return e.getKey();
            }
        }
        return active.keySet().iterator().next();
    }

    private static AccountPlan current(Tx tx, String accountId, String planId, long expectedVersion)
            throws SQLException {
        AccountPlan plan = PlanRows.load(tx, accountId, planId);
        if (plan.version() != expectedVersion) {
            throw new StaleVersionException("plan", planId, expectedVersion, plan.version());
        }
        return plan;
    }

    private static void requirePlan(Tx tx, String accountId, String planId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT 1 FROM account_plan WHERE account_id = ? AND id = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, planId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("plan", planId);
                }
            }
        }
    }

    /** An active plan must not share a day with another active plan of the account. */
    private static void requireSingleActive(Tx tx, String accountId, String planId, AccountPlanDraft d)
            throws SQLException {
        if (d.status() != PlanStatus.ACTIVE) {
            return;
        }
        List<AccountPlan> clashing = PlanRows.activeOverlapping(tx, accountId, planId, d.period());
        if (!clashing.isEmpty()) {
            AccountPlan other = clashing.get(0);
            throw new ConflictException("status", "plan '" + other.title() + "' (" + other.period()
                    + ") is already active for an overlapping period; archive it or change the periods first");
        }
    }

    /**
     * Action owners must be enabled users with a role in the account's unit. Only owners the draft assigns anew are
     * checked, so a plan keeps its history of actions owned by users disabled or moved since.
     */
    private static void requireOwners(Tx tx, String unit, AccountPlanDraft d, AccountPlan before, Violations v)
            throws SQLException {
        Map<String, String> ownerBefore = new HashMap<>();
        if (before != null) {
            before.actions().forEach(a -> ownerBefore.put(a.id(), a.owner()));
        }
        Map<String, Boolean> enabled = new HashMap<>();
        List<Objective> os = d.objectives();
        for (int i = 0; i < os.size(); i++) {
            List<Strategy> ss = os.get(i).strategies();
            for (int j = 0; j < ss.size(); j++) {
                List<PlanAction> as = ss.get(j).actions();
                for (int k = 0; k < as.size(); k++) {
                    PlanAction a = as.get(k);
                    if (a.owner() == null || (a.id() != null && a.owner().equals(ownerBefore.get(a.id())))) {
                        continue;
                    }
                    Boolean ok = enabled.get(a.owner());
                    if (ok == null) {
                        ok = UnitUsers.mayWork(tx, a.owner(), unit);
                        enabled.put(a.owner(), ok);
                    }
                    if (!ok) {
                        v.add("objectives[" + i + "].strategies[" + j + "].actions[" + k + "].owner",
                                "must be the user id of an enabled user with a role in business unit " + unit);
                    }
                }
            }
        }
    }

    /** Closes the open follow-ups of every action this update made done. */
    private static void closeFollowUpsOfFinishedActions(Tx tx, Caller caller, String unit, AccountPlan before,
            AccountPlan after) throws SQLException {
        Map<String, ActionStatus> was = new HashMap<>();
        before.actions().forEach(a -> was.put(a.id(), a.status()));
        for (PlanAction a : after.actions()) {
            if (a.status() == ActionStatus.DONE && was.get(a.id()) != ActionStatus.DONE) {
                OpenFollowUps.close(tx, caller, after.accountId(), unit, OpenFollowUps.Link.PLAN_ACTION, a.id());
            }
        }
    }

    private static void changed(Tx tx, Caller caller, String unit, String action, AccountPlan before,
            AccountPlan after) throws SQLException {
        AccountPlan plan = after == null ? before : after;
        AuditLog.record(tx, caller, PLAN, plan.id(), plan.accountId(), unit, before == null ? null : fields(before),
                after == null ? null : fields(after));
        post(tx, caller, unit, plan.accountId(), plan.id(), action, Map.of());
    }

    private static void post(Tx tx, Caller caller, String unit, String accountId, String planId, String action,
            Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(extra);
        properties.put(AccountEvents.ACCOUNT_ID, accountId);
        properties.put(AccountEvents.BUSINESS_UNIT, unit);
        properties.put(AccountEvents.ENTITY_ID, planId);
        properties.put(AccountEvents.ACTOR, caller.userId());
        properties.put(AccountEvents.ACTION, action);
        tx.post(PlanEvents.PLAN_CHANGED, properties);
    }

    /**
     * What the audit trail keeps of a plan: its headline figures, not the whole tree (the versions keep that).
     * The version is among them, so every update is recorded even if it changed only texts in the tree.
     */
    private static Map<String, String> fields(AccountPlan p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", Long.toString(p.version()));
        f.put("title", p.title());
        f.put("period", p.period().toString());
        f.put("status", wire(p.status()));
        f.put("relationshipStage", wire(p.relationshipStage()));
        f.put("objectives", Integer.toString(p.objectives().size()));
        f.put("actions", Integer.toString(p.actions().size()));
        f.put("completion", Integer.toString(p.completion()));
        return f;
    }

    private static Map<String, String> fields(PlanReview r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("planId", r.planId());
        f.put("reviewDate", r.reviewDate().toString());
        f.put("rating", Integer.toString(r.rating()));
        f.put("nextReviewDate", r.nextReviewDate() == null ? null : r.nextReviewDate().toString());
        f.put("notes", r.notes());
        return f;
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
