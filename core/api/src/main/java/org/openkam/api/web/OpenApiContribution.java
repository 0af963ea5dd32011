package org.openkam.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's part of the API description: an OpenAPI 3.1 fragment describing the endpoints the plugin serves
 * under {@code /api/v1}, registered as an OSGi service. The web platform ({@code org.openkam.http}) merges every
 * registered fragment into the core document it serves at {@code /api/v1/openapi.json}, so clients find one document
 * for every endpoint. Routes registered through the web kit ({@code org.openkam.http.api.ApiRoutes}) get their
 * operation id, path parameters, standard problem answers and security generated from their declaration; a
 * fragment then says only the rest (summary, description, schemas, query parameters), and its words win.
 *
 * <p><b>The fragment</b> is a UTF-8 JSON object shaped like an OpenAPI 3.1 document. The console reads:
 * <ul>
 * <li>{@code paths}: the plugin's path items, relative to the document's one server {@code /api/v1} (an
 * endpoint served at {@code /api/v1/scoring/models} is the path {@code /scoring/models}). Start them with a
 * segment of the plugin's own. An {@code operationId} given must be unique in the merged document. Where the kit
 * does not generate it, an operation without {@code security} inherits the document's: an API token
 * ({@code bearerAuth}) or the console session ({@code sessionCookie}); unsafe operations then declare
 * {@code [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}]}.</li>
 * <li>{@code components}: the plugin's own components in any of the OpenAPI sections ({@code schemas},
 * {@code parameters}, {@code responses}, {@code headers}, {@code requestBodies}, {@code examples},
 * {@code securitySchemes}, {@code links}, {@code callbacks}, {@code pathItems}). Names share one space with
 * the core document and every other plugin: prefix them with the plugin's name ({@code ScoringModel}).</li>
 * <li>{@code tags}: tag objects. A tag whose name is declared already keeps its first declaration, so an
 * operation may join a core group such as {@code Jobs}.</li>
 * <li>{@code openapi}, if present, must be a {@code 3.1.x} version. Every other member ({@code info},
 * {@code servers}, {@code security}, ...) is ignored: the core document's apply.</li>
 * </ul>
 *
 * <p><b>References.</b> Every {@code $ref} is local to the merged document, {@code #/components/<section>/<name>}
 * (optionally followed by a pointer into that component), and names a component of the fragment itself or one
 * of the core document. The core document keeps the components listed in {@link #CORE_COMPONENTS} for every
 * 1.x version of this package, so a fragment reuses one problem schema and one set of error answers (e.g.
 * {@code #/components/responses/NotFound}); its other components may change. Components of other plugins
 * cannot be referenced: those plugins may leave. Security requirements name security schemes the same way.
 *
 * <p><b>Refusal.</b> A broken plugin never breaks the document: the console leaves out a whole fragment, and
 * logs why with the bundle's symbolic name, when it cannot be read or is not strict JSON, is larger than
 * {@value #MAX_BYTES} bytes, breaks the shape above, has a reference that does not resolve, or clashes with
 * what the document has already: a path (paths that differ only in the names of their parameters are the same
 * path), a component name or an {@code operationId}. Fragments are merged oldest service first, so the one
 * registered earlier keeps what it has.
 *
 * <p><b>Lifecycle.</b> The console reads a fragment when the set of contributions changes, not for every
 * request, and may read it more than once; {@link #fragment()} must return the same description each time.
 * An unregistered contribution (its bundle stopped, say) leaves the document with it. Register the service
 * while the endpoints it describes are served, e.g. as a component that requires the plugin's servlet.
 */
@ConsumerType
public interface OpenApiContribution {

    /** The largest fragment the console reads, in bytes. */
    int MAX_BYTES = 4 * 1024 * 1024;

    /**
     * The core document's components a fragment may rely on, as the references that name them; since 1.1 also
     * those of an upload answered by the web kit's {@code JobAnswer} ({@code PreferWait}, {@code JobFailed}).
     */
    Set<String> CORE_COMPONENTS = Set.of(
            "#/components/securitySchemes/bearerAuth",
            "#/components/securitySchemes/sessionCookie",
            "#/components/securitySchemes/csrfToken",
            "#/components/schemas/Problem",
            "#/components/schemas/Violation",
            "#/components/schemas/Job",
            "#/components/schemas/JobState",
            "#/components/schemas/JobProblem",
            "#/components/schemas/KeyAccountTier",
            "#/components/parameters/AccountId",
            "#/components/headers/ETag",
            "#/components/headers/Location",
            "#/components/headers/JobLocation",
            "#/components/parameters/PreferWait",
            "#/components/schemas/JobRefusal",
            "#/components/responses/JobFailed",
            "#/components/headers/WWWAuthenticate",
            "#/components/responses/BadRequest",
            "#/components/responses/Unauthorized",
            "#/components/responses/Forbidden",
            "#/components/responses/NotFound",
            "#/components/responses/Conflict",
            "#/components/responses/PreconditionFailed",
            "#/components/responses/PreconditionRequired",
            "#/components/responses/UnsupportedMediaType");

    /**
     * Opens the fragment, e.g. a resource of the plugin's bundle; the caller closes the stream.
     *
     * @throws IOException if the fragment cannot be read; the console then leaves it out
     */
    InputStream fragment() throws IOException;
}
