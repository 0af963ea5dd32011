package org.openkam.api.pipeline;

/** A supplier's standing at the customer for one opportunity: ours, or a competitor's. */
public enum OurPosition {
    /** The current supplier of what the opportunity is about. */
    INCUMBENT,
    /** One of the customer's two or three top suppliers, without holding this business today. */
    TOP_SUPPLIER,
    /** A supplier the customer knows, trying to break in. */
    CHALLENGER,
    /** Not on the customer's short list. */
    OUTSIDER
}
