package org.openkam.hierarchy.internal;

import java.time.Instant;
import java.util.Map;

/**
 * One global account's hierarchy, owned by a business unit (the global key account manager's); its nodes may
 * belong to other units.
 */
public record Hierarchy(String id, String name, String businessUnit, long version, Instant createdAt,
        Instant updatedAt) {

    Map<String, String> audited() {
        return Map.of("name", name, "businessUnit", businessUnit);
    }
}
