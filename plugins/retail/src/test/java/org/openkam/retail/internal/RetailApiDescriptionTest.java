package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkam.api.persistence.Database;
import org.openkam.api.web.OpenApiContribution;
import org.openkam.http.api.RouteTable;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Keeps the fragment and the routes {@link RetailResource#define} declares in step: every route documented and
 * nothing stale, components prefixed, every reference resolving here or in the core document, errors documented.
 */
class RetailApiDescriptionTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static JsonObject fragment;
    private static final Set<String> ROUTES = new TreeSet<>();

    @BeforeAll
    static void load() throws Exception {
        Database database = (Database) Proxy.newProxyInstance(Database.class.getClassLoader(),
                new Class<?>[] {Database.class}, (proxy, method, args) -> method.getName().equals("migrate") ? 0 : null);
        RetailResource resource = new RetailResource(database, null, null, null, null);
        try (InputStream in = resource.openApi()) {
            fragment = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        resource.define(new RouteTable() {
            @Override
            public RouteTable add(String method, String template, Handler handler) {
                assertTrue(ROUTES.add(method + " " + template), "declared twice: " + method + " " + template);
                return this;
            }
        });
    }

    @Test
    void theRoutesAreExactlyTheDocumentedOperations() {
        assertTrue(ROUTES.stream().allMatch(r -> r.contains(" /retail/")), ROUTES::toString);
        assertEquals(ROUTES, operations().keySet());
        assertTrue(fragment.get("openapi").getAsString().startsWith("3.1."));
    }

    @Test
    void componentsCarryThePluginsPrefixAndReferencesResolve() {
        List<String> problems = new ArrayList<>();
        fragment.getAsJsonObject("components").entrySet().forEach(section -> section.getValue().getAsJsonObject()
                .keySet().stream().filter(name -> !name.startsWith("Retail"))
                .forEach(name -> problems.add("unprefixed " + section.getKey() + "." + name)));
        references(fragment, problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOperationDocumentsItsErrorsAndChangesNameTheCsrfToken() {
        List<String> missing = new ArrayList<>();
        operations().forEach((key, operation) -> {
            JsonObject responses = operation.getAsJsonObject("responses");
            List<String> expected = new ArrayList<>(List.of("401", "404"));
            if (operation.has("requestBody")) {
                expected.addAll(List.of("400", "415"));
            }
            if (!key.startsWith("GET ")) {
                expected.add("403");
                assertTrue(String.valueOf(operation.get("security")).contains("csrfToken"), key);
            }
            if (key.startsWith("PATCH ") || key.startsWith("DELETE ")) {
                expected.addAll(List.of("412", "428"));
            }
            expected.stream().filter(code -> !responses.has(code)).forEach(code -> missing.add(key + ": " + code));
        });
        assertEquals(List.of(), missing);
    }

    private static Map<String, JsonObject> operations() {
        Map<String, JsonObject> out = new TreeMap<>();
        fragment.getAsJsonObject("paths").entrySet().forEach(path -> path.getValue().getAsJsonObject().entrySet()
                .stream().filter(e -> METHODS.contains(e.getKey())).forEach(e -> out.put(
                        e.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), e.getValue().getAsJsonObject())));
        return out;
    }

    private static void references(JsonElement node, List<String> problems) {
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

    private static JsonElement resolve(String ref) {
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
