package org.openkam.registry.internal.db;

import java.sql.SQLException;

/** A database fault the caller cannot fix; reported as a server error. */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True for a unique or primary key violation (SQLSTATE 23505 on H2 and PostgreSQL alike). */
    public static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
