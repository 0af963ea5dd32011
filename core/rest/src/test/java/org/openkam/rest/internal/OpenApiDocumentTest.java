package org.openkam.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.internal.Router;
import org.openkam.http.internal.openapi.ApiDocument;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Keeps the core routes and their description in step: every route has its words in its resource's fragment (or
 * the base document), nothing written there is gone, each resource describes exactly its own routes; and in the document served for these routes operation ids are
 * unique, references resolve and path parameters are declared, and the components plugins' descriptions may
 * reference are kept.
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static JsonObject document;
    /** The paths as written: the base document's and the resources' fragments'. */
    private static JsonObject written;
    private static List<Route> routes;

    /** A declared route. */
    record Route(String method, String template) {
    }

    /** Every route service of this bundle; declaring routes does not call the services, so none are needed. */
    static List<ApiRoutes> resources() {
        return List.of(new AccountsResource(null), new TransferResource(null, null, null, 1), new ContactsResource(null),
                new TeamResource(null), new OpportunitiesResource(null), new PlansResource(null),
                new BuyingCenterResource(null), new ActivitiesResource(null), new FollowUpsResource(null),
                new OverviewResource(null), new RecordsResource(null, null), new OrganizationResource(null, null),
                new AuthResource(null), new ExchangeRatesResource(null));
    }

    @BeforeAll
    static void load() throws IOException {
        Router router = new Router();
        resources().forEach(r -> r.define(router));
        // the base document's paths, served by core/http
        router.get("/openapi.json", ex -> null);
        router.get("/routes", ex -> null);
        routes = router.routes().stream().map(r -> new Route(r.method(), r.template())).toList();
        ApiDocument merged = new ApiDocument();
        List<ApiRoutes> resources = resources();
        for (int i = 0; i < resources.size(); i++) {
            merged.add(i, resources.get(i).getClass().getSimpleName(), resources.get(i)::openApi);
        }
        merged.routes(router.routes());
        ApiDocument.Served served = merged.current();
        assertEquals(Map.of(), served.refused(), "core fragments are refused");
        document = JsonParser.parseString(new String(served.json(), StandardCharsets.UTF_8)).getAsJsonObject();
        written = JsonParser.parseString(new String(ApiDocument.coreDocument(), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonObject("paths");
        for (ApiRoutes resource : resources) {
            fragmentPaths(resource).entrySet().forEach(e -> written.add(e.getKey(), e.getValue()));
        }
    }

    private static JsonObject fragmentPaths(ApiRoutes resource) throws IOException {
        try (InputStream in = resource.openApi()) {
            assertNotNull(in, resource.getClass().getSimpleName() + " returns no OpenAPI fragment");
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject("paths");
        }
    }

    @Test
    void isAnOpenApi31DocumentServedUnderApiV1() {
        assertEquals("3.1.0", document.get("openapi").getAsString());
        assertEquals("/api/v1", document.getAsJsonArray("servers").get(0).getAsJsonObject().get("url").getAsString());
        assertFalse(routes.isEmpty(), "the resources declared no route");
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> documented = documentedOperations(written).keySet();
        List<String> missing = new ArrayList<>();
        for (Route route : routes) {
            String key = key(route.method(), route.template());
            if (!documented.contains(key)) {
                missing.add(key);
            }
        }
        assertTrue(missing.isEmpty(), "declared routes without words in the fragment: "
                + missing);
    }

    @Test
    void everyDocumentedOperationIsARoute() {
        Set<String> registered = new HashSet<>();
        routes.forEach(r -> registered.add(key(r.method(), r.template())));
        List<String> stale = new ArrayList<>();
        for (String key : documentedOperations(written).keySet()) {
            if (!registered.contains(key)) {
                stale.add(key);
            }
        }
        assertTrue(stale.isEmpty(), "documented operations no resource declares: " + stale);
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        Map<String, List<String>> byId = new TreeMap<>();
        List<String> without = new ArrayList<>();
        documentedOperations(document.getAsJsonObject("paths")).forEach((key, operation) -> {
            JsonElement id = operation.get("operationId");
            if (id == null || !id.isJsonPrimitive() || id.getAsString().isBlank()) {
                without.add(key);
            } else {
                byId.computeIfAbsent(id.getAsString(), k -> new ArrayList<>()).add(key);
            }
        });
        Map<String, List<String>> duplicates = new TreeMap<>();
        byId.forEach((id, keys) -> {
            if (keys.size() > 1) {
                duplicates.put(id, keys);
            }
        });
        assertTrue(without.isEmpty(), "operations without an operationId: " + without);
        assertTrue(duplicates.isEmpty(), "operationIds used more than once: " + duplicates);
    }

    @Test
    void everyReferenceResolves() {
        Set<String> broken = new TreeSet<>();
        collectReferences(document, "#", broken);
        assertTrue(broken.isEmpty(), "$refs that do not resolve to a component (at -> ref): " + broken);
    }

    @Test
    void keepsTheComponentsPluginsRelyOn() {
        List<String> missing = new ArrayList<>();
        for (String ref : new TreeSet<>(OpenApiContribution.CORE_COMPONENTS)) {
            if (resolve(ref) == null) {
                missing.add(ref);
            }
        }
        assertTrue(missing.isEmpty(), "components OpenApiContribution.CORE_COMPONENTS promises plugins, missing "
                + "from openapi.json: " + missing);
    }

    @Test
    void everyPathParameterIsDeclared() {
        List<String> undeclared = new ArrayList<>();
        JsonObject paths = document.getAsJsonObject("paths");
        for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
            JsonObject item = path.getValue().getAsJsonObject();
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = PATH_PARAMETER.matcher(path.getKey());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Set<String> atPath = pathParameters(item.getAsJsonArray("parameters"));
            for (Map.Entry<String, JsonElement> entry : item.entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                Set<String> declared = new TreeSet<>(atPath);
                declared.addAll(pathParameters(entry.getValue().getAsJsonObject().getAsJsonArray("parameters")));
                for (String name : inTemplate) {
                    if (!declared.contains(name)) {
                        undeclared.add(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + ": {" + name
                                + "}");
                    }
                }
                for (String name : declared) {
                    if (!inTemplate.contains(name)) {
                        undeclared.add(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()
                                + ": declares path parameter '" + name + "' that the template lacks");
                    }
                }
            }
        }
        assertTrue(undeclared.isEmpty(), "path parameters not declared (or declared but not in the template): "
                + undeclared);
    }

    /** Each resource describes exactly the routes it declares, so its paths join and leave the document with them. */
    @Test
    void eachResourceDescribesExactlyItsOwnRoutes() throws IOException {
        for (ApiRoutes resource : resources()) {
            Router own = new Router();
            resource.define(own);
            Set<String> declared = new TreeSet<>();
            own.routes().forEach(r -> declared.add(key(r.method(), r.template())));
            assertEquals(declared, documentedOperations(fragmentPaths(resource)).keySet(),
                    resource.getClass().getSimpleName() + " describes other routes than it declares");
        }
    }

    /** Every operation of {@code paths} by "METHOD /template". */
    private static Map<String, JsonObject> documentedOperations(JsonObject paths) {
        Map<String, JsonObject> out = new TreeMap<>();
        for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
            for (Map.Entry<String, JsonElement> entry : path.getValue().getAsJsonObject().entrySet()) {
                if (METHODS.contains(entry.getKey())) {
                    out.put(key(entry.getKey(), path.getKey()), entry.getValue().getAsJsonObject());
                }
            }
        }
        return out;
    }

    private static String key(String method, String template) {
        return method.toUpperCase(Locale.ROOT) + " " + template;
    }

    /** The names of the path parameters in a parameter list, following references. */
    private static Set<String> pathParameters(JsonArray parameters) {
        Set<String> names = new TreeSet<>();
        if (parameters == null) {
            return names;
        }
        for (JsonElement p : parameters) {
            JsonElement resolved = p;
            JsonElement ref = p.getAsJsonObject().get("$ref");
            if (ref != null) {
                resolved = resolve(ref.getAsString());
            }
            if (resolved != null && resolved.isJsonObject()) {
                JsonObject parameter = resolved.getAsJsonObject();
                if ("path".equals(text(parameter, "in"))) {
                    names.add(text(parameter, "name"));
                }
            }
        }
        return names;
    }

    private static void collectReferences(JsonElement node, String at, Set<String> broken) {
        if (node.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : node.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("$ref") && entry.getValue().isJsonPrimitive()) {
                    String ref = entry.getValue().getAsString();
                    if (!ref.startsWith("#/components/") || resolve(ref) == null) {
                        broken.add(at + " -> " + ref);
                    }
                } else {
                    String token = entry.getKey().replace("~", "~0").replace("/", "~1");
                    collectReferences(entry.getValue(), at + "/" + token, broken);
                }
            }
        } else if (node.isJsonArray()) {
            for (int i = 0; i < node.getAsJsonArray().size(); i++) {
                collectReferences(node.getAsJsonArray().get(i), at + "/" + i, broken);
            }
        }
    }

    /** The element a local JSON pointer reference such as {@code #/components/schemas/Account} names, or null. */
    private static JsonElement resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonElement current = document;
        for (String token : ref.substring(2).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (current.isJsonObject() && current.getAsJsonObject().has(name)) {
                current = current.getAsJsonObject().get(name);
            } else if (current.isJsonArray() && name.matches("\\d+")
                    && Integer.parseInt(name) < current.getAsJsonArray().size()) {
                current = current.getAsJsonArray().get(Integer.parseInt(name));
            } else {
                return null;
            }
        }
        return current;
    }

    private static String text(JsonObject object, String field) {
        JsonElement e = object.get(field);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
