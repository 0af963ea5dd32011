package org.openkam.scoring.internal.http;

import java.util.List;

import org.openkam.api.Violation;

/**
 * An RFC 9457 problem detail, the same shape as the core API's: {@code field} names the first offending field,
 * {@code errors} all of them.
 */
record Problem(String type, String title, int status, String detail, String field, List<Violation> errors) {

    static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String kind, String title, String detail) {
        return new Problem("urn:openkam:problem:" + kind, title, status, detail, null, null);
    }

    static Problem invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).field() + " " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new Problem("urn:openkam:problem:invalid-input", "Invalid input", 400, detail,
                violations.get(0).field(), List.copyOf(violations));
    }
}
