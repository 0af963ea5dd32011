package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.security.Authentication;
import org.openkam.api.security.IssuedToken;
import org.openkam.api.security.Session;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.WebContext;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.http.HttpServletRequest;

/** {@code /auth}: console sign-in with a session cookie and CSRF token; integrators' API tokens. */
@Component
public final class AuthResource implements ApiRoutes {

    private final Authentication authentication;

    @Activate
    public AuthResource(@Reference Authentication authentication) {
        this.authentication = authentication;
    }

    /** What a signed-in client learns about itself; the CSRF token only for cookie sessions. */
    record SessionBody(String csrfToken, Instant expiresAt, String userId, String username, boolean admin,
            Map<String, Set<Role>> grants) {

        static SessionBody of(Caller caller, Session session) {
            return new SessionBody(session == null ? null : session.csrfToken(),
                    session == null ? null : session.expiresAt(), caller.userId(), caller.username(), caller.admin(),
                    caller.grants());
        }
    }

    /** A new token as answered once: the secret is never available again. */
    record TokenBody(String id, String name, String userId, String token, Instant createdAt, Instant expiresAt) {
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("auth");
    }

    @Override
    public void define(RouteTable router) {
        router.add("POST", "/auth/login", Operation.of().jsonBody(), this::login)
                .add("POST", "/auth/logout", this::logout)
                .add("GET", "/auth/session", ex -> SessionBody.of(ex.caller(),
                        (Session) ex.request().getAttribute(WebContext.SESSION)))
                .add("POST", "/auth/password", Operation.of().jsonBody(), this::changePassword)
                .add("GET", "/auth/tokens", ex -> authentication.tokens(ex.caller()))
                .add("POST", "/auth/tokens", Operation.of().jsonBody(), this::createToken)
                .add("DELETE", "/auth/tokens/{id}", ex -> {
                    authentication.revokeToken(ex.caller(), ex.path("id"));
                    ex.status(204);
                    return null;
                });
    }

    private Object login(Exchange ex) throws IOException {
        Body body = ex.body().allow(Set.of("username", "password"), Set.of());
        String username = body.text("username", null);
        String password = body.text("password", null);
        body.throwIfAny();
        if (username == null || password == null) {
            throw ProblemException.badRequest(username == null ? "username" : "password", "is required");
        }
        Optional<Session> session = authentication.login(username, password, ex.request().getRemoteAddr());
        if (session.isEmpty()) {
            throw new ProblemException(Problem.of(401, "bad-credentials", "Sign-in failed",
                    "the user name or password is wrong, the user is disabled, or sign-in is paused after repeated failures"));
        }
        Session s = session.get();
        Session previous = (Session) ex.request().getAttribute(WebContext.SESSION);
        if (previous != null) {
            authentication.logout(previous.token()); // a sign-in always leaves a new session id, never the old one
        }
        setCookie(ex, s.token(), Duration.between(Instant.now(), s.expiresAt()).getSeconds());
        return SessionBody.of(s.caller(), s);
    }

    private Object logout(Exchange ex) {
        Session session = (Session) ex.request().getAttribute(WebContext.SESSION);
        if (session != null) {
            authentication.logout(session.token());
        }
        setCookie(ex, "", 0);
        ex.status(204);
        return null;
    }

    private Object changePassword(Exchange ex) throws IOException {
        Body body = ex.body().allow(Set.of("currentPassword", "newPassword", "revokeTokens"), Set.of());
        String current = body.text("currentPassword", null);
        String next = body.text("newPassword", null);
        boolean revokeTokens = Boolean.TRUE.equals(body.bool("revokeTokens", false));
        body.throwIfAny();
        Session session = (Session) ex.request().getAttribute(WebContext.SESSION);
        authentication.changePassword(ex.caller(), current, next, revokeTokens,
                session == null ? null : session.token());
        ex.status(204);
        return null;
    }

    private Object createToken(Exchange ex) throws IOException {
        Body body = ex.body().allow(Set.of("name", "expiresAt"), Set.of());
        String name = body.text("name", null);
        Instant expiresAt = body.instant("expiresAt", null);
        body.throwIfAny();
        IssuedToken issued = authentication.createToken(ex.caller(), name, expiresAt);
        ex.status(201);
        return new TokenBody(issued.token().id(), issued.token().name(), issued.token().userId(), issued.secret(),
                issued.token().createdAt(), issued.token().expiresAt());
    }

    /** HttpOnly so scripts cannot read it, SameSite=Strict so other sites cannot send it. */
    private static void setCookie(Exchange ex, String value, long maxAgeSeconds) {
        HttpServletRequest request = ex.request();
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        ex.response().addHeader("Set-Cookie", WebContext.SESSION_COOKIE + "=" + value + "; Path=" + path
                + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : ""));
    }
}
