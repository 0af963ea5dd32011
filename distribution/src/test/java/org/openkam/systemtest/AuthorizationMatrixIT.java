package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The authorization matrix: every route the running product serves (its route table, {@code GET /routes}), sent by
 * every kind of caller (anonymous; viewer, key account manager and unit administrator of the record's unit and of
 * another unit; global administrator) with real records of the unit and a valid body, must answer the status its
 * rule in {@code authorization-matrix.rules} gives, refusals as problem+json. A served route without a rule fails,
 * and every mismatch is reported at once.
 */
class AuthorizationMatrixIT {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(new:)?([a-zA-Z][\\w-]*)(?:\\.(\\w+))?}");
    private static final Set<String> VERSIONED_CHANGES = Set.of("PUT", "PATCH", "DELETE");

    private static OpenKamProcess openkam;
    private static AuthorizationRules rules;
    private static String unit;
    private static String otherUnit;
    private static final Map<String, String> usernames = new HashMap<>();
    private static final Map<String, Api> sessions = new HashMap<>();
    /** Fixtures created once, by name. */
    private static final Map<String, Created> shared = new HashMap<>();
    private static int sequence;
    private static int lastYear = 2040;

    /** A created record: its id, its ETag (or null) and the answer's object holding the id. */
    private record Created(String id, String etag, JsonObject record) {
    }

    /** A fixture the request needs could not be created: reported for the request, and the run goes on. */
    private static final class FixtureError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FixtureError(String message) {
            super(message);
        }
    }

    /** The fresh values of one request: its {@code new:} fixtures, sequence number and year. */
    private static final class Scope {
        final String caller;
        final Map<String, Created> fresh = new LinkedHashMap<>();
        String seq;
        String year;

        Scope(String caller) {
            this(caller, Map.of());
        }

        Scope(String caller, Map<String, Created> unchanged) {
            this.caller = caller;
            fresh.putAll(unchanged);
        }
    }

    @BeforeAll
    static void start() {
        rules = AuthorizationRules.load();
        unit = Fixtures.unique("matrix-own");
        otherUnit = Fixtures.unique("matrix-other");
        openkam = OpenKamProcess.create("AuthorizationMatrixIT");
        // retail routes answer 404 in a unit without retail: enable it in both units before the start
        openkam.writeEtc("org.openkam.retail.settings-matrix-own.cfg", Map.of("businessUnit", unit, "enabled", "true"));
        openkam.writeEtc("org.openkam.retail.settings-matrix-other.cfg",
                Map.of("businessUnit", otherUnit, "enabled", "true"));
        openkam.start();
        Api admin = openkam.admin();
        admin.post("/business-units", json("id", unit, "name", "Own unit")).expect(201);
        admin.post("/business-units", json("id", otherUnit, "name", "Other unit")).expect(201);
        usernames.put("admin", OpenKamProcess.ADMIN);
        sessions.put("admin", admin);
        for (String caller : AuthorizationRules.CALLERS) {
            if (caller.equals("anonymous") || caller.equals("admin")) {
                continue;
            }
            String username = Fixtures.unique(caller.replace("key-account-manager", "kam"));
            String role = caller.substring(caller.indexOf('-') + 1);
            Fixtures.createUser(admin, username, caller.startsWith("own-") ? unit : otherUnit, role);
            usernames.put(caller, username);
            sessions.put(caller, openkam.api().signIn(username, Fixtures.PASSWORD));
        }
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsRuleSays() {
        List<String> failures = new ArrayList<>();
        Map<String, String> served = servedRoutes();
        served.forEach((route, bundle) -> {
            if (!rules.rules.containsKey(route)) {
                failures.add("no rule for " + route + " (served by " + bundle + "): add a block for it to "
                        + "distribution/src/test/resources" + AuthorizationRules.RESOURCE + " (its header explains how)");
            }
        });
        rules.rules.keySet().stream().filter(r -> !served.containsKey(r)).forEach(r -> failures.add(
                "rule for " + r + " (line " + rules.rules.get(r).line() + "), but the product serves no such route"));
        int checks = 0;
        long started = System.nanoTime();
        for (AuthorizationRules.Rule rule : rules.rules.values()) {
            if (!served.containsKey(rule.route())) {
                continue;
            }
            // a refused request changes nothing, so the next caller meets its records as they were created
            Map<String, Created> unchanged = Map.of();
            for (String caller : AuthorizationRules.CALLERS) {
                checks++;
                int expected = rule.expected().get(caller);
                Scope scope = new Scope(caller, unchanged);
                Response r;
                try {
                    r = send(rule, scope);
                    unchanged = r.status() >= 400 ? scope.fresh : Map.of();
                } catch (FixtureError e) {
                    failures.add(rule.route() + " (line " + rule.line() + ") as " + caller + ": " + e.getMessage());
                    continue;
                }
                String sent = r.method() + " " + r.uri().getRawPath()
                        + (r.uri().getRawQuery() == null ? "" : "?" + r.uri().getRawQuery());
                if (r.status() != expected) {
                    failures.add(rule.route() + " (line " + rule.line() + ") as " + caller + ": expected " + expected
                            + ", got " + r.status() + " for " + sent + ": " + shorten(r.body()));
                } else if (r.status() >= 400 && !r.contentType().startsWith(Response.PROBLEM_JSON)) {
                    failures.add(rule.route() + " (line " + rule.line() + ") as " + caller + ": " + r.status()
                            + " without a problem+json body for " + sent + ": " + shorten(r.body()));
                }
            }
        }
        System.out.printf("Authorization matrix: %d routes, %d callers, %d checks in %.1f s%n", served.size(),
                AuthorizationRules.CALLERS.size(), checks, (System.nanoTime() - started) / 1e9);
        assertTrue(failures.isEmpty(), failures.size() + " authorization matrix failures:\n"
                + String.join("\n", failures));
    }

    /** The route table of the running product, {@code METHOD /template} to the bundle serving it. */
    private static Map<String, String> servedRoutes() {
        Map<String, String> served = new LinkedHashMap<>();
        for (JsonElement e : sessions.get("admin").get("/routes").expect(200).items()) {
            JsonObject route = e.getAsJsonObject();
            served.put(route.get("method").getAsString() + " " + route.get("template").getAsString(),
                    route.get("bundle").getAsString());
        }
        return served;
    }

    private static Response send(AuthorizationRules.Rule rule, Scope scope) {
        String caller = scope.caller;
        String path = resolve(rule.path(), scope);
        Api api = rule.ownSession() ? freshSession(caller) : client(caller);
        // always below /api/v1: the client takes paths such as /console/... as they are
        Api.Request request = api.request(rule.method(), "/api/v1" + path);
        body(request, rule.body(), scope);
        rule.headers().forEach((name, value) -> request.header(name, resolve(value, scope)));
        if (rule.ifMatch() != null) {
            Response current = sessions.get("admin").get(resolve(rule.ifMatch(), scope));
            if (current.status() != 200 || current.etag() == null) {
                throw new FixtureError("the ETag for If-Match could not be read: " + current.status() + " "
                        + shorten(current.body()));
            }
            request.header("If-Match", current.etag());
        } else if (VERSIONED_CHANGES.contains(rule.method())) {
            scope.fresh.values().stream().map(Created::etag).filter(e -> e != null).reduce((a, b) -> b)
                    .ifPresent(etag -> request.header("If-Match", etag));
        }
        Response response = request.send();
        if (rule.endsSessions() && sessions.containsKey(caller)) {
            sessions.put(caller, freshSession(caller));
        }
        return response;
    }

    private static Api client(String caller) {
        return caller.equals("anonymous") ? openkam.api() : sessions.get(caller);
    }

    private static Api freshSession(String caller) {
        return caller.equals("anonymous") ? openkam.api() : openkam.api().signIn(usernames.get(caller), password(caller));
    }

    private static String password(String caller) {
        return caller.equals("admin") ? OpenKamProcess.ADMIN_PASSWORD : Fixtures.PASSWORD;
    }

    private static void body(Api.Request request, AuthorizationRules.Body body, Scope scope) {
        if (body == null) {
            return;
        }
        String text = resolve(body.text(), scope);
        switch (body.kind()) {
            case "json" -> request.json(text);
            case "csv" -> request.body("text/csv", text.getBytes(StandardCharsets.UTF_8));
            case "jar" -> request.body("application/java-archive", bundle(text));
            case "zip" -> request.body("application/zip", zip(text));
            default -> throw new IllegalStateException(body.kind());
        }
    }

    /**
     * Fills the placeholders: {@code {unit}}, {@code {otherUnit}}, {@code {seq}}, {@code {year}}, {@code {gtin}},
     * {@code {username}}, {@code {password}}, {@code {fixture}} / {@code {fixture.member}} (created once) and
     * {@code {new:fixture}} (created for this request).
     */
    private static String resolve(String text, Scope scope) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1) != null, m.group(2), m.group(3), scope)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(boolean fresh, String name, String member, Scope scope) {
        if (!fresh && member == null) {
            switch (name) {
                case "unit":
                    return unit;
                case "otherUnit":
                    return otherUnit;
                case "seq":
                    return scope.seq == null ? scope.seq = Integer.toString(++sequence) : scope.seq;
                case "year":
                    return scope.year == null ? scope.year = Integer.toString(++lastYear) : scope.year;
                case "gtin":
                    return gtin(value(false, "seq", null, scope));
                case "username":
                    return usernames.get(scope.caller.equals("anonymous") ? "own-viewer" : scope.caller);
                case "password":
                    return password(scope.caller.equals("anonymous") ? "own-viewer" : scope.caller);
                default:
                    break;
            }
        }
        Created created = fresh ? scope.fresh.computeIfAbsent(name, n -> create(n, scope.caller))
                : shared.containsKey(name) ? shared.get(name) : create(name, scope.caller);
        if (!fresh) {
            shared.putIfAbsent(name, created);
        }
        if (member == null) {
            return created.id();
        }
        JsonElement value = created.record().get(member);
        if (value == null || value.isJsonNull()) {
            throw new FixtureError("fixture " + name + " has no member " + member + ": " + shorten(created.record()
                    .toString()));
        }
        return value.getAsString();
    }

    /** Creates a fixture as its rule says (its own placeholders filled in a scope of its own). */
    private static Created create(String name, String forCaller) {
        AuthorizationRules.Fixture fixture = rules.fixtures.get(name);
        if (fixture == null) {
            throw new IllegalStateException("no fixture named " + name + " in " + AuthorizationRules.RESOURCE);
        }
        Scope scope = new Scope(forCaller);
        Api.Request request = sessions.get(fixture.as()).request(fixture.method(), resolve(fixture.path(), scope));
        body(request, fixture.body(), scope);
        Response r = request.send();
        if (r.status() / 100 != 2) {
            throw new FixtureError("fixture " + name + " (line " + fixture.line() + ") was not created: "
                    + r.status() + " " + shorten(r.body()));
        }
        JsonObject answer = r.body().isBlank() ? new JsonObject() : r.object();
        // the id may sit in a nested record ("activity.id"); its version beside it
        JsonObject record = answer;
        String[] idPath = fixture.idMember().split("\\.");
        for (int i = 0; i < idPath.length - 1 && record != null; i++) {
            record = record.has(idPath[i]) && record.get(idPath[i]).isJsonObject() ? record.getAsJsonObject(idPath[i])
                    : null;
        }
        JsonElement id = record == null ? null : record.get(idPath[idPath.length - 1]);
        if (id == null || id.isJsonNull()) {
            throw new FixtureError("fixture " + name + " (line " + fixture.line() + ") answered no '"
                    + fixture.idMember() + "': " + shorten(r.body()));
        }
        JsonElement version = record.get("version");
        String etag = r.etag() != null ? r.etag()
                : version != null && version.isJsonPrimitive() && version.getAsJsonPrimitive().isNumber()
                        ? Fixtures.etag(version.getAsLong()) : null;
        return new Created(id.getAsString(), etag, record);
    }

    /** A GTIN-13 with a valid GS1 check digit, unique per sequence number. */
    private static String gtin(String number) {
        String body = "400" + "0".repeat(9 - number.length()) + number;
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** A bundle that imports and provides nothing, so installing, starting and removing it changes nothing else. */
    private static byte[] bundle(String symbolicName) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("readme.txt"));
            jar.write("authorization matrix".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The files of a test resource folder beside the rules file, as one zip. */
    private static byte[] zip(String folder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.list(Path.of(AuthorizationMatrixIT.class
                        .getResource("/authorization-matrix/" + folder).toURI()))) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String shorten(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine;
    }
}
