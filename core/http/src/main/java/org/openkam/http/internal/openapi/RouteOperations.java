package org.openkam.http.internal.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openkam.http.api.Operation;
import org.openkam.http.internal.Route;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Makes the paths of a merged document those of the live routes: every route gets an operation generated from its
 * declaration (path parameters, the standard problem answers, security, what {@link Operation} names), with the
 * fragments' operation merged over it, and a documented operation no live route serves leaves. So no route is
 * undocumented, and the kit's part of each operation cannot drift from the code.
 */
final class RouteOperations {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String RESPONSES = "#/components/responses/";

    private final JsonObject document;
    private final Set<String> operationIds = new HashSet<>();

    private RouteOperations(JsonObject document) {
        this.document = document;
    }

    /** Replaces the document's paths with the operations of {@code routes}; the document is changed in place. */
    static void describe(JsonObject document, List<Route> routes) {
        new RouteOperations(document).describe(routes);
    }

    private void describe(List<Route> routes) {
        JsonObject documented = document.has("paths") && document.get("paths").isJsonObject()
                ? document.getAsJsonObject("paths") : new JsonObject();
        Map<String, String> keyByShape = new LinkedHashMap<>();
        documented.keySet().forEach(key -> keyByShape.put(OpenApiMerge.shape(key), key));
        // documented paths first, in their order, then the routes nobody describes
        Map<String, Map<String, Route>> routesByKey = new LinkedHashMap<>();
        documented.keySet().forEach(key -> routesByKey.put(key, new LinkedHashMap<>()));
        for (Route route : routes) {
            String key = keyByShape.getOrDefault(OpenApiMerge.shape(route.template()), route.template());
            routesByKey.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .putIfAbsent(route.method().toLowerCase(Locale.ROOT), route);
        }
        routesByKey.forEach((key, byMethod) -> byMethod.keySet().forEach(method -> {
            JsonElement operation = documented.has(key) ? documented.getAsJsonObject(key).get(method) : null;
            if (operation != null && operation.isJsonObject() && isText(operation.getAsJsonObject().get("operationId"))) {
                operationIds.add(operation.getAsJsonObject().get("operationId").getAsString());
            }
        }));
        JsonObject paths = new JsonObject();
        routesByKey.forEach((key, byMethod) -> {
            if (!byMethod.isEmpty()) {
                JsonElement item = documented.get(key);
                paths.add(key, item(key, item != null && item.isJsonObject() ? item.getAsJsonObject() : new JsonObject(),
                        byMethod));
            }
        });
        document.add("paths", paths);
    }

