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
import org.openkam.http.api.Operation;
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
    private final Map<String, Operation> routes;
    private final List<String> duplicates;
    private final JsonObject fragment;

    private RouteDescription(Map<String, Operation> routes, List<String> duplicates, JsonObject fragment) {
        this.routes = routes;
        this.duplicates = duplicates;
        this.fragment = fragment;
    }

    /** Declares the resource's routes into a recording table and reads its fragment. */
    public static RouteDescription of(ApiRoutes resource) throws IOException {
        Map<String, Operation> routes = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        resource.define(new RouteTable() {
            @Override
            public RouteTable add(String method, String template, Operation operation, Handler handler) {
                if (routes.putIfAbsent(method + " " + template, operation) != null) {
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
        return new TreeSet<>(routes.keySet());
    }

    /** What each route declares about itself, by {@code METHOD /template}. */
    public Map<String, Operation> declarations() {
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
     * Routes whose declaration, from which the kit generates their error answers, contradicts their fragment: a
     * documented JSON request body the route does not declare (or the other way round), and a change (PATCH,
     * DELETE) of a versioned record that does not declare {@code ifMatch()}.
     */
    public List<String> declarationProblems() {
        List<String> problems = new ArrayList<>();
        operations().forEach((key, operation) -> {
            Operation declared = routes.get(key);
            if (declared == null) {
                return; // a documented operation without a route: the routes-versus-operations check names it
            }
            boolean documentedJson = operation.has("requestBody")
                    && operation.getAsJsonObject("requestBody").getAsJsonObject("content").has("application/json");
            if (documentedJson != declared.readsJsonBody()) {
                problems.add(key + ": the fragment's JSON request body and the declared jsonBody() disagree");
            }
            if ((key.startsWith("PATCH ") || key.startsWith("DELETE ")) && !declared.needsIfMatch()) {
                problems.add(key + ": a change of a versioned record declares ifMatch()");
            }
        });
        return problems;
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
