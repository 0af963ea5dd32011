package org.openkam.registry.internal.account;

import java.sql.SQLException;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.audit.AuditLog;

/** Audits a change to something that belongs to an account and queues its event. */
public final class ChildChanges {

    private ChildChanges() {
    }

    public static void record(Tx tx, Caller caller, String topic, String kind, String entityId, String accountId,
            String unit, Map<String, String> before, Map<String, String> after) throws SQLException {
        AuditLog.record(tx, caller, kind, entityId, accountId, unit, before, after);
        String action = before == null ? "created" : after == null ? "deleted" : "updated";
        tx.post(topic, Map.of(AccountEvents.ACCOUNT_ID, accountId, AccountEvents.ENTITY_ID, entityId,
                AccountEvents.BUSINESS_UNIT, unit, AccountEvents.ACTOR, caller.userId(), AccountEvents.ACTION, action));
    }
}
