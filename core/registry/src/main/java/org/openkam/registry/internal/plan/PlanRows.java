package org.openkam.registry.internal.plan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.NotFoundException;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Strategy;

/**
 * Plans in their tables: the plan row, and its objective, strategy and action rows in plan order. A plan's
 * tree is always read and written whole; writing replaces the rows, which keeps their ids.
 */
final class PlanRows {

    private static final String BY_PLAN = "plan_id = ?";
    private static final String BY_ACCOUNT = "plan_id IN (SELECT id FROM account_plan WHERE account_id = ?)";

    private PlanRows() {
    }

    /** The plan of the account, or {@link NotFoundException}. */
    static AccountPlan load(Tx tx, String accountId, String planId) throws SQLException {
        List<AccountPlan> found = headers(tx, "account_id = ? AND id = ?", accountId, planId);
        if (found.isEmpty()) {
            throw new NotFoundException("plan", planId);
        }
        return withTrees(tx, found, BY_PLAN, planId).get(0);
    }

    /** The account's plans, latest period first. */
    static List<AccountPlan> all(Tx tx, String accountId) throws SQLException {
        return withTrees(tx, headers(tx, "account_id = ?", accountId), BY_ACCOUNT, accountId);
    }

    /** The account's active plans other than {@code planId} whose period overlaps {@code period}, without trees. */
    static List<AccountPlan> activeOverlapping(Tx tx, String accountId, String planId, PlanPeriod period)
            throws SQLException {
        List<AccountPlan> out = new ArrayList<>();
        for (AccountPlan p : headers(tx, "account_id = ? AND status = 'ACTIVE' AND id <> ?", accountId, planId)) {
            if (p.period().overlaps(period)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The ids of the account's active plans, each with its period, latest period first. */
    static Map<String, PlanPeriod> activePeriods(Tx tx, String accountId) throws SQLException {
        Map<String, PlanPeriod> out = new LinkedHashMap<>();
        for (AccountPlan p : headers(tx, "account_id = ? AND status = 'ACTIVE'", accountId)) {
            out.put(p.id(), p.period());
        }
        return out;
    }

    /** {@link #activePeriods(Tx, String)} of at most a few hundred accounts in one query, by account id. */
    static Map<String, Map<String, PlanPeriod>> activePeriods(Tx tx, List<String> accountIds) throws SQLException {
        Map<String, Map<String, PlanPeriod>> out = new HashMap<>();
        if (!accountIds.isEmpty()) {
            for (AccountPlan p : headers(tx, "account_id IN (" + Rows.placeholders(accountIds.size())
                    + ") AND status = 'ACTIVE'", accountIds.toArray(String[]::new))) {
                out.computeIfAbsent(p.accountId(), k -> new LinkedHashMap<>()).put(p.id(), p.period());
            }
        }
        return out;
    }

    static void insert(Tx tx, AccountPlan p) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO account_plan (title, period_start, "
                + "period_end, status, relationship_stage, swot, version, created_at, updated_at, updated_by, "
                + "account_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, p);
            ps.executeUpdate();
        }
        insertTree(tx, p);
    }

    static void update(Tx tx, AccountPlan p) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE account_plan SET title = ?, "
                + "period_start = ?, period_end = ?, status = ?, relationship_stage = ?, swot = ?, version = ?, "
                + "created_at = ?, updated_at = ?, updated_by = ? WHERE account_id = ? AND id = ?")) {
            bind(ps, p);
            ps.executeUpdate();
        }
        for (String table : List.of("plan_action", "plan_strategy", "plan_objective")) {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM " + table + " WHERE plan_id = ?")) {
                ps.setString(1, p.id());
                ps.executeUpdate();
            }
        }
        insertTree(tx, p);
    }

    static void delete(Tx tx, String planId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM account_plan WHERE id = ?")) {
            ps.setString(1, planId);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, AccountPlan p) throws SQLException {
        ps.setString(1, p.title());
        date(ps, 2, p.period().start());
        date(ps, 3, p.period().end());
        ps.setString(4, p.status().name());
        ps.setString(5, p.relationshipStage().name());
        ps.setString(6, PlanJson.swot(p.swot()));
        ps.setLong(7, p.version());
        Rows.setInstant(ps, 8, p.createdAt());
        Rows.setInstant(ps, 9, p.updatedAt());
        ps.setString(10, p.updatedBy());
        ps.setString(11, p.accountId());
        ps.setString(12, p.id());
    }

    private static void insertTree(Tx tx, AccountPlan p) throws SQLException {
        try (PreparedStatement objectives = tx.connection().prepareStatement("INSERT INTO plan_objective (id, plan_id, "
                + "seq, description, metric, baseline_value, target_value, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement strategies = tx.connection().prepareStatement("INSERT INTO plan_strategy (id, "
                        + "plan_id, objective_id, seq, description) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement actions = tx.connection().prepareStatement("INSERT INTO plan_action (id, plan_id, "
                        + "strategy_id, seq, description, owner_id, due_date, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int objectiveSeq = 0;
            int strategySeq = 0;
            int actionSeq = 0;
            for (Objective o : p.objectives()) {
                objectives.setString(1, o.id());
                objectives.setString(2, p.id());
                objectives.setInt(3, objectiveSeq++);
                objectives.setString(4, o.description());
                objectives.setString(5, o.metric());
                objectives.setBigDecimal(6, o.baseline());
                objectives.setBigDecimal(7, o.target());
                date(objectives, 8, o.dueDate());
                objectives.addBatch();
                for (Strategy s : o.strategies()) {
                    strategies.setString(1, s.id());
                    strategies.setString(2, p.id());
                    strategies.setString(3, o.id());
                    strategies.setInt(4, strategySeq++);
                    strategies.setString(5, s.description());
                    strategies.addBatch();
                    for (PlanAction a : s.actions()) {
                        actions.setString(1, a.id());
                        actions.setString(2, p.id());
                        actions.setString(3, s.id());
                        actions.setInt(4, actionSeq++);
                        actions.setString(5, a.description());
                        actions.setString(6, a.owner());
                        date(actions, 7, a.dueDate());
                        actions.setString(8, a.status().name());
                        actions.addBatch();
                    }
                }
            }
            objectives.executeBatch();
            strategies.executeBatch();
            actions.executeBatch();
        }
    }

    private static List<AccountPlan> headers(Tx tx, String where, String... params) throws SQLException {
        List<AccountPlan> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM account_plan WHERE " + where
                + " ORDER BY period_start DESC, created_at DESC, id")) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AccountPlan(rs.getString("id"), rs.getString("account_id"), rs.getString("title"),
                            new PlanPeriod(date(rs, "period_start"), date(rs, "period_end")),
                            PlanStatus.valueOf(rs.getString("status")),
                            RelationshipStage.valueOf(rs.getString("relationship_stage")),
                            PlanJson.swot(rs.getString("swot")), List.of(), rs.getLong("version"),
                            Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getString("updated_by")));
                }
            }
        }
        return out;
    }

    /** The plans with their objective trees, read in three queries for all of them. */
    private static List<AccountPlan> withTrees(Tx tx, List<AccountPlan> plans, String where, String param)
            throws SQLException {
        if (plans.isEmpty()) {
            return plans;
        }
        Map<String, List<PlanAction>> actionsByStrategy = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM plan_action WHERE " + where
                + " ORDER BY seq")) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actionsByStrategy.computeIfAbsent(rs.getString("strategy_id"), k -> new ArrayList<>())
                            .add(new PlanAction(rs.getString("id"), rs.getString("description"),
                                    rs.getString("owner_id"), date(rs, "due_date"),
                                    ActionStatus.valueOf(rs.getString("status"))));
                }
            }
        }
        Map<String, List<Strategy>> strategiesByObjective = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM plan_strategy WHERE " + where
                + " ORDER BY seq")) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    strategiesByObjective.computeIfAbsent(rs.getString("objective_id"), k -> new ArrayList<>())
                            .add(new Strategy(id, rs.getString("description"), actionsByStrategy.get(id)));
                }
            }
        }
        Map<String, List<Objective>> objectivesByPlan = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM plan_objective WHERE " + where
                + " ORDER BY seq")) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    objectivesByPlan.computeIfAbsent(rs.getString("plan_id"), k -> new ArrayList<>())
                            .add(new Objective(id, rs.getString("description"), rs.getString("metric"),
                                    AccountDraft.canonical(rs.getBigDecimal("baseline_value")),
                                    AccountDraft.canonical(rs.getBigDecimal("target_value")), date(rs, "due_date"),
                                    strategiesByObjective.get(id)));
                }
            }
        }
        return plans.stream().map(p -> new AccountPlan(p.id(), p.accountId(), p.title(), p.period(), p.status(),
                p.relationshipStage(), p.swot(), objectivesByPlan.get(p.id()), p.version(), p.createdAt(),
                p.updatedAt(), p.updatedBy())).toList();
    }

    static void date(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, value);
        }
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
