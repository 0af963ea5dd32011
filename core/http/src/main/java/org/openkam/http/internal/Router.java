package org.openkam.http.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;

/** Finds the route for a method and path; literal segments win over parameters. Not thread-safe: build, then read. */
public final class Router implements RouteTable {

    private final List<Route> routes = new ArrayList<>();

    @Override
    public Router add(String method, String template, Operation operation, Handler handler) {
        return add(new Route(method, template, operation, handler));
    }

    @Override
    public Router add(String method, String template, Handler handler) {
        return add(method, template, Operation.of(), handler);
    }

    Router add(Route route) {
        routes.add(route);
        // literal segments before parameters, so /accounts/export wins over /accounts/{id}
        routes.sort((a, b) -> compare(a.segments(), b.segments()));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** A match, or the allowed methods when only the method is wrong (empty set: no such path). */
    public Object find(String method, String path) {
        List<String> parts = split(path);
        Set<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = r.match(parts);
            if (params != null) {
                if (r.method().equals(method)) {
                    return new Match(r, params);
                }
                allowed.add(r.method());
            }
        }
        return allowed;
    }

    /** A route with the path parameters it matched. */
    public record Match(Route route, Map<String, String> params) {
    }

    private static List<String> split(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        // URLDecoder is for forms: keep a literal '+' in a path segment a plus
        return Arrays.stream(p.substring(1).split("/", -1))
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
    }

    /** Orders templates by their shape: segment by segment a literal before a parameter, then shorter first. */
    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            boolean pa = a.get(i).startsWith("{");
            boolean pb = b.get(i).startsWith("{");
            if (pa != pb) {
                return pa ? 1 : -1;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
