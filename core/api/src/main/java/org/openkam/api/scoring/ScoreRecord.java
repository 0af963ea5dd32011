package org.openkam.api.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored score: what a model said about an account at one time.
 *
 * @param modelId the model's id
 * @param modelVersion the model's version at the time
 * @param modelInstalled whether the model is installed now; scores of an uninstalled model stay readable
 * @param accountId the account
 * @param businessUnit the account's unit at the time
 * @param scoredAt when
 * @param runId the rescoring job that produced it, or {@code null} if a change of the account did
 * @param score the score, or {@code null} if the model found the facts insufficient
 */
public record ScoreRecord(String modelId, String modelVersion, boolean modelInstalled, String accountId,
        String businessUnit, Instant scoredAt, String runId, Score score) {

    public ScoreRecord {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(businessUnit, "businessUnit");
        Objects.requireNonNull(scoredAt, "scoredAt");
    }
}
