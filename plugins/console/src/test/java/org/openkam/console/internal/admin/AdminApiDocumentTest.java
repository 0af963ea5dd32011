package org.openkam.console.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openkam.api.web.OpenApiContribution;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The administration routes and their OpenAPI fragment stay in step, and the fragment only references what exists. */
class AdminApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() throws IOException {
        Set<String> routes = new TreeSet<>();
        new AdminApi(null, null, null).define(new RouteTable() {
            @Override
            public RouteTable add(String method, String template, Operation operation, Handler handler) {
                routes.add(method + " " + template);
                return this;
            }
        });
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonElement> path : fragment().getAsJsonObject("paths").entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertEquals(routes, documented);
    }

    @Test
    void referencesNameTheFragmentsOwnOrThePromisedCoreComponents() throws IOException {
        JsonObject fragment = fragment();
        Set<String> broken = new TreeSet<>();
        collect(fragment, fragment, broken);
        assertTrue(broken.isEmpty(), "unresolvable references: " + broken);
    }

    private static void collect(JsonElement node, JsonObject fragment, Set<String> broken) {
        if (node.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : node.getAsJsonObject().entrySet()) {
                if (e.getKey().equals("$ref")) {
                    String ref = e.getValue().getAsString();
                    String[] parts = ref.split("/");
                    boolean own = parts.length == 4 && fragment.getAsJsonObject("components") != null
                            && fragment.getAsJsonObject("components").getAsJsonObject(parts[2]) != null
                            && fragment.getAsJsonObject("components").getAsJsonObject(parts[2]).has(parts[3]);
                    if (!own && !OpenApiContribution.CORE_COMPONENTS.contains(ref)) {
                        broken.add(ref);
                    }
                } else {
                    collect(e.getValue(), fragment, broken);
                }
            }
        } else if (node.isJsonArray()) {
            node.getAsJsonArray().forEach(n -> collect(n, fragment, broken));
        }
    }

    private static JsonObject fragment() throws IOException {
        try (InputStream in = new AdminApi(null, null, null).openApi()) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }
}
