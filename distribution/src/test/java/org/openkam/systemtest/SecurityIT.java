package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;
import static org.openkam.systemtest.Fixtures.etag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** Authentication, CSRF, API tokens and business-unit scoping of the real product. */
class SecurityIT {

    private static OpenKamProcess openkam;
    private static Api anonymous;
    private static Api admin;
    private static String unitA;
    private static String unitB;
    private static JsonObject accountA;
    private static JsonObject accountB;
    private static String kamA;
    private static String viewerA;

    @BeforeAll
    static void start() {
        // requests from 127.0.0.1 come through a trusted reverse proxy; 127.0.0.2 is any other client
        openkam = OpenKamProcess.create("SecurityIT")
                .writeEtc("org.openkam.http.proxy.cfg", Map.of("trusted.proxies", "127.0.0.1")).start();
        anonymous = openkam.api();
        admin = openkam.admin();
        unitA = Fixtures.createUnit(admin, "sec-a");
        unitB = Fixtures.createUnit(admin, "sec-b");
        accountA = createAccount(admin, unitA, "Alpha Visible Corp");
        accountB = createAccount(admin, unitB, "Bravo Secret Holdings", "legalName", "Bravo Secret Holdings AG");
        admin.post("/accounts/" + accountB.get("id").getAsString() + "/contacts",
                json("firstName", "Hidden", "lastName", "Person")).expect(201);
        kamA = Fixtures.unique("kam-a");
        Fixtures.createUser(admin, kamA, unitA, "key-account-manager");
        viewerA = Fixtures.unique("viewer-a");
        Fixtures.createUser(admin, viewerA, unitA, "viewer");
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void theApiNeedsAuthentication() {
        Response r = anonymous.get("/accounts");
        r.expectProblem(401);
        assertNotNull(r.header("WWW-Authenticate"), "a 401 should say how to authenticate: " + r.describe());
        anonymous.get("/accounts/" + accountA.get("id").getAsString()).expectProblem(401);
        anonymous.post("/accounts", json("businessUnit", unitA, "name", "Anonymous Inc")).expectProblem(401);
        anonymous.get("/business-units").expectProblem(401);
        anonymous.withBearer("not-a-token").get("/accounts").expectProblem(401);
    }

    @Test
    void healthAndOpenApiArePublic() {
        Response health = anonymous.get("/health").expect(200);
        assertEquals("UP", health.text("status"), health.describe());
        anonymous.get("/api/v1/openapi.json").expect(200);
    }

    @Test
    void dotSegmentsDoNotMakeTheApiPublic() {
        for (String target : new String[] { "/console/../api/v1/pipeline/stages",
                "/console/../api/v1/team-memberships", "/console/%2e%2e/api/v1/accounts",
                "/health/../api/v1/accounts", "/console/./../api/v1/business-units" }) {
            RawHttp.Answer answer = RawHttp.get(openkam.port(), target);
            assertTrue(answer.status() == 401 || answer.status() == 400 && !answer.text().contains("\"field\""),
                    target + " without credentials must be refused before the API answers: " + answer.text());
        }
        assertEquals(401, RawHttp.get(openkam.port(), "/console/../api/v1/pipeline/stages").status());
        assertEquals(200, RawHttp.get(openkam.port(), "/console/").status(), "the console itself stays public");
    }

    @Test
    void wrongPasswordIsRefused() {
        Response wrong = anonymous.login(OpenKamProcess.ADMIN, "wrong-password-123");
        wrong.expectProblem(401);
        String cookie = wrong.cookie("OPENKAM_SESSION");
        assertTrue(cookie == null || cookie.isEmpty(), "a failed sign-in must set no session: " + wrong.describe());
        anonymous.login("nobody-" + Fixtures.unique("x"), "wrong-password-123").expectProblem(401);
        anonymous.login(kamA, Fixtures.PASSWORD.toUpperCase(Locale.ROOT)).expectProblem(401);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        Response login = anonymous.login(OpenKamProcess.ADMIN, OpenKamProcess.ADMIN_PASSWORD).expect(200);
        String setCookie = login.setCookie("OPENKAM_SESSION");
        assertNotNull(setCookie, "sign-in must set the session cookie: " + login.describe());
        String lower = setCookie.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("httponly"), "the session cookie must be HttpOnly: " + setCookie);
        assertTrue(lower.contains("samesite=strict") || lower.contains("samesite=lax"),
                "the session cookie must have SameSite: " + setCookie);
        assertNotNull(login.text("csrfToken"), "sign-in must answer the CSRF token: " + login.describe());
    }

