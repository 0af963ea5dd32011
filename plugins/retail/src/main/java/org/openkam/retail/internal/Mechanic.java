package org.openkam.retail.internal;

/** How a trade promotion works at the shelf; on the wire {@code temporary-price-reduction}, {@code multi-buy}... */
public enum Mechanic {
    /** A price cut of {@code discountPercent} for the period. */
    TEMPORARY_PRICE_REDUCTION,
    /** e.g. 3 for 2. */
    MULTI_BUY,
    /** Extra placement: an end cap, a pallet. */
    DISPLAY,
    /** The product in the retailer's leaflet or advertising. */
    FEATURE
}
