package org.openkam.api;

import java.util.Arrays;
import java.util.Optional;

/** A role a user holds in one business unit. The global administrator is not a role but {@link Caller#admin()}. */
public enum Role {
    /** Manages the unit: its accounts, teams and its users' grants. */
    BU_ADMIN("bu-admin"),
    /** Edits the unit's accounts, contacts and teams. */
    KEY_ACCOUNT_MANAGER("key-account-manager"),
    /** Reads the unit's accounts. */
    VIEWER("viewer");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    /** The role's name on the wire and in storage, e.g. {@code key-account-manager}. */
    public String key() {
        return key;
    }

    public static Optional<Role> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