    /** The path item: its own members, the routed operations, no operation without a route. */
    private JsonObject item(String key, JsonObject documented, Map<String, Route> byMethod) {
        JsonObject item = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : documented.entrySet()) {
            if (!OpenApiMerge.METHODS.contains(entry.getKey())) {
                item.add(entry.getKey(), entry.getValue());
            } else if (byMethod.containsKey(entry.getKey())) {
                JsonObject fragment = entry.getValue().isJsonObject() ? entry.getValue().getAsJsonObject() : null;
                item.add(entry.getKey(), operation(key, documented, byMethod.get(entry.getKey()), fragment));
            }
        }
        byMethod.forEach((method, route) -> {
            if (!item.has(method)) {
                item.add(method, operation(key, documented, route, null));
            }
        });
        return item;
    }

    /** The generated operation with the fragment's merged over it: the fragment wins where it says something. */
    private JsonObject operation(String key, JsonObject item, Route route, JsonObject fragment) {
        JsonObject described = fragment == null ? new JsonObject() : fragment;
        Operation declared = route.operation();
        JsonObject out = new JsonObject();
        out.addProperty("operationId", isText(described.get("operationId"))
                ? described.get("operationId").getAsString() : newOperationId(route));
        if (declared.summary() != null) {
            out.addProperty("summary", declared.summary());
        }
        if (declared.tag() != null) {
            JsonArray tags = new JsonArray();
            tags.add(declared.tag());
            out.add("tags", tags);
        }
        described.entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));

        List<JsonObject> parameters = new ArrayList<>();
        parameters(item).forEach(parameters::add);
        parameters(described).forEach(parameters::add);
        JsonArray ownParameters = described.has("parameters") && described.get("parameters").isJsonArray()
                ? described.getAsJsonArray("parameters").deepCopy() : new JsonArray();
        Set<String> describedPath = new HashSet<>();
        boolean query = false;
        for (JsonObject p : parameters) {
            JsonObject resolved = resolved(p);
            String in = resolved == null || !isText(resolved.get("in")) ? "" : resolved.get("in").getAsString();
            if (in.equals("path") && isText(resolved.get("name"))) {
                describedPath.add(resolved.get("name").getAsString());
            }
            query |= in.equals("query");
        }
        List<String> pathNames = new ArrayList<>();
        Matcher m = PATH_PARAMETER.matcher(key);
        while (m.find()) {
            pathNames.add(m.group(1));
        }
        for (String name : pathNames) {
            if (!describedPath.contains(name)) {
                ownParameters.add(pathParameter(name));
            }
        }
        if (!ownParameters.isEmpty()) {
            out.add("parameters", ownParameters);
        }

        if (declared.readsJsonBody() && !described.has("requestBody")) {
            out.add("requestBody", requestBody(declared.bodySchema()));
        }
        out.add("responses", responses(route, described, !pathNames.isEmpty(), query));
        if (!described.has("security")) {
            out.add("security", security(route));
        }
        return out;
    }

    private JsonObject responses(Route route, JsonObject described, boolean pathParameters, boolean query) {
        Operation declared = route.operation();
        boolean unsafe = UNSAFE.contains(route.method());
        Map<String, String> standard = new TreeMap<>();
        if (declared.readsJsonBody() || query || declared.needsIfMatch()) {
            standard.put("400", "BadRequest");
        }
        if (!route.isPublic()) {
            standard.put("401", "Unauthorized");
        }
        if (!route.isPublic() && (unsafe || declared.isRestricted())) {
            standard.put("403", "Forbidden");
        }
        if (pathParameters) {
            standard.put("404", "NotFound");
        }
        if (declared.needsIfMatch()) {
            standard.put("412", "PreconditionFailed");
            standard.put("428", "PreconditionRequired");
        }
        if (declared.readsJsonBody()) {
            standard.put("413", "ContentTooLarge");
            standard.put("415", "UnsupportedMediaType");
        }
        standard.put("503", "ServiceUnavailable");

        JsonObject own = described.has("responses") && described.get("responses").isJsonObject()
                ? described.getAsJsonObject("responses") : new JsonObject();
        Map<String, JsonElement> merged = new TreeMap<>(RouteOperations::byStatus);
        standard.forEach((code, name) -> {
            if (OpenApiMerge.resolve(document, RESPONSES + name) != null) {
                JsonObject ref = new JsonObject();
                ref.addProperty("$ref", RESPONSES + name);
                merged.put(code, ref);
            }
        });
        own.entrySet().forEach(e -> merged.put(e.getKey(), e.getValue()));
        if (merged.keySet().stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
            JsonObject success = new JsonObject();
            success.addProperty("description", "Success. The route's description says nothing more.");
            merged.put("2XX", success);
        }
        JsonObject responses = new JsonObject();
        merged.forEach(responses::add);
        return responses;
    }

    /** Status codes in order, {@code default} last. */
    private static int byStatus(String a, String b) {
        return (a.equals("default") ? "~" : a).compareTo(b.equals("default") ? "~" : b);
    }

    /** An API token, or the session cookie (with the CSRF token for changes); none for public routes. */
    private static JsonArray security(Route route) {
        JsonArray security = new JsonArray();
        if (route.isPublic()) {
            return security;
        }
        JsonObject bearer = new JsonObject();
        bearer.add("bearerAuth", new JsonArray());
        JsonObject session = new JsonObject();
        session.add("sessionCookie", new JsonArray());
        if (UNSAFE.contains(route.method())) {
            session.add("csrfToken", new JsonArray());
        }
        security.add(bearer);
        security.add(session);
        return security;
    }

    private static JsonObject pathParameter(String name) {
        JsonObject parameter = new JsonObject();
        parameter.addProperty("name", name);
        parameter.addProperty("in", "path");
        parameter.addProperty("required", true);
        JsonObject schema = new JsonObject();
        schema.addProperty("type", "string");
        parameter.add("schema", schema);
        return parameter;
    }

    private static JsonObject requestBody(String schemaName) {
        JsonObject schema = new JsonObject();
        if (schemaName == null) {
            schema.addProperty("type", "object");
        } else {
            schema.addProperty("$ref", "#/components/schemas/" + schemaName);
        }
        JsonObject json = new JsonObject();
        json.add("schema", schema);
        JsonObject content = new JsonObject();
        content.add("application/json", json);
        JsonObject body = new JsonObject();
        body.addProperty("required", true);
        body.add("content", content);
        return body;
    }

    /** An operationId from the declaration, else from the method and path, unique in the document. */
    private String newOperationId(Route route) {
        String base = route.operation().id();
        if (base == null) {
            StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
            for (String part : route.template().split("[/{}\\-_.]+")) {
                if (!part.isEmpty()) {
                    id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
            base = id.toString();
        }
        String id = base;
        for (int n = 2; !operationIds.add(id); n++) {
            id = base + n;
        }
        return id;
    }

    /** The parameter objects listed under {@code holder}, references included as they are. */
    private static List<JsonObject> parameters(JsonObject holder) {
        List<JsonObject> out = new ArrayList<>();
        JsonElement list = holder.get("parameters");
        if (list != null && list.isJsonArray()) {
            list.getAsJsonArray().forEach(p -> {
                if (p.isJsonObject()) {
                    out.add(p.getAsJsonObject());
                }
            });
        }
        return out;
    }

    /** The parameter a reference names, or the parameter itself; {@code null} if the reference does not resolve. */
    private JsonObject resolved(JsonObject parameter) {
        JsonElement ref = parameter.get("$ref");
        if (!isText(ref)) {
            return parameter;
        }
        JsonElement target = OpenApiMerge.resolve(document, ref.getAsString());
        return target != null && target.isJsonObject() ? target.getAsJsonObject() : null;
    }

    private static boolean isText(JsonElement e) {
        return e instanceof JsonPrimitive p && p.isString();
    }
}
