package org.openkam.systemtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules file of {@link AuthorizationMatrixIT}, {@code authorization-matrix.rules}: the fixtures the requests
 * need and, per route, the request to send and the status every caller must get. Its header explains the format.
 */
final class AuthorizationRules {

    static final String RESOURCE = "/authorization-matrix.rules";

    /** The callers, in the order every rule runs them: the permitted ones last, after those who must be refused. */
    static final List<String> CALLERS = List.of("anonymous", "other-viewer", "other-key-account-manager",
            "other-bu-admin", "own-viewer", "own-key-account-manager", "own-bu-admin", "admin");

    private static final Map<String, List<String>> GROUPS = Map.of(
            "own", List.of("own-viewer", "own-key-account-manager", "own-bu-admin"),
            "other", List.of("other-viewer", "other-key-account-manager", "other-bu-admin"),
            "roles", CALLERS.subList(1, 7),
            "everyone", CALLERS);

    /** A request body: {@code json}, {@code csv} (text, {@code \n} for line ends), {@code jar} (a generated bundle
     * of that symbolic name) or {@code zip} (the files of a resource folder). */
    record Body(String kind, String text) {
    }

    /** How to create a record: a request sent as {@code as}, whose answer's {@code idMember} names the record. */
    record Fixture(String name, String method, String path, Body body, String as, String idMember, int line) {
    }

    /**
     * One route's row of the matrix.
     *
     * @param path the request path with fixture placeholders (the template itself when it has no parameter)
     * @param ifMatch a path whose current ETag (read by the administrator) goes into {@code If-Match}, or null
     * @param ownSession send the request from a session of its own (sign-in, sign-out), not the shared one
     * @param endsSessions the request ends the caller's other sessions: sign the caller in again afterwards
     * @param expected the status per caller
     */
    record Rule(String method, String template, String path, Body body, Map<String, String> headers, String ifMatch,
            boolean ownSession, boolean endsSessions, Map<String, Integer> expected, int line) {

        String route() {
            return method + " " + template;
        }
    }

    final Map<String, Fixture> fixtures = new LinkedHashMap<>();
    final Map<String, Rule> rules = new LinkedHashMap<>();

    static AuthorizationRules load() {
        try (InputStream in = AuthorizationRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            AuthorizationRules rules = new AuthorizationRules();
            rules.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void parse(List<String> lines) {
        int start = -1;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            boolean heading = !line.isBlank() && !line.startsWith("#") && !Character.isWhitespace(line.charAt(0));
            if (heading || i == lines.size()) {
                if (start >= 0) {
                    block(lines, start, i);
                }
                start = i;
            }
        }
    }

    /** One block: a heading line ({@code fixture name} or {@code METHOD /template}) and its indented attributes. */
    private void block(List<String> lines, int from, int to) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = from + 1; i < to; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("\\s+", 2);
            if (attributes.put(kv[0], kv.length > 1 ? kv[1].strip() : "") != null) {
                throw error(i, "'" + kv[0] + "' given twice");
            }
        }
        String[] heading = lines.get(from).strip().split("\\s+");
        int line = from + 1;
        if (heading.length != 2) {
            throw error(from, "a block starts with 'fixture <name>' or '<METHOD> <template>'");
        }
        if (heading[0].equals("fixture")) {
            String[] request = attributes.getOrDefault("request", "").split("\\s+");
            if (request.length != 2) {
                throw error(from, "fixture " + heading[1] + " needs 'request <METHOD> <path>'");
            }
            check(attributes, from, Set.of("request", "body", "as", "id"));
            fixtures.put(heading[1], new Fixture(heading[1], request[0], request[1], body(attributes.get("body")),
                    attributes.getOrDefault("as", "admin"), attributes.getOrDefault("id", "id"), line));
            return;
        }
        check(attributes, from, Set.of("path", "body", "header", "if-match", "session", "expect"));
        String template = heading[1];
        if (template.contains("{") && !attributes.containsKey("path")) {
            throw error(from, heading[0] + " " + template + " has parameters: say which fixtures fill them ('path')");
        }
        if (!attributes.containsKey("expect")) {
            throw error(from, heading[0] + " " + template + " has no 'expect'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (attributes.containsKey("header")) {
            String[] h = attributes.get("header").split(":", 2);
            headers.put(h[0].strip(), h[1].strip());
        }
        String session = attributes.getOrDefault("session", "shared");
        if (!Set.of("shared", "own", "ends-others").contains(session)) {
            throw error(from, "session is 'shared', 'own' or 'ends-others'");
        }
        Rule rule = new Rule(heading[0], template, attributes.getOrDefault("path", template),
                body(attributes.get("body")), headers, attributes.get("if-match"), session.equals("own"),
                session.equals("ends-others"), expected(attributes.get("expect"), from), line);
        if (rules.put(rule.route(), rule) != null) {
            throw error(from, rule.route() + " has two rules");
        }
    }

