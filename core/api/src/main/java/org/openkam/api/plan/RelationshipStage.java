package org.openkam.api.plan;

/**
 * How far the relationship with the customer has developed, in the stages of the key account relationship
 * development model: from first contacts between one seller and one buyer to both companies working as one.
 */
public enum RelationshipStage {
    /** Both sides explore whether there is a fit; no or little business yet. */
    EXPLORATORY,
    /** Transactional: one seller, one buyer, price-driven. */
    BASIC,
    /** Several contacts on both sides; the supplier is trusted but not yet indispensable. */
    COOPERATIVE,
    /** Each side depends on the other; planning and information are shared. */
    INTERDEPENDENT,
    /** Cross-company teams work as one; joint strategy and investment. */
    INTEGRATED
}
