package org.openkam.api.account;

/** Where an account stands in the relationship lifecycle. */
public enum AccountStatus {
    PROSPECT, ACTIVE, INACTIVE
}
