package org.openkam.api.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A database failure the caller cannot fix; reported as a server error, or as 503 "unavailable" while the database
 * cannot be reached ({@link #unavailable()}).
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True if the failure is a unique or primary key violation, e.g. another node inserted the row first. */
    public boolean duplicateKey() {
        return isDuplicateKey(getCause());
    }

    /** True for a unique or primary key violation (SQLSTATE 23505 on H2 and PostgreSQL), in batches too. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException e = t instanceof SQLException s ? s : null; e != null; e = e.getNextException()) {
                if ("23505".equals(e.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True if the database could not be reached or went away (a restart, a network failure, no connection free in
     * time): SQLSTATE class 08, PostgreSQL's 57P01 to 57P03 (shutting down, starting up), or a transient connection
     * failure. The same request may succeed shortly.
     *
     * @since 1.2
     */
    public boolean unavailable() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