    @Test
    void cookieWritesNeedTheCsrfToken() {
        Api session = openkam.admin();
        String refused = Fixtures.unique("csrf-refused");
        Response without = session.withoutCsrf().post("/business-units", json("id", refused, "name", "No CSRF"));
        without.expectProblem(403);
        session.get("/business-units/" + refused).expectProblem(404);

        Response wrongToken = session.request("POST", "/business-units")
                .header("X-CSRF-Token", "forged").json(json("id", refused, "name", "Forged")).send();
        wrongToken.expectProblem(403);
        session.get("/business-units/" + refused).expectProblem(404);

        // reads need no token
        session.withoutCsrf().get("/accounts").expect(200);

        String accepted = Fixtures.unique("csrf-ok");
        session.post("/business-units", json("id", accepted, "name", "With CSRF")).expect(201);
        session.get("/business-units/" + accepted).expect(200);
    }

    @Test
    void answersCarryingTheCsrfTokenAreNeverCompressed() {
        // grants in many units make the sign-in answers larger than the 1 KB from which reads are compressed
        Map<String, Object> grants = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            grants.put(Fixtures.createUnit(admin, "breach"), new String[] {"viewer"});
        }
        String username = Fixtures.unique("breach-user");
        String userId = admin.post("/users", json("username", username, "password", Fixtures.PASSWORD, "displayName",
                username, "grants", grants)).expect(201).text("id");
        Response user = admin.get("/users/" + userId, "Accept-Encoding", "gzip").expect(200);
        assertTrue(user.body().length() > 1024, user.describe());
        assertEquals("gzip", user.header("Content-Encoding"), "a read of this size is compressed: " + user.describe());

