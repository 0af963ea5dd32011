package org.openkam.api.persistence;

import java.sql.SQLException;

/** A database failure the caller cannot fix; reported as a server error. */
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
}
