package org.openkam.http.api;

import java.io.IOException;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

import com.google.gson.Gson;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One API request as a route sees it: the caller, path parameters, query, body, and the answer's status and
 * headers. Query and body readers refuse bad input with a {@link ProblemException} naming the parameter or field.
 */
@ProviderType
public interface Exchange {

    /** The signed-in caller; the context lets no request without one reach a route. */
    Caller caller();

    /** A path parameter of the route's template, decoded. */
    String path(String name);

    /** A query parameter, stripped, or {@code null} if absent or blank. */
    String query(String name);

    /** A query parameter that must be there; its absence is a 400 naming it. */
    String requiredQuery(String name);

    /** A whole-number query parameter within {@code [min, max]}, or {@code absent}. */
    int intQuery(String name, int absent, int min, int max);

    /** A {@code true}/{@code false} query parameter; absent is false. */
    boolean boolQuery(String name);

    /** An enum query parameter by its wire name ({@code key-account-manager}), or {@code null} if absent. */
    <E extends Enum<E>> E enumQuery(String name, Class<E> type);

    /** The JSON object body; another media type is a 415, anything but one JSON object a 400. */
    Body body() throws IOException;

    /**
     * The version the client last saw: the {@code If-Match} header (an ETag this API sent), else the body's
     * {@code version} ({@code body} may be {@code null}). Neither is a 428, so no change is blind.
     */
    long expectedVersion(Body body);

    /** Sets the ETag of a versioned answer. */
    void etag(long version);

    /** Sets the answer's status, e.g. 201 or 202. */
    void status(int status);

    /** Sets an answer header, e.g. {@code Location}. */
    void header(String name, String value);

    /** The address of a path below {@code /api/v1} on this server, for {@code Location} headers. */
    String apiUrl(String path);

    /** The Gson of the API's conventions, for routes that stream their answer. */
    Gson gson();

    /** The servlet request, for routes that read a stream (uploads). */
    HttpServletRequest request();

    /** The servlet response, for routes that stream their answer. */
    HttpServletResponse response();
}