        Response login = anonymous.request("POST", "/auth/login").header("Accept-Encoding", "gzip")
                .json(json("username", username, "password", Fixtures.PASSWORD)).send().expect(200);
        Api session = anonymous.signIn(username, Fixtures.PASSWORD);
        Response current = session.get("/auth/session", "Accept-Encoding", "gzip").expect(200);
        for (Response r : List.of(login, current)) {
            assertNotNull(r.text("csrfToken"), r.describe());
            assertTrue(r.body().length() > 1024, "larger than the size rule: " + r.describe());
            assertEquals(null, r.header("Content-Encoding"), "the CSRF token is never compressed: " + r.describe());
        }
    }

    @Test
    void signOutEndsTheSession() {
        Api session = openkam.api().signIn(OpenKamProcess.ADMIN, OpenKamProcess.ADMIN_PASSWORD);
        session.get("/auth/session").expect(200);
        session.post("/auth/logout", json()).expect(204);
        session.get("/accounts").expectProblem(401);
    }

    @Test
    void bearerTokensWorkUntilRevoked() {
        Api.Token token = admin.createToken(Fixtures.unique("integration"));
        Api bearer = token.api();
        bearer.get("/accounts").expect(200);
        // bearer requests are not cookie requests: no CSRF token needed
        String unit = Fixtures.unique("bearer");
        bearer.post("/business-units", json("id", unit, "name", "Via Token")).expect(201);

        Response tokens = admin.get("/auth/tokens").expect(200);
        assertFalse(tokens.body().contains(token.secret()), "listing tokens must not reveal secrets: "
                + tokens.describe());

        admin.delete("/auth/tokens/" + token.id()).expect(204);
        Response revoked = bearer.get("/accounts");
        revoked.expectProblem(401);
        bearer.post("/business-units", json("id", Fixtures.unique("bearer"), "name", "Revoked")).expectProblem(401);
    }

    @Test
    void aKeyAccountManagerOfUnitAdoesNotSeeUnitB() {
        Api kam = openkam.api().signIn(kamA, Fixtures.PASSWORD);
        String idA = accountA.get("id").getAsString();
        String idB = accountB.get("id").getAsString();

        kam.get("/accounts/" + idA).expect(200);

        Response read = kam.get("/accounts/" + idB);
        read.expectProblem(404);
        assertNoDataOfB(read);
        Response contacts = kam.get("/accounts/" + idB + "/contacts");
        contacts.expectProblem(404);
        assertFalse(contacts.body().contains("Hidden"), "no contact data of unit B: " + contacts.describe());
        assertNoDataOfB(kam.get("/accounts/" + idB + "/team").expectProblem(404));
        assertNoDataOfB(kam.get("/accounts/" + idB + "/audit").expectProblem(404));
        assertNoDataOfB(kam.patch("/accounts/" + idB, json("name", "Taken Over"), "If-Match", etag(1))
                .expectProblem(404));
        assertNoDataOfB(kam.delete("/accounts/" + idB, "If-Match", etag(1)).expectProblem(404));
        assertEquals("Bravo Secret Holdings", admin.get("/accounts/" + idB).expect(200).text("name"),
                "unit B's account must be untouched");

        Response list = kam.get("/accounts?limit=500&total=true").expect(200);
        Set<String> units = StreamSupport.stream(list.items().spliterator(), false)
                .map(e -> e.getAsJsonObject().get("businessUnit").getAsString()).collect(Collectors.toSet());
        assertEquals(Set.of(unitA), units, "the listing must hold unit A's accounts only: " + list.describe());
        Set<String> ids = StreamSupport.stream(list.items().spliterator(), false)
                .map(e -> e.getAsJsonObject().get("id").getAsString()).collect(Collectors.toSet());
        assertTrue(ids.contains(idA), "unit A's account must be listed: " + list.describe());
        assertFalse(ids.contains(idB), "unit B's account must not be listed");

        Response filtered = kam.get("/accounts?businessUnit=" + unitB);
        if (filtered.status() == 200) {
            assertEquals(0, filtered.items().size(), "asking for unit B must list nothing: " + filtered.describe());
        } else {
            assertTrue(filtered.status() >= 400 && filtered.status() < 500, filtered.describe());
        }
        assertNoDataOfB(filtered);

        Response export = kam.request("GET", "/accounts/export").header("Accept", "text/csv").send().expect(200);
        assertTrue(export.body().contains("Alpha Visible Corp"), "the export holds unit A: " + export.describe());
        assertNoDataOfB(export);

        // a KAM edits accounts of unit A
        String created = kam.post("/accounts", json("businessUnit", unitA, "name", Fixtures.unique("Kam Made")))
                .expect(201).text("id");
        Response smuggled = kam.post("/accounts", json("businessUnit", unitB, "name", "Smuggled Into B"));
        smuggled.expectProblem(400);
        assertTrue(smuggled.problemFields().contains("businessUnit"), smuggled.describe());
        assertEquals(0, admin.get("/accounts?businessUnit=" + unitB + "&q=Smuggled").expect(200).items().size());
        assertNotNull(created);
    }

    @Test
    void aViewerReadsButDoesNotWrite() {
        Api viewer = openkam.api().signIn(viewerA, Fixtures.PASSWORD);
        long before = Fixtures.countAccounts(admin, unitA);
        String idA = accountA.get("id").getAsString();

        viewer.get("/accounts/" + idA).expect(200);
        Response create = viewer.post("/accounts", json("businessUnit", unitA, "name", "Viewer Made"));
        create.expectProblem(403);
        assertEquals(before, Fixtures.countAccounts(admin, unitA), "a refused create must store nothing");

        long version = admin.get("/accounts/" + idA).expect(200).object().get("version").getAsLong();
        viewer.patch("/accounts/" + idA, json("name", "Viewer Renamed"), "If-Match", etag(version))
                .expectProblem(403);
        viewer.post("/accounts/" + idA + "/contacts", json("lastName", "Viewer")).expectProblem(403);
        assertEquals("Alpha Visible Corp", admin.get("/accounts/" + idA).expect(200).text("name"));

        viewer.get("/accounts/" + accountB.get("id").getAsString()).expectProblem(404);
    }

    @Test
    void onlyAdministratorsManageUsersAndUnits() {
        Api kam = openkam.api().signIn(kamA, Fixtures.PASSWORD);
        Response unit = kam.post("/business-units", json("id", Fixtures.unique("kam-unit"), "name", "Kam Unit"));
        assertEquals(403, unit.status(), "a KAM must not create business units: " + unit.describe());
        Response user = kam.post("/users", json("username", Fixtures.unique("sneaky"), "password", Fixtures.PASSWORD,
                "admin", true));
        assertEquals(403, user.status(), "a KAM must not create administrators: " + user.describe());
    }

    @Test
    void aUnitAdminCannotTakeOverAUserOfAnotherUnit() {
        String buAdminA = Fixtures.unique("buadmin-a");
        Fixtures.createUser(admin, buAdminA, unitA, "bu-admin");
        String mixed = Fixtures.unique("mixed");
        JsonObject user = admin.post("/users", json("username", mixed, "password", Fixtures.PASSWORD,
                "grants", java.util.Map.of(unitA, new String[] { "viewer" }, unitB, new String[] { "bu-admin" })))
                .expect(201).object();
        String id = user.get("id").getAsString();
        Api attacker = openkam.api().signIn(buAdminA, Fixtures.PASSWORD);
        long version = attacker.get("/users/" + id).expect(200).object().get("version").getAsLong();
        attacker.patch("/users/" + id, json("password", "attacker-chosen-Pw-1"), "If-Match", etag(version))
                .expectProblem(403);
        attacker.patch("/users/" + id, json("enabled", false), "If-Match", etag(version)).expectProblem(403);
        attacker.patch("/users/" + id, json("email", "evil@example.com"), "If-Match", etag(version)).expectProblem(403);
        openkam.api().login(mixed, "attacker-chosen-Pw-1").expectProblem(401);
        openkam.api().signIn(mixed, Fixtures.PASSWORD).get("/users/me").expect(200);
        assertEquals(version, admin.get("/users/" + id).expect(200).object().get("version").getAsLong(),
                "nothing is stored");
    }

    @Test
    void changingAPasswordNeedsTheCurrentOneEndsOtherSessionsAndMayRevokeTokens() {
        String name = Fixtures.unique("pw-change");
        String id = Fixtures.createUser(admin, name, unitA, "viewer").get("id").getAsString();
        Api here = openkam.api().signIn(name, Fixtures.PASSWORD);
        Api elsewhere = openkam.api().signIn(name, Fixtures.PASSWORD);
        Api.Token token = here.createToken("sync");
        long version = here.get("/users/me").expect(200).object().get("version").getAsLong();

        Response blind = here.patch("/users/" + id, json("password", "without-the-current-one"), "If-Match",
                etag(version));
        blind.expectProblem(400);
        assertTrue(blind.problemFields().contains("password"), blind.describe());
        Response wrong = here.post("/auth/password", json("currentPassword", "not-it", "newPassword",
                "a-new-Password-42"));
        wrong.expectProblem(400);
        assertTrue(wrong.problemFields().contains("currentPassword"), wrong.describe());
        elsewhere.get("/auth/session").expect(200);

        here.post("/auth/password", json("currentPassword", Fixtures.PASSWORD, "newPassword", "a-new-Password-42"))
                .expect(204);
        here.get("/auth/session").expect(200);
        elsewhere.get("/auth/session").expectProblem(401);
        token.api().get("/accounts").expect(200);
        openkam.api().login(name, Fixtures.PASSWORD).expectProblem(401);

        here.post("/auth/password", json("currentPassword", "a-new-Password-42", "newPassword", "a-third-Password-42",
                "revokeTokens", true)).expect(204);
        token.api().get("/accounts").expectProblem(401);

        Api.Token second = openkam.api().signIn(name, "a-third-Password-42").createToken("after");
        long now = admin.get("/users/" + id).expect(200).object().get("version").getAsLong();
        admin.patch("/users/" + id, json("password", "reset-by-Admin-42"), "If-Match", etag(now)).expect(200);
        second.api().get("/accounts").expectProblem(401);
        here.get("/auth/session").expectProblem(401);
    }

    @Test
    void aTokenStopsAtItsExpiry() throws InterruptedException {
        Api session = openkam.api().signIn(kamA, Fixtures.PASSWORD);
        session.post("/auth/tokens", json("name", "past", "expiresAt", "2020-01-01T00:00:00Z")).expectProblem(400);
        java.time.Instant expiry = java.time.Instant.now().plusSeconds(3);
        Response created = session.post("/auth/tokens", json("name", "short", "expiresAt", expiry.toString()))
                .expect(201);
        assertEquals(expiry.toString(), created.text("expiresAt"), created.describe());
        Api bearer = openkam.api().withBearer(created.text("token"));
        bearer.get("/accounts").expect(200);
        Thread.sleep(java.time.Duration.between(java.time.Instant.now(), expiry).toMillis() + 500);
        bearer.get("/accounts").expectProblem(401);
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        for (Response r : new Response[] { anonymous.get("/health"), anonymous.get("/health/live"),
                anonymous.get("/accounts"), anonymous.get("/no-such-page"), admin.get("/no-such-endpoint"),
                admin.post("/accounts", json("name", 3)), anonymous.get("/console/") }) {
            assertEquals("nosniff", r.header("X-Content-Type-Options"), r.describe());
        }
        Response html = anonymous.get("/console/");
        assertTrue(html.contentType().startsWith("text/html"), html.describe());
        String csp = html.header("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("frame-ancestors 'none'"), html.describe());
        // answers Jetty writes itself, before any servlet: an ambiguous path segment
        RawHttp.Answer raw = RawHttp.get(openkam.port(), "/console/%2e%2e;/x");
        assertTrue(raw.status() >= 400, raw.text());
        assertTrue(raw.text().toLowerCase(Locale.ROOT).contains("x-content-type-options: nosniff"), raw.text());
    }

    @Test
    void aSignInEndsTheSessionItWasSentWith() {
        Api first = openkam.api().signIn(kamA, Fixtures.PASSWORD);
        Response again = first.login(kamA, Fixtures.PASSWORD).expect(200);
        String renewed = again.cookie("OPENKAM_SESSION");
        assertNotNull(renewed, again.describe());
        assertFalse(renewed.equals(first.sessionCookie()), "a sign-in gets a new session id");
        first.get("/auth/session").expectProblem(401);
    }

    @Test
    void guessingFromOneAddressDoesNotLockTheUserOutElsewhere() {
        String name = Fixtures.unique("guessed");
        Fixtures.createUser(admin, name, unitA, "viewer");
        for (int i = 0; i < 6; i++) {
            anonymous.login(name, "guess-number-" + i).expectProblem(401);
        }
        anonymous.login(name, Fixtures.PASSWORD).expectProblem(401); // the guessing address (localhost) is paused
        byte[] body = ("{\"username\": \"" + name + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Answer elsewhere = RawHttp.send(openkam.port(), "127.0.0.2",
                "POST /api/v1/auth/login HTTP/1.1\r\nContent-Type: application/json", body);
        assertEquals(200, elsewhere.status(), "the real user at another address signs in: " + elsewhere.text());
        String log = openkam.output();
        assertTrue(log.contains("Sign-in of user " + name + " from ") && log.contains("is paused"), "the pause is logged");
    }

    @Test
    void aTrustedProxySaysWhetherTheClientUsedHttpsAndWhoItIsAndNobodyElseCan() {
        String name = Fixtures.unique("proxied");
        String userId = Fixtures.createUser(admin, name, unitA, "viewer").get("id").getAsString();
        String head = "POST /api/v1/auth/login HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-For: 198.51.100.9, 203.0.113.7";
        byte[] right = ("{\"username\": \"" + name + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] wrong = ("{\"username\": \"" + name + "\", \"password\": \"not-it\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        RawHttp.Answer proxied = RawHttp.send(openkam.port(), "127.0.0.1", head, right);
        assertEquals(200, proxied.status(), proxied.text());
        assertTrue(sessionCookie(proxied).contains("; Secure"), "the client used HTTPS: " + sessionCookie(proxied));
        RawHttp.Answer forged = RawHttp.send(openkam.port(), "127.0.0.2", head, right);
        assertEquals(200, forged.status(), forged.text());
        assertFalse(sessionCookie(forged).contains("Secure"), "an untrusted client's headers are ignored: "
                + sessionCookie(forged));

        assertEquals(401, RawHttp.send(openkam.port(), "127.0.0.1", head, wrong).status());
        assertEquals(401, RawHttp.send(openkam.port(), "127.0.0.2", head, wrong).status());
        List<String> clients = Fixtures.auditSince(admin, "sign-in", userId, null).stream()
                .filter(e -> e.get("action").getAsString().equals("sign-in-failed"))
                .map(e -> Fixtures.auditChange(e, "client")).toList();
        assertEquals(List.of("null -> 127.0.0.2", "null -> 203.0.113.7"), clients,
                "newest first: the address the client claimed elsewhere is ignored; through the proxy, the client's");
    }

    private static String sessionCookie(RawHttp.Answer answer) {
        return answer.text().lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                .filter(l -> l.contains("OPENKAM_SESSION=")).findFirst().orElse("(none)");
    }

    private static void assertNoDataOfB(Response r) {
        String body = r.body();
        assertFalse(body.contains("Bravo Secret"), "the answer must reveal nothing of unit B's account: "
                + r.describe());
        assertFalse(body.contains("\"businessUnit\":\"" + unitB + "\""), "no unit B data: " + r.describe());
    }
}
