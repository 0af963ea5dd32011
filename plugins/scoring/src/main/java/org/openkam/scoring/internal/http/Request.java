package org.openkam.scoring.internal.http;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.Caller;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** One request to the scoring API: caller, path parameters, query, body, and the response to set headers on. */
final class Request {

    /** The request attribute the {@code openkam} servlet context stores the authenticated caller under. */
    static final String CALLER = "org.openkam.caller";
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> params;

    Request(HttpServletRequest request, HttpServletResponse response, Map<String, String> params) {
        this.request = request;
        this.response = response;
        this.params = params;
    }

    /** The signed-in caller; the {@code openkam} context lets no request without one through. */
    Caller caller() {
        if (request.getAttribute(CALLER) instanceof Caller c) {
            return c;
        }
        throw new ProblemException(Problem.of(401, "unauthenticated", "Authentication required",
                "sign in or send an API token"));
    }

    String path(String name) {
        return params.get(name);
    }

    /** A query parameter, or {@code null} if absent or blank. */
    String query(String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A required query parameter. */
    String requiredQuery(String name) {
        String v = query(name);
        if (v == null) {
            throw ProblemException.badRequest(name, "is required");
        }
        return v;
    }

    int intQuery(String name, int absent, int min, int max) {
        String v = query(name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    /** The JSON object body; anything else is refused naming the body. */
    JsonObject body() throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json"));
        }
        try (Reader in = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
            JsonElement json = JsonParser.parseReader(in);
            if (!json.isJsonObject()) {
                throw ProblemException.badRequest("body", "must be a JSON object");
            }
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw ProblemException.badRequest("body", "is not valid JSON");
        }
    }

    void status(int status) {
        response.setStatus(status);
    }

    void header(String name, String value) {
        response.setHeader(name, value);
    }
}
