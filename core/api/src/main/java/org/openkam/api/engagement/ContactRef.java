package org.openkam.api.engagement;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact named in a coverage report.
 *
 * @param lastContactAt when a done activity with the contact last took place, or {@code null} if never
 */
public record ContactRef(String contactId, String name, Instant lastContactAt) {

    public ContactRef {
        Objects.requireNonNull(contactId, "contactId");
    }
}
