package org.openkam.api;

/** Base of the errors services raise on purpose; anything else is a fault. */
public abstract class OpenKamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected OpenKamException(String message) {
        super(message);
    }
}
