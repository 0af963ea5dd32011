package org.openkam.api.organization;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.openkam.api.Role;
import org.openkam.api.Violations;

/**
 * A user as a caller supplies it. {@code password} is required on creation and changes the password
 * when given on update.
 */
public record UserDraft(String username, String displayName, String email, boolean admin, boolean enabled,
        Map<String, Set<Role>> grants, String password) {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    public static final int MIN_PASSWORD = 12;

    public Violations validate(boolean creating) {
        Violations v = new Violations().required("username", username, 64).maxLength("displayName", displayName, 100)
                .maxLength("email", email, 254).email("email", email);
        if (username != null && !USERNAME.matcher(username).matches()) {
            v.add("username", "must be 2-64 lower-case letters, digits, '.', '_', '@' or '-'");
        }
        if (creating && password == null) {
            v.add("password", "is required");
        }
        if (password != null && (password.length() < MIN_PASSWORD || password.length() > 256)) {
            v.add("password", "must be " + MIN_PASSWORD + " to 256 characters");
        }
        if (grants != null) {
            grants.forEach((unit, roles) -> {
                if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
                    v.add("grants." + unit, "must list at least one role");
                }
            });
        }
        return v;
    }
}
