package org.openkam.scoring.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkam.api.web.OpenApiContribution;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Keeps the scoring fragment of the API description and the routes {@link ScoringResource#define} declares in
 * step: every route documented, nothing stale, operation ids unique, every reference resolving to a component of
 * the fragment or to one the core document guarantees, path parameters in their template, and the declarations
 * the kit derives the error answers from matching what the fragment documents.
 */
class ScoringApiDescriptionTest {

    private static final String PREFIX = "/scoring";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static JsonObject fragment;
    private static Set<String> routes;
    private static Map<String, Operation> declarations;

    @BeforeAll
    static void load() throws Exception {
        ScoringResource resource = new ScoringResource(null, null, null, null);
        try (InputStream in = resource.openApi(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            fragment = JsonParser.parseReader(reader).getAsJsonObject();
        }
        RecordedRoutes recorded = new RecordedRoutes();
        resource.define(recorded);
        routes = new TreeSet<>(recorded.routes);
        declarations = recorded.operations;
        assertEquals(recorded.routes.size(), routes.size(), () -> "a route is declared twice: " + recorded.routes);
    }

    /** What {@link ScoringResource#define} declares, as "METHOD /template". */
    private static final class RecordedRoutes implements RouteTable {
        final List<String> routes = new ArrayList<>();
        final Map<String, Operation> operations = new TreeMap<>();

        @Override
        public RouteTable add(String method, String template, Operation operation, Handler handler) {
            routes.add(method + " " + template);
            operations.put(method + " " + template, operation);
            return this;
        }
    }

    @Test
    void isAnOpenApi31FragmentOfPathsUnderScoringAndTheRootReads() {
        assertTrue(fragment.get("openapi").getAsString().startsWith("3.1."));
        assertFalse(routes.isEmpty(), "ScoringResource.define declared no route");
        for (String path : fragment.getAsJsonObject("paths").keySet()) {
            assertTrue(path.startsWith(PREFIX + "/") || routes.contains("GET " + path),
                    () -> path + " is outside the plugin's " + PREFIX + " and not one of its root reads");
        }
    }

    @Test
    void everyRouteAtTheRootIsAReadAlsoServedUnderScoring() {
        List<String> root = routes.stream().filter(r -> !r.contains(" " + PREFIX + "/")).toList();
        assertEquals(List.of("GET /accounts/{id}/scores", "GET /key-account-recommendations", "GET /portfolio"), root);
        root.forEach(r -> assertTrue(routes.contains(r.replace("GET ", "GET " + PREFIX)), r));
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(operations().keySet());
        assertEquals(Set.of(), missing, "routes of ScoringResource.define missing from " + ScoringResource.FRAGMENT);
    }

    @Test
    void everyDocumentedOperationIsARoute() {
        Set<String> stale = new TreeSet<>(operations().keySet());
        stale.removeAll(routes);
        assertEquals(Set.of(), stale, "operations documented but not declared by ScoringResource.define");
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        Map<String, String> byId = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        operations().forEach((key, operation) -> {
            JsonElement id = operation.get("operationId");
            if (id == null || id.getAsString().isBlank()) {
                problems.add(key + " has no operationId");
            } else if (byId.put(id.getAsString(), key) != null) {
                problems.add(key + " reuses operationId " + id.getAsString());
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyReferenceNamesAComponentOfTheFragmentOrAGuaranteedCoreOne() {
        Set<String> broken = new TreeSet<>();
        collectReferences(fragment, "#", broken);
        assertEquals(Set.of(), broken, "$refs (at -> ref) that neither the fragment nor "
                + "OpenApiContribution.CORE_COMPONENTS resolve");
    }

    @Test
    void securityRequirementsNameKnownSchemes() {
        List<String> unknown = new ArrayList<>();
        operations().forEach((key, operation) -> {
            JsonArray security = operation.getAsJsonArray("security");
            if (security != null) {
                security.forEach(requirement -> requirement.getAsJsonObject().keySet().stream()
                        .filter(s -> !OpenApiContribution.CORE_COMPONENTS.contains("#/components/securitySchemes/" + s))
                        .forEach(s -> unknown.add(key + ": " + s)));
            }
        });
        assertEquals(List.of(), unknown);
    }

    @Test
    void componentNamesCarryThePluginsPrefix() {
        List<String> unprefixed = new ArrayList<>();
        fragment.getAsJsonObject("components").entrySet().forEach(section -> section.getValue().getAsJsonObject()
                .keySet().stream().filter(name -> !name.startsWith("Scoring"))
                .forEach(name -> unprefixed.add(section.getKey() + "." + name)));
        assertEquals(List.of(), unprefixed, "component names share one space with the core and other plugins");
    }

    @Test
    void everyPathParameterIsDeclared() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonElement> path : fragment.getAsJsonObject("paths").entrySet()) {
            JsonObject item = path.getValue().getAsJsonObject();
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = PATH_PARAMETER.matcher(path.getKey());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            for (Map.Entry<String, JsonElement> entry : item.entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                List<JsonElement> parameters = new ArrayList<>();
                for (JsonObject holder : List.of(item, entry.getValue().getAsJsonObject())) {
                    if (holder.has("parameters")) {
                        holder.getAsJsonArray("parameters").forEach(parameters::add);
                    }
                }
                Set<String> declared = new TreeSet<>();
                int fromCore = 0;
                for (JsonElement p : parameters) {
                    JsonObject parameter = p.getAsJsonObject();
                    if (parameter.has("$ref") && resolve(parameter.get("$ref").getAsString()) == null) {
                        fromCore++; // a core parameter: the merged document's check (ApiDocumentIT) knows its name
                        continue;
                    }
                    JsonObject resolved = parameter.has("$ref")
                            ? resolve(parameter.get("$ref").getAsString()).getAsJsonObject() : parameter;
                    if ("path".equals(resolved.get("in").getAsString())) {
                        declared.add(resolved.get("name").getAsString());
                        if (!resolved.has("required") || !resolved.get("required").getAsBoolean()) {
                            problems.add(path.getKey() + ": path parameter " + resolved.get("name") + " not required");
                        }
                    }
                }
                // the kit describes a path parameter the fragment leaves out; one it names must be in the template
                if (!inTemplate.containsAll(declared)) {
                    problems.add(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + ": template "
                            + inTemplate + ", declared " + declared + " and " + fromCore + " core parameter(s)");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRouteDeclaresWhatItsErrorAnswersFollowFrom() {
        List<String> problems = new ArrayList<>();
        operations().forEach((key, operation) -> {
            Operation route = declarations.get(key);
            if (operation.has("requestBody") != route.readsJsonBody()) {
                problems.add(key + ": the fragment's request body and the declared JSON body disagree");
            }
            if (operation.getAsJsonObject("responses").keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(key + ": no success answer");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theFragmentIsReadFromTheBundle() throws IOException {
        try (InputStream in = new ScoringResource(null, null, null, null).openApi()) {
            assertTrue(in.readAllBytes().length > 0);
        }
    }

    /** Every documented operation by "METHOD /path". */
    private static Map<String, JsonObject> operations() {
        Map<String, JsonObject> out = new TreeMap<>();
        for (Map.Entry<String, JsonElement> path : fragment.getAsJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonElement> entry : path.getValue().getAsJsonObject().entrySet()) {
                if (METHODS.contains(entry.getKey())) {
                    out.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                            entry.getValue().getAsJsonObject());
                }
            }
        }
        return out;
    }

    private static void collectReferences(JsonElement node, String at, Set<String> broken) {
        if (node.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : node.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("$ref")) {
                    String ref = entry.getValue().getAsString();
                    boolean core = OpenApiContribution.CORE_COMPONENTS.stream()
                            .anyMatch(c -> ref.equals(c) || ref.startsWith(c + "/"));
                    if (!ref.startsWith("#/components/") || (resolve(ref) == null && !core)) {
                        broken.add(at + " -> " + ref);
                    }
                } else {
                    collectReferences(entry.getValue(), at + "/" + entry.getKey().replace("~", "~0").replace("/", "~1"),
                            broken);
                }
            }
        } else if (node.isJsonArray()) {
            for (int i = 0; i < node.getAsJsonArray().size(); i++) {
                collectReferences(node.getAsJsonArray().get(i), at + "/" + i, broken);
            }
        }
    }

    /** What a local reference names in the fragment, or null. */
    private static JsonElement resolve(String ref) {
        JsonElement current = fragment;
        for (String token : ref.substring(2).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!current.isJsonObject() || !current.getAsJsonObject().has(name)) {
                return null;
            }
            current = current.getAsJsonObject().get(name);
        }
        return current;
    }
}
