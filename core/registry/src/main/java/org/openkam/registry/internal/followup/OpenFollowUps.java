package org.openkam.registry.internal.followup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.engagement.EngagementEvents;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.audit.AuditLog;

/**
 * Closes the open follow-ups of a closed opportunity or a finished plan action, in the caller's
 * transaction, audited and posted, for the services that close those when the caller asks them to.
 */
public final class OpenFollowUps {

    /** What a follow-up links to. */
    public enum Link {
        OPPORTUNITY("opportunity_id"), PLAN_ACTION("plan_action_id");

        private final String column;

        Link(String column) {
            this.column = column;
        }
    }

    private OpenFollowUps() {
    }

    /** Marks every open follow-up linked to {@code linkId} done; returns how many it closed. */
    public static int close(Tx tx, Caller caller, String accountId, String businessUnit, Link link, String linkId)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id FROM follow_up WHERE account_id = ? AND "
                + link.column + " = ? AND status = 'OPEN' FOR UPDATE")) {
            ps.setString(1, accountId);
            ps.setString(2, linkId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = Rows.now();
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE follow_up SET status = 'DONE', "
                + "completed_at = ?, version = version + 1, updated_at = ? WHERE id = ?");
                AuditLog audit = new AuditLog(tx, caller)) {
            for (String id : ids) {
                Rows.setInstant(ps, 1, now);
                Rows.setInstant(ps, 2, now);
                ps.setString(3, id);
                ps.addBatch();
                audit.add("follow-up", id, accountId, businessUnit, status("open"), status("done"));
                tx.post(EngagementEvents.FOLLOW_UP_CHANGED, Map.of(AccountEvents.ACCOUNT_ID, accountId,
                        AccountEvents.ENTITY_ID, id, AccountEvents.BUSINESS_UNIT, businessUnit, AccountEvents.ACTOR,
                        caller.userId(), AccountEvents.ACTION, "updated"));
            }
            ps.executeBatch();
        }
        return ids.size();
    }

    private static Map<String, String> status(String value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", value);
        return m;
    }
}
