package org.openkam.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A signed-in API client of one running product (API token), and the probes of a starting one. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;
    private String bearer;

    Http(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    String bearer() {
        return bearer;
    }

    /** Signs in with the password and creates an API token, used for every later call. */
    Http signIn(String user, String password) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(user, password))).build(), 200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = json(login.body()).get("csrfToken").getAsString();
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")).build(), 201, 200);
        bearer = "Bearer " + json(token.body()).get("token").getAsString();
        return this;
    }

    static String credentials(String user, String password) {
        return "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    JsonObject get(String path) {
        return json(send(request(path).GET().build(), 200).body());
    }

    JsonObject post(String path, String json, int... expected) {
        return json(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), expected).body());
    }

    JsonObject postFile(String path, String contentType, Path file, int... expected) {
        try {
            return json(send(request(path).header("Content-Type", contentType).timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), expected).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", bearer);
    }

    /** Polls a job until it ends; returns its last state (state succeeded or failed). */
    JsonObject awaitJob(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject job;
        do {
            job = get("/api/v1/jobs/" + id);
            String state = job.get("state").getAsString();
            if (state.equals("succeeded") || state.equals("failed")) {
                return job;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return job;
    }

    static HttpResponse<String> send(HttpRequest request, int... expected) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            for (int e : expected) {
                if (r.statusCode() == e) {
                    return r;
                }
            }
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode()
                    + ": " + r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of one request, or -1 while nothing answers. */
    static int status(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
