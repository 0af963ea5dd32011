package org.openkam.api;

/**
 * The thing does not exist, or the caller may not see it: the two are indistinguishable on purpose,
 * so a caller cannot probe another business unit's data.
 */
public class NotFoundException extends OpenKamException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind, String id) {
        super(kind + " " + id + " not found");
    }
}
