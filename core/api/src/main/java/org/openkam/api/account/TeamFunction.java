package org.openkam.api.account;

/** What a member does in an account team. */
public enum TeamFunction {
    KEY_ACCOUNT_MANAGER, SALES, FIELD_SERVICE, SPECIALIST, EXECUTIVE_SPONSOR
}
