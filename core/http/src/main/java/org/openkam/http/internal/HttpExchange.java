package org.openkam.http.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.WebContext;

import com.google.gson.Gson;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** One API request: its path parameters, query, body, caller and response. */
final class HttpExchange implements Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> params;
    private final Gson gson;
    private final long maxJsonBytes;

    /** @param maxJsonBytes the most a JSON body may hold ({@link BoundedBody}) */
    HttpExchange(HttpServletRequest request, HttpServletResponse response, Map<String, String> params, Gson gson,
            long maxJsonBytes) {
        this.request = request;
        this.response = response;
        this.params = params;
        this.gson = gson;
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    public HttpServletRequest request() {
        return request;
    }

    @Override
    public HttpServletResponse response() {
        return response;
    }

    @Override
    public Gson gson() {
        return gson;
    }

    /** The signed-in caller; the context lets no request without one reach a protected route. */
    @Override
    public Caller caller() {
        Object caller = request.getAttribute(WebContext.CALLER);
        if (caller instanceof Caller c) {
            return c;
        }
        throw new ProblemException(Problem.of(401, "unauthenticated", "Authentication required",
                "sign in or send an API token"));
    }

    @Override
    public String path(String name) {
        return params.get(name);
    }

    /** A query parameter, or {@code null} if absent or empty. */
    @Override
    public String query(String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String requiredQuery(String name) {
        String v = query(name);
        if (v == null) {
            throw ProblemException.badRequest(name, "is required");
        }
        return v;
    }

    @Override
    public int intQuery(String name, int absent, int min, int max) {
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

    @Override
    public boolean boolQuery(String name) {
        String v = query(name);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    @Override
    public <E extends Enum<E>> E enumQuery(String name, Class<E> type) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        E value = Body.parse(type, v);
        if (value == null) {
            throw ProblemException.badRequest(name, "must be one of " + Body.choices(type));
        }
        return value;
    }

    /**
     * The JSON object body, read strictly (see {@link StrictJson}); another media type is a 415, one larger than the
     * limit a 413 (before a byte is read where its length is announced).
     */
    @Override
    public Body body() throws IOException {
        if (!isJson(request.getContentType())) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json"));
        }
        if (request.getContentLengthLong() > maxJsonBytes) {
            throw BoundedBody.tooLarge(maxJsonBytes);
        }
        try (Reader in = StrictJson.utf8(new BoundedBody(request.getInputStream(), maxJsonBytes))) {
            return new Body(StrictJson.object(in));
        }
    }

    /**
     * Exactly {@code application/json}, optionally with parameters ({@code ; charset=utf-8}): a prefix match would
     * take {@code application/jsonfoo}. JSON is UTF-8 (RFC 8259), so another charset is refused too.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The version the client last saw: the {@code If-Match} header (an ETag this API sent), else the
     * body's {@code version}. Changing without either is refused, so no update is blind.
     */
    @Override
    public long expectedVersion(Body body) {
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch != null) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("If-Match", "must be an ETag this API sent, such as \"3\"");
            }
        }
        Long version = body == null ? null : body.whole("version");
        if (version == null) {
            throw new ProblemException(new Problem("urn:openkam:problem:precondition-required", "Precondition required",
                    428, "send the ETag you read in If-Match (or the version in the body)", "If-Match", null));
        }
        return version;
    }

    /** Sets the ETag of a versioned resource. */
    @Override
    public void etag(long version) {
        response.setHeader("ETag", "\"" + version + "\"");
    }

    @Override
    public void status(int status) {
        response.setStatus(status);
    }

    @Override
    public void header(String name, String value) {
        response.setHeader(name, value);
    }

    @Override
    public String apiUrl(String path) {
        return request.getContextPath() + WebContext.API_ROOT + path;
    }
}
