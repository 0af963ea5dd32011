package org.openkam.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.persistence.StoreException;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Json;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.WebContext;
import org.openkam.http.internal.openapi.ApiDocument;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The route whiteboard: serves the routes of every {@link ApiRoutes} service under {@code /api/v1} and turns
 * every outcome into JSON, results or problem details. Faults get a 500 with an incident id that is also logged,
 * never a stack trace. A route whose shape an earlier service serves is refused and logged with its bundle.
 */
@Component(service = { Servlet.class, ApiDispatcher.class }, configurationPid = ApiDispatcher.PID)
@Designate(ocd = ApiDispatcher.Config.class)
@HttpWhiteboardContextSelect(WebContext.SELECT)
@HttpWhiteboardServletName("openkam-api")
@HttpWhiteboardServletPattern(WebContext.API_ROOT + "/*")
public final class ApiDispatcher extends HttpServlet {

    static final String PID = "org.openkam.http";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    @ObjectClassDefinition(name = "OpenKAM API", description = "The routes under /api/v1 of every plugin")
    public @interface Config {

        @AttributeDefinition(name = "Largest JSON body (KB)", description = "A JSON request body beyond this is "
                + "refused with 413 before it is parsed (each is held in memory while it is read)", min = "1")
        long json_body_max_kilobytes() default 4096;
    }

    private final transient Gson gson = Json.create();
    private final transient ApiDocument document;
    private final transient ServedRoutes served;
    /** By service id, oldest first: the earlier registration keeps a contested route. */
    private final transient TreeMap<Long, Registered> services = new TreeMap<>();
    /** What requests read: rebuilt whenever a service comes or goes. */
    private transient volatile Router router = new Router();
    private transient volatile long maxJsonBytes;

    /** A service's routes as declared, where it comes from (for the log) and its bundle (for the listing). */
    private record Registered(String source, String bundle, List<Route> routes) {
    }

    @Activate
    public ApiDispatcher(@Reference ApiDocument document, @Reference ServedRoutes served, Config config) {
        this.document = document;
        this.served = served;
        modified(config);
    }

