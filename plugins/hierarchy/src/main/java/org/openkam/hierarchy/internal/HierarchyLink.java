package org.openkam.hierarchy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parent over child from {@code validFrom} (inclusive) until {@code validTo} (exclusive; {@code null}: open).
 */
public record HierarchyLink(String id, String hierarchyId, String parentId, String childId, LinkType type,
        LocalDate validFrom, LocalDate validTo, long version, Instant createdAt) {

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    /** True if the two half-open periods share a day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || validFrom.isBefore(to)) && (validTo == null || from.isBefore(validTo));
    }

    HierarchyLink endingOn(LocalDate day) {
        return new HierarchyLink(id, hierarchyId, parentId, childId, type, validFrom, day, version + 1, createdAt);
    }

    Map<String, String> audited() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("parentId", parentId);
        fields.put("childId", childId);
        fields.put("type", type.name());
        fields.put("validFrom", validFrom.toString());
        fields.put("validTo", validTo == null ? null : validTo.toString());
        return fields;
    }
}
