package org.openkam.hierarchy.internal;

import java.time.LocalDate;

import org.openkam.api.Violations;

/** A link as asked for; {@link #violations()} names every bad field. */
public record LinkDraft(String parentId, String childId, LinkType type, LocalDate validFrom, LocalDate validTo) {

    public Violations violations() {
        Violations v = new Violations().required("parentId", parentId).required("childId", childId)
                .required("type", type).required("validFrom", validFrom);
        if (parentId != null && parentId.equals(childId)) {
            v.add("parentId", "must not be the child itself");
        }
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
            v.add("validTo", "must be after validFrom");
        }
        return v;
    }
}
