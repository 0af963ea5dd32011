package org.openkam.registry.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.service.event.EventAdmin;

/**
 * Runs work in transactions and posts the events the work queued after a commit, never after a rollback.
 */
public final class Transactions {

    private final DataSource dataSource;
    private final EventAdmin eventAdmin;

    /** {@code eventAdmin} may be {@code null} for a reader that never writes. */
    public Transactions(DataSource dataSource, EventAdmin eventAdmin) {
        this.dataSource = dataSource;
        this.eventAdmin = eventAdmin;
    }

    /** Runs {@code work} in a read-write transaction, committed if it returns, rolled back if it throws. */
    public <T> T write(Work<T> work) {
        Tx tx;
        T result;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            tx = new Tx(c);
            try {
                result = work.run(tx);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        if (!tx.events().isEmpty()) {
            tx.events().forEach(eventAdmin::postEvent);
        }
        return result;
    }

    /** Runs {@code work} on a connection in auto-commit mode; for reads. */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(new Tx(c));
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
