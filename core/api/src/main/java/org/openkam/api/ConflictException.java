package org.openkam.api;

/** The request is well formed but clashes with what is stored (a duplicate, a second responsible). */
public class ConflictException extends OpenKamException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field whose value clashes. */
    public String field() {
        return field;
    }
}
