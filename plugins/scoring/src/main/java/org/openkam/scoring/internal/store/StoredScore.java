package org.openkam.scoring.internal.store;

import java.time.Instant;
import java.util.Objects;

import org.openkam.api.scoring.Score;

/**
 * A score as stored.
 *
 * @param businessUnit the account's unit when it was scored
 * @param runId the full rescoring job that computed it, or {@code null} for a rescoring after a change
 * @param score the score, or {@code null} if the model found the facts insufficient
 */
public record StoredScore(String modelId, String modelVersion, String accountId, String businessUnit, String runId,
        Instant scoredAt, Score score) {

    public StoredScore {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(businessUnit, "businessUnit");
        Objects.requireNonNull(scoredAt, "scoredAt");
    }
}
