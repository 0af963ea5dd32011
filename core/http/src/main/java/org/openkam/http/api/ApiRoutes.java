package org.openkam.http.api;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's (or a core resource's) endpoints under {@code /api/v1}, registered as an OSGi service. The kit reads
 * {@link #define} once when the service arrives and serves the routes until the service leaves (its bundle
 * stopped, say), so a resource that lacks a service it needs simply costs its own routes.
 *
 * <p><b>Paths.</b> Templates are relative to {@code /api/v1} ({@code /scoring/models/{id}}); start them with a
 * segment of the plugin's own, or hang them below a core resource ({@code /accounts/{id}/scores}). At each
 * segment literal segments win over parameters, so {@code /accounts/export} beats {@code /accounts/{id}}. A route
 * whose method and path shape (parameter names blanked) another service serves already is refused and logged
 * with its bundle; the earlier registration keeps it.
 *
 * <p><b>Answers.</b> What a handler returns is sent as JSON in the API's conventions ({@link Json}); an exception
 * becomes problem+json: {@link org.openkam.api.ValidationException} 400 naming each field,
 * {@link org.openkam.api.AccessDeniedException} 403, {@link org.openkam.api.NotFoundException} 404,
 * {@link org.openkam.api.ConflictException} 409, {@link org.openkam.api.StaleVersionException} 412,
 * {@link ProblemException} its own problem, anything else 500 with an incident id in the log.
 *
 * <p><b>Description.</b> {@link #openApi()} returns the OpenAPI 3.1 fragment describing the routes, under the
 * rules of {@link org.openkam.api.web.OpenApiContribution}; it joins {@code /api/v1/openapi.json} while the
 * routes are served.
 */
@ConsumerType
public interface ApiRoutes {

    /** Declares the routes; called once per registration. Must not call the services the routes use. */
    void define(RouteTable routes);

    /**
     * Opens the OpenAPI fragment describing the routes, e.g. a resource of the bundle, or {@code null} if another
     * service describes them; the caller closes the stream.
     */
    default InputStream openApi() throws IOException {
        return null;
    }
}
