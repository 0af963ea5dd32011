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
     * Adds a route with what it declares about itself (its body, {@code If-Match}, ...), from which the kit
     * generates the route's operation in {@code /api/v1/openapi.json}.
     *
     * @param method an HTTP method in upper case
     * @param template a path relative to {@code /api/v1} with {@code {name}} parameters, e.g. {@code /accounts/{id}}
     * @since 1.2
     */
    RouteTable add(String method, String template, Operation operation, Handler handler);

    /** Adds a route that declares nothing beyond its method and path ({@link Operation#of()}). */
    default RouteTable add(String method, String template, Handler handler) {
        return add(method, template, Operation.of(), handler);
    }

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

    default RouteTable get(String template, Operation operation, Handler handler) {
        return add("GET", template, operation, handler);
    }

    default RouteTable post(String template, Operation operation, Handler handler) {
        return add("POST", template, operation, handler);
    }

    default RouteTable put(String template, Operation operation, Handler handler) {
        return add("PUT", template, operation, handler);
    }

    default RouteTable patch(String template, Operation operation, Handler handler) {
        return add("PATCH", template, operation, handler);
    }

    default RouteTable delete(String template, Operation operation, Handler handler) {
        return add("DELETE", template, operation, handler);
    }
}
