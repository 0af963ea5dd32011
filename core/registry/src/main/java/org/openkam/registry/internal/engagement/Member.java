package org.openkam.registry.internal.engagement;

import java.util.Objects;

/** A user as a warning names them. */
record Member(String id, String username, String displayName) {

    Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }

    /** {@code Display Name (username)}, or the username alone. */
    String label() {
        return displayName == null || displayName.isBlank() ? username : displayName + " (" + username + ")";
    }
}
