package org.openkam.api.account;

/** The orders an account listing can be sorted in; each is stable (ties break on id). */
public enum AccountSort {
    NAME, ANNUAL_SALES, POTENTIAL, CREATED_AT, UPDATED_AT
}