    private static void check(Map<String, String> attributes, int line, Set<String> known) {
        attributes.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw error(line, "unknown attribute '" + k + "'; known: " + known);
        });
    }

    private static Body body(String text) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return new Body("json", text);
        }
        String[] kind = text.split("\\s+", 2);
        if (!Set.of("csv", "jar", "zip").contains(kind[0]) || kind.length < 2) {
            throw new IllegalArgumentException("a body is JSON, 'csv <text>', 'jar <symbolic name>' or 'zip <folder>': "
                    + text);
        }
        return new Body(kind[0], kind[0].equals("csv") ? kind[1].replace("\\n", "\n") : kind[1]);
    }

    /**
     * {@code <profile> [status][, <caller or group> <status>]...}: the profile gives every caller a status, the pairs
     * after it override callers or groups ({@code own}, {@code other}, {@code roles}, {@code everyone}).
     */
    private static Map<String, Integer> expected(String text, int line) {
        String[] parts = text.split(",");
        String[] profile = parts[0].strip().split("\\s+");
        Integer status = profile.length > 1 ? Integer.valueOf(profile[1]) : null;
        Map<String, Integer> expected = new LinkedHashMap<>();
        switch (profile[0]) {
            case "read" -> {
                // read within the unit: the record's unit sees it, another unit's people find nothing
                put(expected, "everyone", status == null ? 200 : status);
                put(expected, "other", 404);
            }
            case "edit" -> {
                // change within the unit: key account managers and unit administrators, not viewers
                put(expected, "everyone", need(status, profile[0], line));
                put(expected, "other", 404);
                expected.put("own-viewer", 403);
            }
            case "manage" -> {
                // the unit itself and its people: unit administrators only
                put(expected, "everyone", need(status, profile[0], line));
                put(expected, "other", 404);
                expected.put("own-viewer", 403);
                expected.put("own-key-account-manager", 403);
            }
            case "admin" -> {
                // the platform: global administrators only
                put(expected, "roles", 403);
                expected.put("admin", need(status, profile[0], line));
            }
            case "signed-in" -> put(expected, "everyone", need(status, profile[0], line));
            case "public" -> put(expected, "everyone", need(status, profile[0], line));
            default -> throw error(line, "unknown profile '" + profile[0]
                    + "'; known: read, edit, manage, admin, signed-in, public");
        }
        if (!profile[0].equals("public")) {
            expected.put("anonymous", 401);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].strip().split("\\s+");
            if (pair.length != 2 || !(GROUPS.containsKey(pair[0]) || CALLERS.contains(pair[0]))) {
                throw error(line, "'" + parts[i].strip() + "' is not '<caller or group> <status>'; callers: " + CALLERS
                        + ", groups: " + GROUPS.keySet());
            }
            put(expected, pair[0], Integer.valueOf(pair[1]));
        }
        return expected;
    }

    private static int need(Integer status, String profile, int line) {
        if (status == null) {
            throw error(line, "profile '" + profile + "' needs the permitted callers' status, e.g. '" + profile + " 200'");
        }
        return status;
    }

    private static void put(Map<String, Integer> expected, String callerOrGroup, int status) {
        GROUPS.getOrDefault(callerOrGroup, List.of(callerOrGroup)).forEach(c -> expected.put(c, status));
    }

    private static IllegalArgumentException error(int index, String message) {
        return new IllegalArgumentException(RESOURCE + " line " + (index + 1) + ": " + message);
    }
}
