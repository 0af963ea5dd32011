package org.openkam.api.organization;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.openkam.api.Role;

/**
 * A person who signs in. Passwords are never part of it.
 *
 * @param grants roles per business unit id
 */
public record User(String id, String username, String displayName, String email, boolean admin,
        boolean enabled, Map<String, Set<Role>> grants, long version, Instant createdAt, Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        grants = grants == null ? Map.of() : grants.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }
}
