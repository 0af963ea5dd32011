package org.openkam.registry.internal.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;

/** An open transaction and the events to post once it commits. */
public final class Tx {

    private final Connection connection;
    private final List<Event> events = new ArrayList<>();

    Tx(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** Queues an event; it is posted only if the transaction commits. */
    public void post(String topic, Map<String, ?> properties) {
        events.add(new Event(topic, properties));
    }

    List<Event> events() {
        return events;
    }
}
