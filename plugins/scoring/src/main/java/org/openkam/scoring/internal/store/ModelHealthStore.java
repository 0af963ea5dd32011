package org.openkam.scoring.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.openkam.api.scoring.ModelState;

/** Model health in {@code scoring_model_state}: every node reads the same quarantine. */
public final class ModelHealthStore {

    private final DataSource dataSource;

    public ModelHealthStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ModelHealthRecord> all() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM scoring_model_state");
                ResultSet rs = ps.executeQuery()) {
            List<ModelHealthRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ModelHealthRecord(rs.getString("model_id"), rs.getString("model_version"),
                        ModelState.valueOf(rs.getString("state")), rs.getInt("failures"), rs.getString("reason"),
                        Jdbc.instant(rs, "changed_at")));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading model states failed", e);
        }
    }

    /** Writes a model version's health, replacing what was stored. */
    public void put(ModelHealthRecord r) {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE scoring_model_state SET state = ?, failures = ?, "
                    + "reason = ?, changed_at = ? WHERE model_id = ? AND model_version = ?")) {
                bind(ps, r);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO scoring_model_state (state, failures, "
                        + "reason, changed_at, model_id, model_version) VALUES (?, ?, ?, ?, ?, ?)")) {
                    bind(ps, r);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    // another node inserted it meanwhile: ours is the later word
                    try (PreparedStatement ps = c.prepareStatement("UPDATE scoring_model_state SET state = ?, "
                            + "failures = ?, reason = ?, changed_at = ? WHERE model_id = ? AND model_version = ?")) {
                        bind(ps, r);
                        if (ps.executeUpdate() == 0) {
                            throw e;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("storing the state of model " + r.modelId() + " failed", e);
        }
    }

    private static void bind(PreparedStatement ps, ModelHealthRecord r) throws SQLException {
        ps.setString(1, r.state().name());
        ps.setInt(2, r.failures());
        ps.setString(3, Jdbc.cut(r.reason(), 1000));
        Jdbc.setInstant(ps, 4, r.changedAt());
        ps.setString(5, r.modelId());
        ps.setString(6, r.modelVersion());
    }
}
