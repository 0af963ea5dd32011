package org.openkam.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * One recorded change.
 *
 * @param entityType e.g. {@code account}, {@code contact}, {@code team-member}
 * @param action {@code created}, {@code updated} or {@code deleted}
 * @param actor the id of the user who made it
 * @param actorName that user's username at the time
 */
public record AuditEntry(String id, String entityType, String entityId, String accountId, String businessUnit,
        String action, String actor, String actorName, Instant at, List<FieldChange> changes) {

    public AuditEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
