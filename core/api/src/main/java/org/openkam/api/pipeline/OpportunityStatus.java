package org.openkam.api.pipeline;

/** Where an opportunity ended up: still {@code OPEN}, or closed as {@code WON} or {@code LOST}. */
public enum OpportunityStatus {
    OPEN, WON, LOST
}
