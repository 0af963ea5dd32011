package org.openkam.scoring.internal.store;

/** An account's current score by a model and the one before it ({@code null} if there was none). */
public record CurrentScore(StoredScore current, StoredScore previous) {
}
