package org.openkam.systemtest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A small client of one OpenKAM node's HTTP API. Immutable: {@link #signIn} and {@link #withBearer} return
 * a client carrying those credentials. Paths starting with {@code /api/}, {@code /health} or {@code /console}
 * are used as they are, every other path is relative to {@code /api/v1}.
 */
public final class Api {

    public static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);

    private final URI base;
    private final String sessionCookie;
    private final String csrfToken;
    private final String bearer;

    public Api(URI base) {
        this(base, null, null, null);
    }

    private Api(URI base, String sessionCookie, String csrfToken, String bearer) {
        this.base = base;
        this.sessionCookie = sessionCookie;
        this.csrfToken = csrfToken;
        this.bearer = bearer;
    }

    /** A JSON object from alternating keys and values; {@code null} values are kept. */
    public static Map<String, Object> json(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public URI base() {
        return base;
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The same session cookie, but unsafe requests go out without the {@code X-CSRF-Token} header. */
    public Api withoutCsrf() {
        return new Api(base, sessionCookie, null, bearer);
    }

    /** The same credentials against another node (e.g. a session opened on node A, used on node B). */
    public Api at(URI otherBase) {
        return new Api(otherBase, sessionCookie, csrfToken, bearer);
    }

    /** A client that authenticates with {@code Authorization: Bearer token} only. */
    public Api withBearer(String token) {
        return new Api(base, null, null, token);
    }

    /** The raw sign-in request. */
    public Response login(String username, String password) {
        return post("/auth/login", json("username", username, "password", password));
    }

    /** Signs in (asserting 200) and returns a client holding the session cookie and CSRF token. */
    public Api signIn(String username, String password) {
        Response r = login(username, password).expect(200);
        String cookie = r.cookie(OpenKamCookie.NAME);
        if (cookie == null || cookie.isEmpty()) {
            throw new AssertionError("sign-in of " + username + " set no " + OpenKamCookie.NAME + " cookie: "
                    + r.describe());
        }
        JsonElement csrf = r.object().get("csrfToken");
        if (csrf == null || csrf.isJsonNull()) {
            throw new AssertionError("sign-in of " + username + " answered no csrfToken: " + r.describe());
        }
        return new Api(base, cookie, csrf.getAsString(), null);
    }

    /** An API token of the signed-in caller: its id and a client using it. */
    public record Token(String id, String secret, Api api) {
    }

    public Token createToken(String name) {
        JsonObject body = post("/auth/tokens", json("name", name)).expect(201).object();
        String secret = body.get("token").getAsString();
        return new Token(body.get("id").getAsString(), secret, withBearer(secret));
    }

    public Response get(String path, String... headers) {
        return request("GET", path).headers(headers).send();
    }

    public Response post(String path, Object jsonBody, String... headers) {
        return request("POST", path).headers(headers).json(jsonBody).send();
    }

    public Response put(String path, Object jsonBody, String... headers) {
        return request("PUT", path).headers(headers).json(jsonBody).send();
    }

    public Response patch(String path, Object jsonBody, String... headers) {
        return request("PATCH", path).headers(headers).json(jsonBody).send();
    }

    public Response delete(String path, String... headers) {
        return request("DELETE", path).headers(headers).send();
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    /**
     * Polls {@code GET /jobs/{id}} until the job is finished (state {@code succeeded}, {@code failed} or {@code interrupted}) and
     * returns it; {@code onPoll} sees every answer on the way. The timeout is a safety net, not an assertion.
     */
    public JsonObject awaitJob(String jobId, Consumer<JsonObject> onPoll) {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            job = get("/jobs/" + jobId).expect(200).object();
            onPoll.accept(job);
            String state = job.get("state").getAsString();
            if (state.equals("succeeded") || state.equals("failed") || state.equals("interrupted")) {
                return job;
            }
            try {
                Thread.sleep(OpenKamProcess.POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not finish within " + JOB_TIMEOUT.toMinutes()
                + " min; last seen: " + job);
    }

    String resolve(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        if (path.startsWith("/api/") || path.startsWith("/health") || path.startsWith("/console")) {
            return base + path;
        }
        return base + "/api/v1" + (path.startsWith("/") ? path : "/" + path);
    }

    /** One request under construction. */
    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String contentType;
        private boolean chunked;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Headers as alternating names and values. */
        public Request headers(String... namesAndValues) {
            if (namesAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("header names and values must come in pairs");
            }
            for (int i = 0; i < namesAndValues.length; i += 2) {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request json(Object value) {
            String text = value instanceof String s ? s : GSON.toJson(value);
            return body("application/json", text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String type, byte[] bytes) {
            this.contentType = type;
            this.body = bytes;
            return this;
        }

        /** Sends the body without announcing its length (chunked), as a client streaming it does. */
        public Request chunked() {
            this.chunked = true;
            return this;
        }

        public Response send() {
            URI uri = URI.create(resolve(path));
            byte[] sent = body;
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .method(method, sent == null ? HttpRequest.BodyPublishers.noBody()
                            : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sent))
                            : HttpRequest.BodyPublishers.ofByteArray(sent));
            if (!headers.containsKey("Accept")) {
                b.header("Accept", "application/json");
            }
            if (contentType != null && !headers.containsKey("Content-Type")) {
                b.header("Content-Type", contentType);
            }
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            if (sessionCookie != null) {
                b.header("Cookie", OpenKamCookie.NAME + "=" + sessionCookie);
                boolean unsafe = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
                if (unsafe && csrfToken != null && !headers.containsKey("X-CSRF-Token")) {
                    b.header("X-CSRF-Token", csrfToken);
                }
            }
            headers.forEach(b::header);
            try {
                HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Response(method, uri, r.statusCode(), r.headers(),
                        new String(decoded(r), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(method + " " + uri + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(method + " " + uri + " interrupted", e);
            }
        }
    }

    /** The body as a browser reads it: a test that asks for a compressed answer sees its text. */
    private static byte[] decoded(HttpResponse<byte[]> r) throws IOException {
        if (!r.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
            return r.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        }
    }

    /** The session cookie's name. */
    static final class OpenKamCookie {
        static final String NAME = "OPENKAM_SESSION";

        private OpenKamCookie() {
        }
    }
}
