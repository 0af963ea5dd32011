package org.openkam.http.api;

import java.util.List;

import org.openkam.api.Violation;

/**
 * An RFC 9457 problem detail. {@code field} names the first offending field, {@code errors} all of them.
 */
public record Problem(String type, String title, int status, String detail, String field, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem("urn:openkam:problem:" + kind, title, status, detail, null, null);
    }

    public static Problem invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).field() + " " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new Problem("urn:openkam:problem:invalid-input", "Invalid input", 400, detail,
                violations.get(0).field(), List.copyOf(violations));
    }

    public static Problem invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }
}
