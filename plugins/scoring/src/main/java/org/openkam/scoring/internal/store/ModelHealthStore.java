package org.openkam.scoring.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;
import org.openkam.api.persistence.Tx;
import org.openkam.api.scoring.ModelState;

/** Model health in {@code scoring_model_state}: every node reads the same quarantine. */
public final class ModelHealthStore {

    private final Database database;

    public ModelHealthStore(Database database) {
        this.database = database;
    }

    public List<ModelHealthRecord> all() {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM scoring_model_state");
                    ResultSet rs = ps.executeQuery()) {
                List<ModelHealthRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ModelHealthRecord(rs.getString("model_id"), rs.getString("model_version"),
                            ModelState.valueOf(rs.getString("state")), rs.getInt("failures"), rs.getString("reason"),
                            Rows.instant(rs, "changed_at")));
                }
                return out;
            }
        });
    }

    /** Writes a model version's health, replacing what was stored. */
    public void put(ModelHealthRecord r) {
        try {
            database.write(tx -> {
                if (update(tx, r) == 0) {
                    try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO scoring_model_state "
                            + "(state, failures, reason, changed_at, model_id, model_version) VALUES (?, ?, ?, ?, ?, ?)")) {
                        bind(ps, r);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.duplicateKey()) {
                throw e;
            }
            // another node inserted it meanwhile: ours is the later word (a new transaction, as PostgreSQL
            // gives up on one after a failed statement)
            database.write(tx -> update(tx, r));
        }
    }

    private static int update(Tx tx, ModelHealthRecord r) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE scoring_model_state SET state = ?, "
                + "failures = ?, reason = ?, changed_at = ? WHERE model_id = ? AND model_version = ?")) {
            bind(ps, r);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, ModelHealthRecord r) throws SQLException {
        ps.setString(1, r.state().name());
        ps.setInt(2, r.failures());
        ps.setString(3, Rows.cut(r.reason(), 1000));
        Rows.setInstant(ps, 4, r.changedAt());
        ps.setString(5, r.modelId());
        ps.setString(6, r.modelVersion());
    }
}
