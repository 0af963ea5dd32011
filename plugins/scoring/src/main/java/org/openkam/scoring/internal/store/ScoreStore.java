package org.openkam.scoring.internal.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;
import org.openkam.api.persistence.Work;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.Score;

/**
 * The scores in {@code scoring_result} (every score ever, the history) and {@code scoring_current} (per model and
 * account the current one and the one to measure movement against: the score of the last full run before it).
 * A rescoring after a change becomes current without moving that reference, so movement always reads "since the
 * last run".
 */
public final class ScoreStore {

    private static final String COLUMNS = "model_id, model_version, account_id, business_unit, run_id, scored_at, "
            + "score, class_id, class_label, recommendation, explanation";
    private static final String POSITIONS = "SELECT " + prefixed("r", "") + ", " + prefixed("p", "p_")
            + " FROM scoring_current c JOIN scoring_result r ON r.id = c.current_id LEFT JOIN scoring_result p "
            + "ON p.id = c.previous_id";
    /**
     * A unit's placements after an account id, off the index on unit, model and account: the order names the whole
     * index, or H2 sorts what it read (asserted on H2).
     */
    static final String PLACEMENTS = "SELECT account_id, current_score, current_class FROM scoring_current "
            + "WHERE business_unit = ? AND model_id = ? AND account_id > ? AND current_score IS NOT NULL "
            + "AND current_class IS NOT NULL ORDER BY business_unit, model_id, account_id";
    private final Database database;

    public ScoreStore(Database database) {
        this.database = database;
    }

    /**
     * Stores scores in one transaction: each becomes its account's current score by its model; the previous one
     * becomes the latest score of a full run before it. At most one score per model and account. If another node
     * stored the first current score of one of these accounts meanwhile (two nodes starting a unit's first run
     * together), the transaction is tried once more, and then finds that score to move.
     */
    public void save(List<StoredScore> scores) {
        save(ScorePage.of(scores));
    }

    /** Stores a page made ready beforehand, as {@link #save(List)} does. */
    public void save(ScorePage page) {
        List<StoredScore> scores = page.scores();
        if (scores.isEmpty()) {
            return;
        }
        Work<Void> save = tx -> {
            moveCurrent(tx.connection(), scores, insertResults(tx.connection(), page));
            return null;
        };
        try {
            database.write(save);
        } catch (StoreException e) {
            if (!e.duplicateKey()) {
                throw e;
            }
            database.write(save);
        }
    }

