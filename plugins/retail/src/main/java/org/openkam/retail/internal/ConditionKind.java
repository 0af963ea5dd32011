package org.openkam.retail.internal;

/** A condition of the trade terms, by where it sits in the price waterfall. */
public enum ConditionKind {
    /** A percentage off the invoice: list price to invoice price. */
    ON_INVOICE,
    /** A percentage for paying early, off invoice: invoice price to net price. */
    PAYMENT_DISCOUNT,
    /** Another percentage paid off invoice (e.g. a growth bonus): invoice price to net price. */
    OFF_INVOICE,
    /** A yearly amount for the retailer's advertising, spread over the year's volume: net price to pocket price. */
    CO_OP_ADVERTISING;

    /** Whether the condition is a percentage (else a yearly amount). */
    public boolean percentage() {
        return this != CO_OP_ADVERTISING;
    }
}
