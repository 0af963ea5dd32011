package org.openkam.registry.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.audit.AuditLog;
import org.osgi.service.event.Event;

/** An open transaction of {@link Transactions}, and the events to post once it commits. */
final class Transaction implements Tx {

    private final Connection connection;
    private final boolean writing;
    private final Caller caller;
    private final List<Event> events = new ArrayList<>();

    private Transaction(Connection connection, boolean writing, Caller caller) {
        this.connection = connection;
        this.writing = writing;
        this.caller = caller;
    }

    /** {@code caller} may be {@code null} for work no user asked for; it cannot audit. */
    static Transaction writing(Connection connection, Caller caller) {
        return new Transaction(connection, true, caller);
    }

    static Transaction reading(Connection connection) {
        return new Transaction(connection, false, null);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void post(String topic, Map<String, ?> properties) {
        if (!writing) {
            throw new IllegalStateException("a read posts no events: " + topic);
        }
        events.add(new Event(topic, properties));
    }

    @Override
    public void audit(String entityType, String entityId, String accountId, String businessUnit,
            Map<String, String> before, Map<String, String> after) throws SQLException {
        if (caller == null) {
            throw new IllegalStateException(writing ? "a write without a caller cannot audit " + entityType
                    : "a read cannot audit " + entityType);
        }
        AuditLog.record(this, caller, entityType, entityId, accountId, businessUnit, before, after);
    }

    List<Event> events() {
        return events;
    }
}
