package org.openkam.scoring.internal.store;

import java.time.Instant;

import org.openkam.api.scoring.ModelState;

/**
 * The stored health of one model version.
 *
 * @param failures consecutive failed calls
 * @param reason why it is quarantined, or the last failure while it is active
 * @param changedAt when the record last changed
 */
public record ModelHealthRecord(String modelId, String modelVersion, ModelState state, int failures, String reason,
        Instant changedAt) {
}
