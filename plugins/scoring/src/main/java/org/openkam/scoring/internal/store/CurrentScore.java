package org.openkam.scoring.internal.store;

/**
 * An account's current score by a model and the score of the last full run before it ({@code null} if there was
 * none): what movement is measured against.
 */
public record CurrentScore(StoredScore current, StoredScore previous) {
}
