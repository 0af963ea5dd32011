package org.openkam.scoring.internal.http;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.scoring.internal.config.UnitConfigurations;
import org.openkam.scoring.internal.engine.ScoringEngine;
import org.openkam.scoring.internal.selection.KeyAccountTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The scoring API under {@code /api/v1/scoring}, in the {@code openkam} servlet context, which authenticates every
 * request. The whiteboard sends a request to the servlet with the longest matching pattern, so this prefix is
 * ours while the core API keeps {@code /api/v1/*}. Answers are JSON; errors are problem details as in the core
 * API.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=openkam)")
@HttpWhiteboardServletName("openkam-scoring-api")
@HttpWhiteboardServletPattern({ScoringServlet.PATTERN, "/api/v1/portfolio", "/api/v1/key-account-recommendations"})
public final class ScoringServlet extends HttpServlet {

    static final String PATTERN = "/api/v1/scoring/*";
    static final String API = "/api/v1";
    static final String PREFIX = "/scoring";
    /**
     * Reads also served at the API's root, where key account managers look for them: the portfolio, the
     * recommendations, and an account's scores (that one through {@link AccountScoresFilter}).
     */
    static final Set<String> AT_ROOT = Set.of("GET /portfolio", "GET /key-account-recommendations",
            "GET /accounts/{id}/scores");
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ScoringServlet.class);
    private final transient Routes routes;
    private final transient Gson gson = Json.create();

    /** Per-unit key account targets; dynamic, so configurations come and go without restarting the API. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<KeyAccountTarget> targets;

    @Activate
    public ScoringServlet(@Reference ScoringEngine engine, @Reference AccountRegistry accounts,
            @Reference BusinessUnits units, @Reference UnitConfigurations configurations) {
        this.routes = new ScoringResource(engine, accounts, units, () -> targets, configurations).routes();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = routePath(request);
        try {
            Object found = routes.find(request.getMethod(), path);
            if (found instanceof Routes.Match match) {
                Object result = match.route().handler().handle(new Request(request, response, match.params()));
                if (result != null) {
                    send(response, response.getStatus(), "application/json", result);
                }
            } else if (found instanceof Set<?> allowed && !allowed.isEmpty()) {
                response.setHeader("Allow", String.join(", ", allowed.stream().map(String::valueOf).toList()));
                problem(response, Problem.of(405, "method-not-allowed", "Method not allowed",
                        request.getMethod() + " is not supported here; use " + allowed));
            } else {
                problem(response, Problem.of(404, "not-found", "Not found", "no scoring endpoint at "
                        + request.getRequestURI()));
            }
        } catch (Exception e) {
            problem(response, toProblem(e));
        }
    }

    /** The route path: the request's path below {@code /api/v1/scoring}, or below {@code /api/v1} for the root reads. */
    static String routePath(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        path = path.startsWith(API) ? path.substring(API.length()) : path;
        path = path.startsWith(PREFIX + "/") || path.equals(PREFIX) ? path.substring(PREFIX.length()) : path;
        return path.isEmpty() ? "/" : path;
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
        if (e instanceof ConflictException c) {
            return new Problem("urn:openkam:problem:conflict", "Conflict", 409, c.getMessage(), c.field(),
                    c.field() == null ? null : List.of(new Violation(c.field(), c.getMessage())));
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}: scoring request failed", incident, e);
        return Problem.of(500, "internal", "Internal error", "the server failed; incident " + incident);
    }

    private void problem(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
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
