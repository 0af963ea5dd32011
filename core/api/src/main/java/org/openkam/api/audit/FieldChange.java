package org.openkam.api.audit;

/** One field's value before and after a change, as text; {@code null} where absent. */
public record FieldChange(String field, String before, String after) {
}
