package org.openkam.http.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.openkam.http.api.WebContext;

/**
 * One endpoint: a method and a path template such as {@code /accounts/{id}/contacts}, relative to
 * {@code /api/v1}, with what it declares about itself; its segments are split once, as every request matches
 * against them.
 */
public final class Route {

    private final String method;
    private final String template;
    private final Operation operation;
    private final RouteTable.Handler handler;
    private final List<String> segments;

    Route(String method, String template, Operation operation, RouteTable.Handler handler) {
        if (method == null || template == null || !template.startsWith("/") || operation == null
                || handler == null) {
            throw new IllegalArgumentException(
                    "a route needs a method, a template starting with /, a declaration and a handler: " + method + " "
                            + template);
        }
        this.method = method;
        this.template = template;
        this.operation = operation;
        this.handler = handler;
        this.segments = List.of(template.substring(1).split("/"));
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    /** What the route declares about itself, for its description. */
    public Operation operation() {
        return operation;
    }

    /** True if the context lets requests without a caller reach it; the context decides, not the route. */
    public boolean isPublic() {
        return OpenKamContext.isPublic(WebContext.API_ROOT + template);
    }

    public RouteTable.Handler handler() {
        return handler;
    }

    List<String> segments() {
        return segments;
    }

    /** The method and template with parameter names blanked: routes of one shape cannot be told apart. */
    String shape() {
        return method + " " + template.replaceAll("\\{[^}/]*}", "{}");
    }

    /** The path parameters if {@code path} matches the template, else {@code null}. */
    Map<String, String> match(List<String> path) {
        if (segments.size() != path.size()) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < segments.size(); i++) {
            String part = segments.get(i);
            if (part.startsWith("{")) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>(4);
                }
                params.put(part.substring(1, part.length() - 1), path.get(i));
            } else if (!part.equals(path.get(i))) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
