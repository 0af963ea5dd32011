package org.openkam.registry.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.openkam.api.persistence.Dialect;

/**
 * One large read whose rows reach the reader as the database finds them. H2 otherwise builds a query's whole result
 * before handing out the first row, and beyond the rows it keeps in memory writes it to a temporary file and reads
 * it back: a unit of a million accounts went to disk and back for every export and every scoring run's ranking.
 * Lazy execution is a session setting and a pooled connection carries it to its next user, so it is on for this
 * read only. PostgreSQL streams with a fetch size inside a transaction and needs nothing here.
 */
public final class RowStream implements AutoCloseable {

    private final Connection connection;
    private final boolean lazy;

    private RowStream(Connection connection, boolean lazy) {
        this.connection = connection;
        this.lazy = lazy;
    }

    /** Until {@link #close}, the connection's queries hand out their rows as they are found. */
    public static RowStream open(Connection connection, Dialect dialect) throws SQLException {
        boolean lazy = dialect == Dialect.H2;
        if (lazy) {
            lazyExecution(connection, true);
        }
        return new RowStream(connection, lazy);
    }

    @Override
    public void close() throws SQLException {
        if (lazy) {
            lazyExecution(connection, false);
        }
    }

    // H2's SET of a session setting neither commits nor ends the transaction it runs in
    private static void lazyExecution(Connection connection, boolean on) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