    /** Takes a changed limit without taking the routes away. */
    @Modified
    void modified(Config config) {
        maxJsonBytes = config.json_body_max_kilobytes() * 1024;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRoutes(ApiRoutes routes, ServiceReference<ApiRoutes> reference) {
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        String source = source(reference);
        Router declared = new Router();
        try {
            routes.define(declared);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The routes of {} are left out: declaring them failed", source, e);
            return;
        }
        synchronized (this) {
            services.put(id, new Registered(source, bundle(reference), declared.routes()));
            rebuild();
        }
        if (describes(routes, source)) {
            document.add(id, source, routes::openApi);
        }
    }

    /** True if the service has a description of its own (some leave it to an OpenApiContribution). */
    private static boolean describes(ApiRoutes routes, String source) {
        try (InputStream in = routes.openApi()) {
            return in != null;
        } catch (IOException | RuntimeException e) {
            return true; // the document reports why it cannot read it
        }
    }

    void removeRoutes(ServiceReference<ApiRoutes> reference) {
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        document.remove(id);
        synchronized (this) {
            if (services.remove(id) != null) {
                rebuild();
            }
        }
    }

    /** Every route served now, for readiness and tests. */
    public List<Route> routes() {
        return router.routes();
    }

    /** True if a request for {@code method} and {@code path} (below {@code /api/v1}) would reach a route. */
    public boolean serves(String method, String path) {
        return router.find(method, path) instanceof Router.Match;
    }

    private void rebuild() {
        Router next = new Router();
        List<ServedRoutes.Served> listing = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        for (Registered r : services.values()) {
            for (Route route : r.routes()) {
                String owner = taken.putIfAbsent(route.shape(), r.source());
                if (owner == null) {
                    next.add(route);
                    listing.add(new ServedRoutes.Served(route.method(), route.template(), r.bundle()));
                } else if (!owner.equals(r.source())) {
                    LOG.warn("Route {} of {} is refused: {} serves it already", route, r.source(), owner);
                } else {
                    LOG.warn("Route {} of {} is declared twice; the first declaration serves", route, r.source());
                }
            }
        }
        router = next;
        document.routes(next.routes());
        served.update(listing);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String path = apiPath(request);
        try {
            Object found = router.find(request.getMethod(), path);
            if (found instanceof Router.Match match) {
                HttpExchange exchange = new HttpExchange(request, response, match.params(), gson,
                        maxJsonBytes);
                Object result = match.route().handler().handle(exchange);
                if (result != null && Revalidation.notModified(request, response)) {
                    response.setStatus(304);
                } else if (result != null) {
                    send(response, response.getStatus(), "application/json", result);
                }
            } else if (found instanceof Set<?> allowed && !allowed.isEmpty()) {
                List<String> methods = new ArrayList<>();
                allowed.forEach(m -> methods.add(String.valueOf(m)));
                response.setHeader("Allow", String.join(", ", methods));
                problem(response, Problem.of(405, "method-not-allowed", "Method not allowed",
                        request.getMethod() + " is not supported here; use " + methods));
            } else {
                problem(response, Problem.of(404, "not-found", "Not found", "no API endpoint at " + path));
            }
        } catch (Exception | LinkageError e) {
            if (clientGone(e)) {
                // The client hung up (a browser that navigated away, a cancelled upload, a load generator that
                // stopped): no fault of ours, nobody to answer and nothing left to abort. Answered or thrown on, it
                // would be logged at ERROR with a stack trace, an upload's as an incident.
                LOG.debug("{} {}: the client went away ({})", request.getMethod(), path, e.toString());
                return;
            }
            if (response.isCommitted()) {
                // A streamed answer (e.g. a CSV export) broke off half way: its status and part of its body are
                // out. Returning normally would let the server end the chunked body cleanly, a complete-looking
                // 200 cut mid-line; throwing makes Jetty abort the connection, so the client sees the failure.
                LOG.warn("{} {} failed after its answer had started; the connection is aborted: {}",
                        request.getMethod(), path, e.toString());
                throw new IOException("the answer broke off after it was committed", e);
            }
            // a LinkageError: the route's bundle went away while it answered
            problem(response, toProblem(e), e instanceof ProblemException p ? p.members() : Map.of());
        }
    }

    /**
     * Whether the failure is the client's connection closing: Jetty's {@code EofException} or a subclass (by name, so
     * that the web kit does not depend on Jetty) anywhere in the chain. Other end-of-file failures, such as a
     * truncated JSON body, are the request's fault and answered as such.
     */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof EOFException)) {
                continue;
            }
            for (Class<?> c = t.getClass(); c != EOFException.class; c = c.getSuperclass()) {
                if (c.getName().equals("org.eclipse.jetty.io.EofException")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request's path below {@code /api/v1}. */
    static String apiPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String full = servletPath + info;
        String below = full.startsWith(WebContext.API_ROOT) ? full.substring(WebContext.API_ROOT.length()) : full;
        return below.isEmpty() ? "/" : below;
    }

    /** The one mapping of exceptions to problem details, for every route of every bundle. */
    static Problem toProblem(Throwable e) {
        if (e instanceof ProblemException p) {
            return p.problem();
        }
        if (e instanceof ValidationException v) {
            return Problem.invalid(v.violations());
        }
        if (e instanceof NotFoundException) {
            return Problem.of(404, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return Problem.of(403, "forbidden", "Forbidden", e.getMessage());
        }
        if (e instanceof StaleVersionException) {
            return Problem.of(412, "stale-version", "Changed meanwhile",
                    e.getMessage() + "; read it again and reapply your change");
        }
        if (e instanceof StoreException s && s.unavailable()) {
            return Problem.of(503, "unavailable", "Service unavailable",
                    "the database cannot be reached at the moment; send the request again shortly");
        }
        if (e instanceof ConflictException c) {
            return new Problem("urn:openkam:problem:conflict", "Conflict", 409, c.getMessage(), c.field(),
                    c.field() == null ? null : List.of(new Violation(c.field(), c.getMessage())));
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}: request failed", incident, e);
        return Problem.of(500, "internal", "Internal error", "the server failed; incident " + incident);
    }

    private void problem(HttpServletResponse response, Problem problem) throws IOException {
        problem(response, problem, Map.of());
    }

    /** Writes the problem with its extension members after the standard ones. */
    private void problem(HttpServletResponse response, Problem problem, Map<String, Object> members)
            throws IOException {
        String vary = response.getHeader("Vary"); // what the answer depended on holds for the problem too
        response.reset(); // drops a half-built answer's headers, the context's nosniff among them: set again
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (vary != null) {
            response.setHeader("Vary", vary);
        }
        response.setHeader("Cache-Control", "no-store");
        if (problem.status() == 503) {
            response.setHeader("Retry-After", "5");
        }
        Object body = problem;
        if (!members.isEmpty()) {
            JsonObject json = gson.toJsonTree(problem).getAsJsonObject();
            members.forEach((name, value) -> json.add(name, gson.toJsonTree(value)));
            body = json;
        }
        send(response, problem.status(), Problem.MEDIA_TYPE, body);
    }

    private void send(HttpServletResponse response, int status, String type, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        // Gson writes token by token, and Jetty's writer takes a lock and encodes for every write: a list of 50
        // accounts spent most of its time there. The text is built first and sent as bytes in one write (a route's
        // answer is a bounded page; streamed answers such as exports write the response themselves). No
        // Content-Length of our own: with it Jetty sends the answer at once, before it sees a request body left
        // unread, and then closes a connection the client was told it could reuse.
        AnswerText text = new AnswerText();
        gson.toJson(body, text);
        ByteBuffer bytes = text.utf8();
        response.getOutputStream().write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    }

    static String source(ServiceReference<?> reference) {
        return bundle(reference) + " (service " + reference.getProperty(Constants.SERVICE_ID) + ")";
    }

    private static String bundle(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? "an unregistered bundle" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
