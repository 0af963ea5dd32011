package org.openkam.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who a service call runs as. Every registry method takes one and scopes what it reads and writes to
 * the business units the caller holds a role in.
 *
 * @param userId the user's id
 * @param username the user's login name
 * @param admin whether the user is a global administrator (every unit, every right)
 * @param grants roles per business unit id
 */
public record Caller(String userId, String username, boolean admin, Map<String, Set<Role>> grants) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        grants = grants == null ? Map.of() : grants.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** True if the caller may read the unit's accounts. */
    public boolean canRead(String businessUnit) {
        return admin || !grants.getOrDefault(businessUnit, Set.of()).isEmpty();
    }

    /** True if the caller may create, change and delete the unit's accounts, contacts and teams. */
    public boolean canEdit(String businessUnit) {
        if (admin) {
            return true;
        }
        Set<Role> roles = grants.getOrDefault(businessUnit, Set.of());
        return roles.contains(Role.BU_ADMIN) || roles.contains(Role.KEY_ACCOUNT_MANAGER);
    }

    /** True if the caller may manage the unit itself and its users' grants. */
    public boolean canManage(String businessUnit) {
        return admin || grants.getOrDefault(businessUnit, Set.of()).contains(Role.BU_ADMIN);
    }

    /** The units the caller holds a role in, sorted. An administrator reads every unit besides these. */
    public Set<String> readableUnits() {
        return new TreeSet<>(grants.keySet());
    }
}
