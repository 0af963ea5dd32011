package org.openkam.http.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/** Where {@link ApiRoutes} declare their routes. */
@ProviderType
public interface RouteTable {

    /** Handles one request. */
    @ConsumerType
    @FunctionalInterface
    interface Handler {
        /**
         * @return the answer, sent as JSON with the status set on the exchange (200 unless changed); {@code null}
         *         when the handler answered itself (a 204, a stream)
         */
        Object handle(Exchange exchange) throws Exception;
    }

    /**
     * Adds a route.
     *
     * @param method an HTTP method in upper case
     * @param template a path relative to {@code /api/v1} with {@code {name}} parameters, e.g. {@code /accounts/{id}}
     */
    RouteTable add(String method, String template, Handler handler);

    default RouteTable get(String template, Handler handler) {
        return add("GET", template, handler);
    }

    default RouteTable post(String template, Handler handler) {
        return add("POST", template, handler);
    }

    default RouteTable put(String template, Handler handler) {
        return add("PUT", template, handler);
    }

    default RouteTable patch(String template, Handler handler) {
        return add("PATCH", template, handler);
    }

    default RouteTable delete(String template, Handler handler) {
        return add("DELETE", template, handler);
    }
}
