package org.openkam.scoring.internal.model;

/** How an amount is rated against the largest amount among the account's peers. */
public enum MoneyScale {
    /** {@code 100 * amount / largest}: half the largest rates 50, a tenth rates 10. */
    LINEAR,
    /**
     * {@code 100 * sqrt(amount / largest)}: half the largest rates 70.7, a quarter 50, a tenth 31.6. Sales are
     * skewed (a few accounts make most of them); the square root keeps mid-sized accounts apart from small ones.
     */
    SQUARE_ROOT
}
