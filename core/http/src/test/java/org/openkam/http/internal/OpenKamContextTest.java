package org.openkam.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openkam.api.security.Authentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class OpenKamContextTest {

    /** A request as the container hands it over: the raw URI beside the path it dispatched on. */
    static HttpServletRequest request(String method, String rawUri, String servletPath, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(OpenKamContextTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> rawUri;
                    case "getContextPath" -> "";
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> null;
                });
    }

    /** A response that records its status and headers. */
    static HttpServletResponse response(Map<String, Object> seen) {
        StringWriter body = new StringWriter();
        return (HttpServletResponse) Proxy.newProxyInstance(OpenKamContextTest.class.getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> seen.put("status", args[0]);
                    case "setHeader" -> seen.put(String.valueOf(args[0]), args[1]);
                    case "getWriter" -> new PrintWriter(body);
                    default -> null;
                });
    }

    private static OpenKamContext contextWithoutSessions() throws ReflectiveOperationException {
        OpenKamContext context = new OpenKamContext();
        Authentication nobody = (Authentication) Proxy.newProxyInstance(OpenKamContextTest.class.getClassLoader(),
                new Class<?>[] { Authentication.class }, (proxy, m, args) -> Optional.empty());
        Field field = OpenKamContext.class.getDeclaredField("authentication");
        field.setAccessible(true);
        field.set(context, nobody);
        return context;
    }

    @Test
    void dotSegmentsThroughThePublicConsoleDoNotReachTheApiUnauthenticated() throws Exception {
        Map<String, Object> seen = new HashMap<>();
        boolean passed = contextWithoutSessions().handleSecurity(
                request("GET", "/console/../api/v1/pipeline/stages", "/api/v1", "/pipeline/stages"), response(seen));
        assertFalse(passed, "the API behind /console/../ must need authentication");
        assertEquals(401, seen.get("status"));
    }

    @Test
    void theConsoleItselfStaysPublic() throws Exception {
        Map<String, Object> seen = new HashMap<>();
        assertTrue(contextWithoutSessions().handleSecurity(
                request("GET", "/console/app.js", "/console", "/app.js"), response(seen)));
    }

    @Test
    void theServersRootAndItsIconArePublicButNothingBelowTheRoot() throws Exception {
        OpenKamContext context = contextWithoutSessions();
        assertTrue(context.handleSecurity(request("GET", "/", "", "/"), response(new HashMap<>())));
        assertTrue(context.handleSecurity(request("GET", "/", "", null), response(new HashMap<>())),
                "the root as a servlet registered for \"\" sees it");
        assertTrue(context.handleSecurity(request("GET", "/favicon.ico", "/favicon.ico", null),
                response(new HashMap<>())));
        Map<String, Object> seen = new HashMap<>();
        assertFalse(context.handleSecurity(request("GET", "/accounts", "", "/accounts"), response(seen)));
        assertEquals(401, seen.get("status"));
    }
}
