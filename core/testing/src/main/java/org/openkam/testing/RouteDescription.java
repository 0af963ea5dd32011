package org.openkam.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.openkam.api.web.OpenApiContribution;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A route service's declared routes beside its OpenAPI fragment, for a plugin's test that keeps them in step:
 * declaring routes calls no service, so the resource may be built with {@code null} references.
 */
public final class RouteDescription {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private final Set<String> routes;
    private final List<String> duplicates;
    private final JsonObject fragment;

    private RouteDescription(Set<String> routes, List<String> duplicates, JsonObject fragment) {
        this.routes = routes;
        this.duplicates = duplicates;
        this.fragment = fragment;
    }

    /** Declares the resource's routes into a recording table and reads its fragment. */
    public static RouteDescription of(ApiRoutes resource) throws IOException {
        Set<String> routes = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        resource.define(new RouteTable() {
            @Override
            public RouteTable add(String method, String template, Handler handler) {
                if (!routes.add(method + " " + template)) {
                    duplicates.add(method + " " + template);
                }
                return this;
            }
        });
        try (InputStream in = resource.openApi()) {
            if (in == null) {
                throw new IOException(resource.getClass().getName() + " has no OpenAPI fragment");
            }
            return new RouteDescription(routes, duplicates,
                    JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        }
    }

    /** The declared routes as {@code METHOD /template}. */
    public Set<String> routes() {
        return routes;
    }

    /** Routes declared more than once. */
    public List<String> duplicates() {
        return duplicates;
    }

    public JsonObject fragment() {
        return fragment;
    }

    /** The documented operations by {@code METHOD /template}. */
    public Map<String, JsonObject> operations() {
        Map<String, JsonObject> out = new TreeMap<>();
        fragment.getAsJsonObject("paths").entrySet().forEach(path -> path.getValue().getAsJsonObject().entrySet()
                .stream().filter(e -> METHODS.contains(e.getKey())).forEach(e -> out.put(
                        e.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), e.getValue().getAsJsonObject())));
        return out;
    }

    /**
     * Components whose names lack the plugin's {@code prefix} (they share one space with every plugin) and references
     * that resolve neither in the fragment nor to a component the core document promises.
     */
    public List<String> componentProblems(String prefix) {
        List<String> problems = new ArrayList<>();
        JsonObject components = fragment.has("components") ? fragment.getAsJsonObject("components") : new JsonObject();
        components.entrySet().forEach(section -> section.getValue().getAsJsonObject().keySet().stream()
                .filter(name -> !name.startsWith(prefix))
                .forEach(name -> problems.add("unprefixed " + section.getKey() + "." + name)));
        references(fragment, problems);
        return problems;
    }

    /**
     * Operations that leave out an error answer the kit gives them: 401 and 404 always; 400 and 415 with a body;
     * 403 and the CSRF token for changes; 412 and 428 where a version is checked (PATCH, DELETE).
     */
    public List<String> undocumentedErrors() {
        List<String> missing = new ArrayList<>();
        operations().forEach((key, operation) -> {
            JsonObject responses = operation.getAsJsonObject("responses");
            List<String> expected = new ArrayList<>(List.of("401", "404"));
            if (operation.has("requestBody")) {
                expected.addAll(List.of("400", "415"));
            }
            if (!key.startsWith("GET ")) {
                expected.add("403");
                if (!String.valueOf(operation.get("security")).contains("csrfToken")) {
                    missing.add(key + ": security without csrfToken");
                }
            }
            if (key.startsWith("PATCH ") || key.startsWith("DELETE ")) {
                expected.addAll(List.of("412", "428"));
            }
            expected.stream().filter(code -> !responses.has(code)).forEach(code -> missing.add(key + ": " + code));
        });
        return missing;
    }

    private void references(JsonElement node, List<String> problems) {
        if (node.isJsonObject()) {
            node.getAsJsonObject().entrySet().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    String ref = e.getValue().getAsString();
                    if (!OpenApiContribution.CORE_COMPONENTS.contains(ref) && resolve(ref) == null) {
                        problems.add("unresolved " + ref);
                    }
                } else {
                    references(e.getValue(), problems);
                }
            });
        } else if (node.isJsonArray()) {
            node.getAsJsonArray().forEach(e -> references(e, problems));
        }
    }

    private JsonElement resolve(String ref) {
        JsonElement current = fragment;
        for (String name : ref.substring(2).split("/")) {
            if (!current.isJsonObject() || !current.getAsJsonObject().has(name)) {
                return null;
            }
            current = current.getAsJsonObject().get(name);
        }
        return current;
    }
}
