package org.openkam.scoring.internal.store;

import java.sql.SQLException;

/** A database failure of the scoring tables. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
