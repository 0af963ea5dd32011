package org.openkam.console.internal.http;

import java.util.List;
import java.util.Map;

/**
 * One endpoint: a method and a path template such as {@code /accounts/{id}/contacts}, relative to
 * {@code /api/v1}.
 */
public record Route(String method, String template, Handler handler) {

    /** Handles one request; the returned object is sent as JSON, {@code null} means the handler answered. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Exchange exchange) throws Exception;
    }

    List<String> segments() {
        return List.of(template.substring(1).split("/"));
    }

    /** The path parameters if {@code path} matches the template, else {@code null}. */
    Map<String, String> match(List<String> path) {
        List<String> parts = segments();
        if (parts.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new java.util.HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), path.get(i));
            } else if (!part.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }
}
