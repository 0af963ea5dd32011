package org.openkam.api.organization;

import java.time.Instant;
import java.util.Objects;

/**
 * A business unit: owns accounts, scopes every read and write, and is the grain plugins are enabled at.
 *
 * @param id a short code such as {@code consumer-goods}, stable forever
 */
public record BusinessUnit(String id, String name, String description, long version, Instant createdAt,
        Instant updatedAt) {

    public BusinessUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
