package org.openkam.console.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openkam.api.Role;

/**
 * A page declared in a {@link org.openkam.http.api.ConsoleModules} property:
 * {@code scoring-portfolio; title=Portfolio; group=Scoring; order=10; module=portfolio.js; role=viewer}. The module
 * is a file of the plugin's folder, served by the kit under {@code /console/plugins/<plugin>/}; a service that names
 * no folder serves its modules itself and gives each one's path ({@code module=/console/pages/accounts.js}).
 */
record PageDeclaration(String id, String title, String group, int order, String moduleUrl, Optional<Role> requiredRole,
        boolean adminOnly) {

    private static final Set<String> KEYS = Set.of("title", "group", "order", "module", "role", "admin");

    /** The declarations of a String or String+ property. */
    static List<String> of(Object property) {
        if (property instanceof String s) {
            return List.of(s);
        }
        if (property instanceof String[] a) {
            return List.of(a);
        }
        return property == null ? List.of() : List.of(String.valueOf(property));
    }

    /**
     * Reads one declaration of the plugin's pages; {@code servedByKit} says whether the service names a folder.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static PageDeclaration parse(String declaration, String plugin, boolean servedByKit) {
        String[] parts = declaration.split(";");
        String id = parts[0].strip();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("'" + part + "' is not key=value");
            }
            String key = part.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is not one of " + KEYS);
            }
            attributes.put(key, part.substring(eq + 1).strip());
        }
        String module = attributes.get("module");
        if (module == null) {
            throw new IllegalArgumentException("module is needed");
        }
        if (servedByKit && module.contains("/")) {
            throw new IllegalArgumentException("module must name a .js file of the plugin's folder");
        }
        if (!servedByKit && !module.startsWith("/console/")) {
            throw new IllegalArgumentException("module must be a path under /console/ when no folder is named");
        }
        int order;
        try {
            order = Integer.parseInt(attributes.getOrDefault("order", "100"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("order must be a whole number");
        }
        Optional<Role> role = Optional.empty();
        if (attributes.containsKey("role")) {
            role = Role.fromKey(attributes.get("role"));
            if (role.isEmpty()) {
                throw new IllegalArgumentException("role " + attributes.get("role") + " is not a role");
            }
        }
        return new PageDeclaration(id, attributes.get("title"), attributes.get("group"), order,
                servedByKit ? "/console/plugins/" + plugin + "/" + module : module, role, Boolean.parseBoolean(attributes.get("admin")));
    }
}
