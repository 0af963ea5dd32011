package org.openkam.http.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.persistence.StoreException;
import org.openkam.api.security.Authentication;
import org.openkam.api.security.Session;
import org.openkam.http.api.Json;
import org.openkam.http.api.Problem;
import org.openkam.http.api.WebContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

import com.google.gson.Gson;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code openkam} servlet context every OpenKAM endpoint, a plugin's included, is registered in. It
 * authenticates each request: a bearer API token, or the console's session cookie, whose unsafe requests
 * must echo the session's CSRF token in {@code X-CSRF-Token}. Only a few paths are public.
 */
@Component(service = ServletContextHelper.class, scope = org.osgi.service.component.annotations.ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = WebContext.NAME, path = "/")
public final class OpenKamContext extends ServletContextHelper {

    private static final String SESSION_COOKIE = WebContext.SESSION_COOKIE;
    private static final String CSRF_HEADER = WebContext.CSRF_HEADER;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** "/" and the browsers' icon lead a person to the console (or to a 404 without it), never to a 401. */
    private static final Set<String> PUBLIC = Set.of("/", "/favicon.ico", "/health", "/health/live", "/health/ready",
            "/api/v1/auth/login", "/api/v1/openapi.json");
    private final Gson gson = Json.create();

    /**
     * Optional and dynamic, so the context, and with it {@code /health} and every plugin's registration,
     * outlives a registry that is restarting or cannot reach its database.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authentication authentication;

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return authenticate(request, response);
        } catch (StoreException e) {
            if (!e.unavailable()) {
                throw e;
            }
            // tokens and sessions live in the database: while it restarts, say so instead of failing
            response.setHeader("Retry-After", "5");
            send(response, Problem.of(503, "unavailable", "Service unavailable",
                    "the database cannot be reached at the moment; send the request again shortly"));
            return false;
        }
    }

    private boolean authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = routedPath(request);
        Authentication authentication = this.authentication;
        if (authentication == null) {
            if (path.equals("/health") || path.startsWith("/health/")) {
                return true;
            }
            response.setHeader("Retry-After", "5");
            send(response, Problem.of(503, "unavailable", "Service unavailable",
                    "OpenKAM is starting or cannot reach its database; see /health"));
            return false;
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Caller> caller = authentication.authenticateToken(header.substring(7).strip());
            if (caller.isEmpty()) {
                return deny(response, "the API token is unknown or revoked");
            }
            request.setAttribute(WebContext.CALLER, caller.get());
            return true;
        }
        Optional<Session> session = sessionCookie(request).flatMap(authentication::session);
        if (session.isPresent()) {
            if (!SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(request, session.get())) {
                if (isPublic(path)) {
                    return true; // e.g. signing in again: proceeds without the session
                }
                send(response, Problem.of(403, "csrf", "CSRF token missing or wrong",
                        "send the csrfToken from sign-in in the " + CSRF_HEADER + " header"));
                return false;
            }
            request.setAttribute(WebContext.CALLER, session.get().caller());
            request.setAttribute(WebContext.SESSION, session.get());
            return true;
        }
        if (isPublic(path)) {
            return true;
        }
        return deny(response, "sign in or send an API token");
    }

    /**
     * The path the container dispatches on: decoded, dot segments removed. The raw request URI must not decide
     * what is public, or {@code /console/../api/v1/...} would pass as a console path and reach the API.
     */
    static String routedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + info;
        return path.isEmpty() ? "/" : path; // the context root, as a servlet registered for "" sees it
    }

    static boolean isPublic(String path) {
        return PUBLIC.contains(path) || path.equals("/console") || path.startsWith("/console/");
    }

    private static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (SESSION_COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    private static boolean csrfMatches(HttpServletRequest request, Session session) {
        String sent = request.getHeader(CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private boolean deny(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"openkam\"");
        send(response, Problem.of(401, "unauthenticated", "Authentication required", detail));
        return false;
    }

    private void send(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(gson.toJson(problem));
    }
}
