package org.openkam.systemtest;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

/** One HTTP answer: status, headers and body, with helpers that fail with the whole exchange in the message. */
public record Response(String method, URI uri, int status, HttpHeaders headers, String body) {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** Asserts the status; the message shows the request and the whole answer. */
    public Response expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected " + expected + " but got " + describe());
        }
        return this;
    }

    /** Asserts an RFC 9457 problem with this status. */
    public Response expectProblem(int expected) {
        expect(expected);
        if (!contentType().startsWith(PROBLEM_JSON)) {
            throw new AssertionError("expected Content-Type " + PROBLEM_JSON + " but got " + describe());
        }
        JsonObject problem = object();
        if (!problem.has("status") || problem.get("status").getAsInt() != expected) {
            throw new AssertionError("the problem's status member is not " + expected + ": " + describe());
        }
        return this;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public List<String> allHeaders(String name) {
        return headers.allValues(name);
    }

    public String contentType() {
        return header("Content-Type") == null ? "" : header("Content-Type").toLowerCase(Locale.ROOT);
    }

    public String etag() {
        return header("ETag");
    }

    /** The value of a cookie this answer sets, or {@code null}. */
    public String cookie(String name) {
        String header = setCookie(name);
        if (header == null) {
            return null;
        }
        String pair = header.split(";", 2)[0];
        return pair.substring(pair.indexOf('=') + 1).strip();
    }

    /** The whole {@code Set-Cookie} header of a cookie, or {@code null}. */
    public String setCookie(String name) {
        for (String h : allHeaders("Set-Cookie")) {
            if (h.strip().startsWith(name + "=")) {
                return h;
            }
        }
        return null;
    }

    public JsonElement json() {
        try {
            return JsonParser.parseString(body);
        } catch (JsonSyntaxException e) {
            throw new AssertionError("the body is not JSON: " + describe(), e);
        }
    }

    public JsonObject object() {
        JsonElement e = json();
        if (!e.isJsonObject()) {
            throw new AssertionError("the body is not a JSON object: " + describe());
        }
        return e.getAsJsonObject();
    }

    public JsonArray array() {
        JsonElement e = json();
        if (!e.isJsonArray()) {
            throw new AssertionError("the body is not a JSON array: " + describe());
        }
        return e.getAsJsonArray();
    }

    /** The items of a listing page ({@code {"items": [...]}}). */
    public JsonArray items() {
        JsonObject o = object();
        if (!o.has("items") || !o.get("items").isJsonArray()) {
            throw new AssertionError("the body has no items array: " + describe());
        }
        return o.getAsJsonArray("items");
    }

    /** A text member of the object body, or {@code null}. */
    public String text(String member) {
        JsonElement e = object().get(member);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** The fields a problem names: its {@code field} and every {@code errors[].field}. */
    public Set<String> problemFields() {
        JsonObject o = object();
        Set<String> fields = new LinkedHashSet<>();
        if (o.has("field") && !o.get("field").isJsonNull()) {
            fields.add(o.get("field").getAsString());
        }
        if (o.has("errors") && o.get("errors").isJsonArray()) {
            for (JsonElement e : o.getAsJsonArray("errors")) {
                if (e.isJsonObject() && e.getAsJsonObject().has("field")
                        && !e.getAsJsonObject().get("field").isJsonNull()) {
                    fields.add(e.getAsJsonObject().get("field").getAsString());
                }
            }
        }
        return fields;
    }

    /** Only {@code errors[].field}, in order. */
    public List<String> errorFields() {
        List<String> out = new ArrayList<>();
        JsonObject o = object();
        if (o.has("errors") && o.get("errors").isJsonArray()) {
            for (JsonElement e : o.getAsJsonArray("errors")) {
                JsonElement f = e.isJsonObject() ? e.getAsJsonObject().get("field") : null;
                out.add(f == null || f.isJsonNull() ? null : f.getAsString());
            }
        }
        return out;
    }

    /** The request and the answer, for assertion messages (long bodies shortened). */
    public String describe() {
        String shown = body.length() > 3000 ? body.substring(0, 3000) + "... (" + body.length() + " chars)" : body;
        return method + " " + uri + " -> " + status + " [Content-Type: " + contentType() + ", ETag: " + etag()
                + "] " + shown;
    }

    @Override
    public String toString() {
        return describe();
    }
}
