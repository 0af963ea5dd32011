package org.openkam.registry.internal.logging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends what bundles log through the OSGi Log Service (SCR, FileInstall, ConfigAdmin) and
 * java.util.logging (JDBC drivers) to SLF4J, so every line reaches the same console and log file. Entries
 * logged before it started are replayed from the Log Service's history, so start order loses none.
 */
@Component(immediate = true)
public final class LogForwarder implements LogListener {

    /** Framework, bundle and service events the Log Service records; only their warnings are news. */
    private static final String EVENTS = "Events.";
    private final LogReaderService reader;

    @Activate
    public LogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        List<LogEntry> history = new ArrayList<>(Collections.list(reader.getLog()));
        Collections.reverse(history); // the history is newest first
        history.forEach(this::logged);
        reader.addLogListener(this);
        // JUL's own console handler would print every record a second time
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Deactivate
    void stop() {
        reader.removeLogListener(this);
        SLF4JBridgeHandler.uninstall();
    }

    @Override
    public void logged(LogEntry entry) {
        String name = entry.getLoggerName();
        LogLevel level = entry.getLogLevel();
        if (name != null && name.startsWith(EVENTS) && !LogLevel.WARN.implies(level)) {
            return;
        }
        Logger log = LoggerFactory.getLogger(name == null || name.equals("LogService")
                ? entry.getBundle().getSymbolicName() : name);
        String message = "[" + entry.getBundle().getSymbolicName() + "] " + entry.getMessage();
        Throwable error = entry.getException();
        switch (level) {
            case AUDIT, ERROR -> log.error(message, error);
            case WARN -> log.warn(message, error);
            case INFO -> log.info(message, error);
            case DEBUG -> log.debug(message, error);
            default -> log.trace(message, error);
        }
    }
}
