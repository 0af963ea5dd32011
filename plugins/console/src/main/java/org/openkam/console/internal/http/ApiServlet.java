package org.openkam.console.internal.http;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Dispatches {@code /api/v1} requests to routes and turns every outcome into JSON: results, or
 * problem details for the errors services raise on purpose. Faults get a 500 with an incident id
 * that is also logged, never a stack trace.
 */
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final String PREFIX = "/api/v1";
    private final transient Router router;
    private final transient Gson gson;

    public ApiServlet(Router router, Gson gson) {
        this.router = router;
        this.gson = gson;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = apiPath(request);
        try {
            Object found = router.find(request.getMethod(), path);
            if (found instanceof Router.Match match) {
                Exchange exchange = new Exchange(request, response, match.params(), gson);
                Object result = match.route().handler().handle(exchange);
                if (result != null && notModified(request, response)) {
                    response.setStatus(304);
                } else if (result != null) {
                    send(response, response.getStatus(), "application/json", result);
                }
            } else if (found instanceof Set<?> allowed && !allowed.isEmpty()) {
                response.setHeader("Allow", String.join(", ", (Set<String>) allowed));
                problem(response, Problem.of(405, "method-not-allowed", "Method not allowed",
                        request.getMethod() + " is not supported here; use " + allowed));
            } else {
                problem(response, Problem.of(404, "not-found", "Not found", "no API endpoint at " + path));
            }
        } catch (Exception e) {
            problem(response, toProblem(e));
        }
    }

    /**
     * The request's path below {@code /api/v1}, whatever pattern the servlet is registered under (the core API
     * at {@code /api/v1/*}, the administration at {@code /api/v1/admin/...}).
     */
    static String apiPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String full = servletPath + info;
        String below = full.startsWith(PREFIX) ? full.substring(PREFIX.length()) : full;
        return below.isEmpty() ? "/" : below;
    }

    /** A conditional read whose {@code If-None-Match} names the ETag the handler just set. */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response) {
        String etag = response.getHeader("ETag");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (etag == null || ifNoneMatch == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static Problem toProblem(Exception e) {
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
        if (e instanceof ConflictException c) {
            return new Problem("urn:openkam:problem:conflict", "Conflict", 409, c.getMessage(), c.field(),
                    c.field() == null ? null : List.of(new Violation(c.field(), c.getMessage())));
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}: request failed", incident, e);
        return Problem.of(500, "internal", "Internal error", "the server failed; incident " + incident);
    }

    private void problem(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return; // a streamed answer broke off half way; nothing more can be said
        }
        response.reset();
        response.setHeader("Cache-Control", "no-store");
        send(response, problem.status(), Problem.MEDIA_TYPE, problem);
    }

    private void send(HttpServletResponse response, int status, String type, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        gson.toJson(body, response.getWriter());
    }
}
