package org.openkam.scoring.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The scoring endpoints by method and path template, e.g. {@code /accounts/{id}/scores}; literal segments only differ. */
final class Routes {

    /** Handles one request; the returned object is sent as JSON. */
    @FunctionalInterface
    interface Handler {
        Object handle(Request request) throws Exception;
    }

    record Route(String method, List<String> template, Handler handler) {
    }

    /** A route with the path parameters it matched. */
    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    /** Every route, in the order added; the API description is checked against it. */
    List<Route> list() {
        return List.copyOf(routes);
    }

    /** The match, or the methods allowed on the path (empty: no such path). */
    Object find(String method, String path) {
        List<String> parts = split(path == null || path.isEmpty() ? "/" : path);
        Set<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = match(r.template(), parts);
            if (params != null) {
                if (r.method().equals(method)) {
                    return new Match(r, params);
                }
                allowed.add(r.method());
            }
        }
        return allowed;
    }

    private static Map<String, String> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static List<String> split(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Arrays.stream(p.substring(1).split("/", -1))
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
    }
}
