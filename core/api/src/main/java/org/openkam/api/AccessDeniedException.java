package org.openkam.api;

/** The caller may see the thing but not do this to it. */
public class AccessDeniedException extends OpenKamException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
