package org.openkam.registry.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.openkam.api.Caller;
import org.openkam.api.persistence.StoreException;
import org.openkam.api.persistence.Work;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in transactions and posts the events the work queued after a commit, never after a rollback.
 * The one transaction implementation: the registry's services and {@link SqlDatabase} (for plugins) share it.
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final DataSource dataSource;
    private final EventAdmin eventAdmin;

    /** {@code eventAdmin} may be {@code null} for a reader that never writes. */
    public Transactions(DataSource dataSource, EventAdmin eventAdmin) {
        this.dataSource = dataSource;
        this.eventAdmin = eventAdmin;
    }

    /** Runs {@code work} in a read-write transaction, committed if it returns, rolled back if it throws. */
    public <T> T write(Work<T> work) {
        return write(null, work);
    }

    /** As {@link #write(Work)}, with {@code caller} as the actor of the audit entries the work records. */
    public <T> T write(Caller caller, Work<T> work) {
        Transaction tx;
        T result;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            tx = Transaction.writing(c, caller);
            try {
                result = work.run(tx);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
        if (!tx.events().isEmpty()) {
            if (eventAdmin == null) {
                throw new IllegalStateException("events were posted where no EventAdmin was given");
            }
            tx.events().forEach(eventAdmin::postEvent);
        }
        return result;
    }

    /** Rolls back; if the connection is gone as well (the database restarts), the first failure is the one reported. */
    private static void rollback(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Returns the connection to auto-commit for the pool. Failing here says only that the connection broke (the pool
     * drops it); it must neither turn a committed write into a reported failure nor hide why the work failed.
     */
    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("A connection broke after its transaction ended: {}", e.toString());
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode; for reads. */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(Transaction.reading(c));
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }
}
