package org.openkam.console.internal.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.openkam.api.Caller;
import org.openkam.api.persistence.Database;

/**
 * Records platform administration in the audit trail, as made by the administrator who did it: bundles installed,
 * updated, started, stopped and removed (entity type {@code bundle}, by symbolic name), configurations written and
 * deleted ({@code configuration}, by PID). Secret values never reach the trail.
 */
final class AdminAudit {

    static final String SECRET = "(secret)";
    static final String SECRET_CHANGED = "(secret, changed)";
    /** Properties the framework and FileInstall keep with every configuration: bookkeeping, not settings. */
    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential|private).*");
    private final Database database;

    /** {@code database} may be {@code null} where nothing is recorded (unit tests of the routes). */
    AdminAudit(Database database) {
        this.database = database;
    }

    /** A bundle before and after an action; {@code null} before an install or after a removal. */
    void bundle(Caller caller, Bundles.View before, Bundles.View after) {
        Bundles.View any = after != null ? after : before;
        record(caller, "bundle", any.symbolicName(), bundleFacts(before), bundleFacts(after));
    }

    /**
     * A configuration before and after a change; {@code null} before a creation or after a deletion. Values of
     * attributes typed password, or named like a secret, show as {@value #SECRET} ({@value #SECRET_CHANGED} where
     * the change set a new one).
     */
    void configuration(Caller caller, String pid, Map<String, List<String>> before, Map<String, List<String>> after,
            Set<String> passwords) {
        record(caller, "configuration", pid, settings(before, null, passwords), settings(after, before, passwords));
    }

    private void record(Caller caller, String type, String id, Map<String, String> before, Map<String, String> after) {
        if (database != null) {
            database.write(caller, tx -> {
                tx.audit(type, id, null, null, before, after);
                return null;
            });
        }
    }

    private static Map<String, String> bundleFacts(Bundles.View b) {
        if (b == null) {
            return null;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("id", Long.toString(b.id()));
        facts.put("version", b.version());
        facts.put("state", b.state());
        facts.put("lastModified", String.valueOf(b.lastModified())); // tells an update with the same version
        return facts;
    }

    /** The settings as text, secrets masked; {@code earlier} tells a changed secret from one kept. */
    static Map<String, String> settings(Map<String, List<String>> properties,
            Map<String, List<String>> earlier, Set<String> passwords) {
        if (properties == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        properties.forEach((key, values) -> {
            if (BOOKKEEPING.contains(key)) {
                return;
            }
            if (passwords.contains(key) || SECRET_NAME.matcher(key).matches()) {
                boolean changed = earlier != null && !values.equals(earlier.get(key));
                out.put(key, changed ? SECRET_CHANGED : SECRET);
            } else {
                out.put(key, String.join(", ", values));
            }
        });
        return out;
    }
}
