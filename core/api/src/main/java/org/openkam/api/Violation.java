package org.openkam.api;

import java.util.Objects;

/**
 * One reason input was refused.
 *
 * @param field the offending field as named on the wire (e.g. {@code country}, {@code team[2].function})
 * @param message what is wrong, for a person to read
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
