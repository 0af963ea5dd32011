package org.openkam.api.account;

/** Whether the portfolio analysis made the account a key account, and of which kind. */
public enum KeyAccountTier {
    NONE, KEY, STRATEGIC
}
