package org.openkam.api.job;

/**
 * Something a job refused, e.g. a bad line of an import.
 *
 * @param line the 1-based line of the input (the header is line 1), or 0 if not tied to a line
 * @param field the offending field, or {@code null}
 */
public record JobProblem(long line, String field, String message) {
}
