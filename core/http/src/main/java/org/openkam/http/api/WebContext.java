package org.openkam.http.api;

/** Names shared with the {@code openkam} servlet context: how to join it and what it leaves on a request. */
public final class WebContext {

    /** The servlet context every OpenKAM endpoint is registered in. */
    public static final String NAME = "openkam";
    /** The whiteboard target that selects the context, for {@code @HttpWhiteboardContextSelect}. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
    /** The request attribute holding the authenticated {@link org.openkam.api.Caller}. */
    public static final String CALLER = "org.openkam.caller";
    /** The request attribute holding the console {@link org.openkam.api.security.Session}, when signed in with one. */
    public static final String SESSION = "org.openkam.session";
    /** The console's session cookie. */
    public static final String SESSION_COOKIE = "OPENKAM_SESSION";
    /** The header an unsafe request with the session cookie must echo the session's CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The root of the HTTP API; route templates are relative to it. */
    public static final String API_ROOT = "/api/v1";
    /**
     * The Content-Security-Policy of every console answer: scripts, styles and connections from this origin only,
     * so injected markup cannot run code.
     */
    public static final String CONSOLE_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private WebContext() {
    }
}
