/**
 * The web kit plugins build their HTTP API and console pages with; the {@code org.openkam.http} bundle serves them.
 *
 * <ul>
 * <li><b>Routes.</b> A plugin registers an {@link org.openkam.http.api.ApiRoutes} service; its routes are served
 * under {@code /api/v1} by one dispatcher in the {@code openkam} servlet context, which authenticates every
 * request, reads bodies with {@link org.openkam.http.api.Body}, and maps every exception to problem+json in one
 * place ({@link org.openkam.http.api.Problem}). The kit generates each route's operation in {@code /api/v1/openapi.json} from its declaration
 * ({@link org.openkam.http.api.Operation}); the service's OpenAPI fragment adds the words.</li>
 * <li><b>Console pages.</b> A plugin registers a {@link org.openkam.http.api.ConsoleModules} service whose
 * properties name the bundle folder of its ES modules and declare its pages; the kit serves the modules with the
 * console's security headers and the bundle's version as ETag ({@link org.openkam.http.api.ConsoleFiles}).</li>
 * <li><b>Servlets of one's own</b>, when a plugin truly needs one, join the context with
 * {@link org.openkam.http.api.WebContext#SELECT}.</li>
 * </ul>
 * A plugin writes no servlet, filter, JSON convention or problem mapping of its own.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.openkam.http.api;