    private static List<String> insertResults(Connection c, ScorePage page) throws SQLException {
        List<StoredScore> scores = page.scores();
        List<String> ids = new ArrayList<>(scores.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scoring_result (id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < scores.size(); i++) {
                StoredScore s = scores.get(i);
                String id = Rows.newId();
                ids.add(id);
                Score score = s.score();
                Classification cls = score == null ? null : score.classification();
                ps.setString(1, id);
                ps.setString(2, s.modelId());
                ps.setString(3, s.modelVersion());
                ps.setString(4, s.accountId());
                ps.setString(5, s.businessUnit());
                ps.setString(6, s.runId());
                Rows.setInstant(ps, 7, s.scoredAt());
                ps.setBigDecimal(8, score == null ? null : score.value());
                ps.setString(9, cls == null ? null : Rows.cut(cls.id(), 100));
                ps.setString(10, cls == null ? null : Rows.cut(cls.label(), 300));
                ps.setString(11, cls == null ? null : Rows.cut(cls.recommendation(), 1000));
                ps.setString(12, page.explanation(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return ids;
    }

    /**
     * Moves each account's current score (and, for a run's score, its latest run score) to the new one; the run
     * score before becomes the previous one. The values and cells move with the ids.
     */
    private static void moveCurrent(Connection c, List<StoredScore> scores, List<String> ids) throws SQLException {
        int[] updated = new int[scores.size()];
        String move = "UPDATE scoring_current SET previous_id = run_score_id, previous_score = run_score, "
                + "previous_class = run_class, current_id = ?, current_score = ?, current_class = ?, business_unit = ?";
        String where = " WHERE model_id = ? AND account_id = ?";
        try (PreparedStatement run = c.prepareStatement(move + ", run_score_id = ?, run_score = ?, run_class = ?"
                + where); PreparedStatement change = c.prepareStatement(move + where)) {
            List<Integer> inRun = new ArrayList<>();
            List<Integer> inChange = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) {
                StoredScore s = scores.get(i);
                boolean isRun = s.runId() != null;
                PreparedStatement ps = isRun ? run : change;
                int p = 1;
                p = setCurrent(ps, p, ids.get(i), s);
                ps.setString(p++, s.businessUnit());
                if (isRun) {
                    p = setCurrent(ps, p, ids.get(i), s);
                }
                ps.setString(p++, s.modelId());
                ps.setString(p, s.accountId());
                ps.addBatch();
                (isRun ? inRun : inChange).add(i);
            }
            executeInto(run, inRun, updated);
            executeInto(change, inChange, updated);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scoring_current (model_id, account_id, "
                + "business_unit, current_id, current_score, current_class, run_score_id, run_score, run_class, "
                + "previous_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
            boolean any = false;
            for (int i = 0; i < scores.size(); i++) {
                if (updated[i] == 0) {
                    StoredScore s = scores.get(i);
                    ps.setString(1, s.modelId());
                    ps.setString(2, s.accountId());
                    ps.setString(3, s.businessUnit());
                    setCurrent(ps, 4, ids.get(i), s);
                    if (s.runId() == null) {
                        ps.setString(7, null);
                        ps.setBigDecimal(8, null);
                        ps.setString(9, null);
                    } else {
                        setCurrent(ps, 7, ids.get(i), s);
                    }
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    /** A score's id, value and cell from the parameter at {@code first} on; the index after them. */
    private static int setCurrent(PreparedStatement ps, int first, String id, StoredScore s) throws SQLException {
        Score score = s.score();
        Classification cls = score == null ? null : score.classification();
        ps.setString(first, id);
        ps.setBigDecimal(first + 1, score == null ? null : score.value());
        ps.setString(first + 2, cls == null ? null : Rows.cut(cls.id(), 100));
        return first + 3;
    }

    private static void executeInto(PreparedStatement ps, List<Integer> positions, int[] updated)
            throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        int[] counts = ps.executeBatch();
        for (int k = 0; k < counts.length; k++) {
            updated[positions.get(k)] = counts[k];
        }
    }

    /** An account's current score by every model that scored it, by model id. */
    public List<StoredScore> current(String accountId) {
        return query("SELECT " + prefixed("r", "") + " FROM scoring_current c JOIN scoring_result r ON r.id = "
                + "c.current_id WHERE c.account_id = ? ORDER BY c.model_id", List.of(accountId), rs -> read(rs, ""));
    }

    /** The current scores by one model of the accounts, one query per 500 ids; unscored accounts are left out. */
    public List<StoredScore> current(String modelId, Collection<String> accountIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(accountIds));
        List<StoredScore> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<String> params = new ArrayList<>(2 * chunk.size());
            out.addAll(query("SELECT " + prefixed("r", "") + " FROM scoring_current c JOIN scoring_result r ON r.id = "
                    + "c.current_id WHERE " + keys(modelId, chunk, params), params, rs -> read(rs, "")));
        }
        return out;
    }

    /** An account's scores by one model, newest first. */
    public List<StoredScore> history(String accountId, String modelId, int limit) {
        return query("SELECT " + COLUMNS + " FROM scoring_result WHERE account_id = ? AND model_id = ? "
                + "ORDER BY scored_at DESC, id DESC LIMIT " + Math.max(1, limit), List.of(accountId, modelId),
                rs -> read(rs, ""));
    }

    private static Void position(ResultSet rs, Map<String, CurrentScore> out) throws SQLException {
        StoredScore current = read(rs, "");
        StoredScore previous = rs.getString("p_model_id") == null ? null : read(rs, "p_");
        out.put(current.accountId(), new CurrentScore(current, previous));
        return null;
    }

    /**
     * The current scores by one model of the accounts of these ids last scored in a unit (at most 500: a page of its
     * portfolio), each with the score of the last run before it, by account id. Accounts without a current score by
     * the model in this unit are left out.
     */
    public Map<String, CurrentScore> positions(String businessUnit, String modelId, Collection<String> accountIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(accountIds));
        if (ids.size() > 500) {
            throw new IllegalArgumentException("at most 500 accounts a read, not " + ids.size());
        }
        Map<String, CurrentScore> out = new TreeMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<String> params = new ArrayList<>(2 * ids.size());
        // the unit is checked on the rows read: the current score's unit is the row's (both written by one save)
        query(POSITIONS + " WHERE " + keys(modelId, ids, params), params, rs -> position(rs, out));
        out.values().removeIf(position -> !businessUnit.equals(position.current().businessUnit()));
        return out;
    }

    /**
     * The condition on whole keys of {@code scoring_current}'s primary key, its parameters added: H2 looks up an IN
     * list only on an index's first column, so "model_id = ? AND account_id IN (...)" read every current score of the
     * model for each few hundred accounts.
     */
    private static String keys(String modelId, List<String> accountIds, List<String> params) {
        for (String id : accountIds) {
            params.add(modelId);
            params.add(id);
        }
        return "(c.model_id, c.account_id) IN (" + String.join(", ", Collections.nCopies(accountIds.size(), "(?, ?)"))
                + ")";
    }

    /**
     * The placements by one model of a unit's accounts with an id after {@code afterAccountId} ({@code ""} for the
     * first), in id order, at most {@code limit}: the accounts whose current score has a value and a class. A page at
     * a time, so that a whole unit is read without holding it.
     */
    public List<Placement> placements(String businessUnit, String modelId, String afterAccountId, int limit) {
        return query(PLACEMENTS + " LIMIT " + Math.max(1, limit), List.of(businessUnit, modelId, afterAccountId),
                rs -> new Placement(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)));
    }

    /**
     * The ids of the accounts of a unit whose current score by the model differs from the score of the run before
     * it, in score or in class: the largest change of score first, then by account id; at most {@code limit}. The
     * database ranks them from the values kept beside the ids, so a unit's size costs a scan of one table, not
     * memory.
     */
    public List<String> movers(String businessUnit, String modelId, int limit) {
        return query("SELECT account_id FROM scoring_current WHERE business_unit = ? AND model_id = ? "
                + "AND current_score IS NOT NULL AND previous_score IS NOT NULL "
                + "AND (current_score <> previous_score OR current_class IS DISTINCT FROM previous_class) "
                + "ORDER BY ABS(current_score - previous_score) DESC, account_id LIMIT " + Math.max(1, limit),
                List.of(businessUnit, modelId), rs -> rs.getString(1));
    }

    /** Whether this version of a model scored an account of the unit in a full run, as its latest run score. */
    public boolean scoredInRun(String businessUnit, String modelId, String modelVersion) {
        return !query("SELECT 1 FROM scoring_current c JOIN scoring_result r ON r.id = c.run_score_id "
                + "WHERE c.business_unit = ? AND c.model_id = ? AND r.business_unit = ? AND r.model_version = ? "
                + "LIMIT 1", List.of(businessUnit, modelId, businessUnit, modelVersion), rs -> Boolean.TRUE).isEmpty();
    }

    private static String prefixed(String table, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String column : COLUMNS.split(", ")) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(table).append('.').append(column).append(" AS ").append(prefix).append(column);
        }
        return out.toString();
    }

    private static StoredScore read(ResultSet rs, String prefix) throws SQLException {
        BigDecimal value = rs.getBigDecimal(prefix + "score");
        Score score = null;
        if (value != null) {
            String classId = rs.getString(prefix + "class_id");
            Classification cls = classId == null ? null : new Classification(classId,
                    rs.getString(prefix + "class_label"), rs.getString(prefix + "recommendation"));
            score = Explanation.read(value, cls, rs.getString(prefix + "explanation"));
        }
        return new StoredScore(rs.getString(prefix + "model_id"), rs.getString(prefix + "model_version"),
                rs.getString(prefix + "account_id"), rs.getString(prefix + "business_unit"),
                rs.getString(prefix + "run_id"), Rows.instant(rs, prefix + "scored_at"), score);
    }

    /** Maps each row; a mapper may return {@code null} to collect nothing. */
    private <T> List<T> query(String sql, List<String> params, Row<T> mapper) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        T item = mapper.map(rs);
                        if (item != null) {
                            out.add(item);
                        }
                    }
                }
                return out;
            }
        });
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
