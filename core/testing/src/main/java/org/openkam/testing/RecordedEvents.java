package org.openkam.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An EventAdmin that keeps what it is given, for tests to read. */
final class RecordedEvents implements EventAdmin {

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
    }

    void clear() {
        events.clear();
    }

    List<Event> on(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
    }
}
