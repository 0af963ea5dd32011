package org.openkam.http.internal.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Builds the merged API description: the core document plus the fragments of plugins, each added whole or not
 * at all under the rules of {@link org.openkam.api.web.OpenApiContribution}. Not thread-safe; one per build.
 */
final class OpenApiMerge {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    static final Set<String> SECTIONS = Set.of("schemas", "responses", "parameters", "examples", "requestBodies",
            "headers", "securitySchemes", "links", "callbacks", "pathItems");
    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}/]*}");
    private static final Pattern VERSION = Pattern.compile("3\\.1\\.\\d+");
    private static final String COMPONENTS = "#/components/";

    /** The core document as shipped: what fragments may reference besides their own components. */
    private final JsonObject core;
    private final JsonObject document;
    /** Every path of the document with its parameter names blanked: {@code /accounts/{}/contacts}. */
    private final Set<String> shapes = new HashSet<>();
    private final Set<String> operationIds = new HashSet<>();

    OpenApiMerge(JsonObject core) {
        this.core = core;
        this.document = core.deepCopy();
        JsonObject paths = objectOrEmpty(document, "paths");
        for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
            shapes.add(shape(path.getKey()));
            operations(path.getValue()).forEach((method, operation) -> {
                JsonElement id = operation.get("operationId");
                if (isText(id)) {
                    operationIds.add(id.getAsString());
                }
            });
        }
    }

    /** The document with every fragment added so far; owned by this merge. */
    JsonObject document() {
        return document;
    }

    /**
     * Adds a fragment, or nothing if it breaks a rule.
     *
     * @return why the fragment is refused, every reason found; empty if it was added
     */
    List<String> add(JsonObject fragment) {
        List<String> problems = new ArrayList<>();
        JsonElement version = fragment.get("openapi");
        if (version != null && !(isText(version) && VERSION.matcher(version.getAsString()).matches())) {
            problems.add("openapi must be a 3.1.x version, not " + version);
        }
        JsonObject paths = optionalObject(fragment, "paths", problems);
        JsonObject components = optionalObject(fragment, "components", problems);
        JsonElement tags = fragment.get("tags");
        if (tags != null && !tags.isJsonArray()) {
            problems.add("tags must be an array");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        checkComponents(components, problems);
        checkPaths(paths, components, problems);
        if (tags != null) {
            checkTags(tags.getAsJsonArray(), problems);
        }
        checkReferences(paths, "#/paths", fragment, problems);
        checkReferences(components, "#/components", fragment, problems);
        if (problems.isEmpty()) {
            apply(paths, components, tags == null ? new JsonArray() : tags.getAsJsonArray());
        }
        return problems;
    }

    private void checkComponents(JsonObject components, List<String> problems) {
        JsonObject existing = objectOrEmpty(document, "components");
        for (Map.Entry<String, JsonElement> section : components.entrySet()) {
            String where = "components." + section.getKey();
            if (!SECTIONS.contains(section.getKey())) {
                problems.add(where + " is not a section of OpenAPI components");
                continue;
            }
            if (!section.getValue().isJsonObject()) {
                problems.add(where + " must be an object");
                continue;
            }
            JsonObject taken = objectOrEmpty(existing, section.getKey());
            for (Map.Entry<String, JsonElement> component : section.getValue().getAsJsonObject().entrySet()) {
                String name = component.getKey();
                if (!COMPONENT_NAME.matcher(name).matches()) {
                    problems.add(where + "." + name + ": a component name has only letters, digits, '.', '-', '_'");
                } else if (taken.has(name)) {
                    problems.add(where + "." + name + " is taken: the document has a component of that name");
                }
                if (!component.getValue().isJsonObject()) {
                    problems.add(where + "." + name + " must be an object");
                }
            }
        }
    }

    private void checkPaths(JsonObject paths, JsonObject components, List<String> problems) {
        Set<String> ownShapes = new HashSet<>();
        Set<String> ownIds = new HashSet<>();
        for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
            String template = path.getKey();
            if (!template.startsWith("/") || template.contains("?") || template.contains("#")) {
                problems.add("path " + template + " must start with / and be relative to /api/v1, without query");
                continue;
            }
            if (!path.getValue().isJsonObject()) {
                problems.add("path " + template + " must be a path item object");
                continue;
            }
            String shape = shape(template);
            if (shapes.contains(shape)) {
                problems.add("path " + template + " is documented already");
            } else if (!ownShapes.add(shape)) {
                problems.add("path " + template + " is listed twice (parameter names do not tell paths apart)");
            }
            for (Map.Entry<String, JsonElement> entry : path.getValue().getAsJsonObject().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String where = entry.getKey().toUpperCase(Locale.ROOT) + " " + template;
                if (!entry.getValue().isJsonObject()) {
                    problems.add(where + " must be an operation object");
                    continue;
                }
                JsonObject operation = entry.getValue().getAsJsonObject();
                JsonElement id = operation.get("operationId");
                if (!isText(id) || id.getAsString().isBlank()) {
                    problems.add(where + " has no operationId");
                } else if (operationIds.contains(id.getAsString())) {
                    problems.add(where + ": operationId " + id.getAsString() + " is taken");
                } else if (!ownIds.add(id.getAsString())) {
                    problems.add(where + ": operationId " + id.getAsString() + " is used twice");
                }
                checkSecurity(where, operation.get("security"), components, problems);
            }
        }
    }

    /** Security requirements name schemes of the core document or of the fragment. */
    private void checkSecurity(String where, JsonElement security, JsonObject components, List<String> problems) {
        if (security == null) {
            return;
        }
        if (!security.isJsonArray()) {
            problems.add(where + ": security must be an array of requirements");
            return;
        }
        JsonObject coreSchemes = objectOrEmpty(objectOrEmpty(core, "components"), "securitySchemes");
        JsonObject ownSchemes = objectOrEmpty(components, "securitySchemes");
        for (JsonElement requirement : security.getAsJsonArray()) {
            if (!requirement.isJsonObject()) {
                problems.add(where + ": a security requirement must be an object");
                continue;
            }
            for (String scheme : requirement.getAsJsonObject().keySet()) {
                if (!coreSchemes.has(scheme) && !ownSchemes.has(scheme)) {
                    problems.add(where + ": security scheme " + scheme + " is not defined");
                }
            }
        }
    }

    private static void checkTags(JsonArray tags, List<String> problems) {
        for (JsonElement tag : tags) {
            if (!tag.isJsonObject() || !isText(tag.getAsJsonObject().get("name"))
                    || tag.getAsJsonObject().get("name").getAsString().isBlank()) {
                problems.add("every tag must be an object with a name: " + tag);
            }
        }
    }

    /** Every {@code $ref} under {@code node} names a component of the fragment or of the core document. */
    private void checkReferences(JsonElement node, String at, JsonObject fragment, List<String> problems) {
        if (node.isJsonArray()) {
            JsonArray array = node.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                checkReferences(array.get(i), at + "/" + i, fragment, problems);
            }
        } else if (node.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : node.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("$ref") && entry.getValue().isJsonPrimitive()) {
                    String ref = entry.getValue().getAsString();
                    if (!ref.startsWith(COMPONENTS)
                            || (resolve(fragment, ref) == null && resolve(core, ref) == null)) {
                        problems.add("$ref " + ref + " at " + at
                                + " names no component of the fragment or of the core document");
                    }
                } else {
                    checkReferences(entry.getValue(), at + "/" + escape(entry.getKey()), fragment, problems);
                }
            }
        }
    }

    private void apply(JsonObject paths, JsonObject components, JsonArray tags) {
        JsonObject documentPaths = child(document, "paths");
        for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
            documentPaths.add(path.getKey(), path.getValue().deepCopy());
            shapes.add(shape(path.getKey()));
            operations(path.getValue()).values().forEach(o -> operationIds.add(o.get("operationId").getAsString()));
        }
        JsonObject documentComponents = child(document, "components");
        for (Map.Entry<String, JsonElement> section : components.entrySet()) {
            JsonObject target = child(documentComponents, section.getKey());
            section.getValue().getAsJsonObject().entrySet().forEach(c -> target.add(c.getKey(), c.getValue().deepCopy()));
        }
        Set<String> declared = new HashSet<>();
        JsonElement existing = document.get("tags");
        JsonArray documentTags = existing != null && existing.isJsonArray() ? existing.getAsJsonArray() : new JsonArray();
        documentTags.forEach(t -> declared.add(t.getAsJsonObject().get("name").getAsString()));
        for (JsonElement tag : tags) {
            if (declared.add(tag.getAsJsonObject().get("name").getAsString())) {
                documentTags.add(tag.deepCopy());
            }
        }
        if (!documentTags.isEmpty()) {
            document.add("tags", documentTags);
        }
    }

    /** The operations of a path item by method. */
    private static Map<String, JsonObject> operations(JsonElement item) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        if (item.isJsonObject()) {
            item.getAsJsonObject().entrySet().stream()
                    .filter(e -> METHODS.contains(e.getKey()) && e.getValue().isJsonObject())
                    .forEach(e -> out.put(e.getKey(), e.getValue().getAsJsonObject()));
        }
        return out;
    }

    /** A path with its parameter names blanked: OpenAPI holds paths differing only in those names identical. */
    static String shape(String template) {
        return PATH_PARAMETER.matcher(template).replaceAll("{}");
    }

    /** The element a local reference such as {@code #/components/schemas/Problem} names in {@code root}, or null. */
    static JsonElement resolve(JsonObject root, String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonElement current = root;
        for (String token : ref.substring(2).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (current.isJsonObject() && current.getAsJsonObject().has(name)) {
                current = current.getAsJsonObject().get(name);
            } else if (current.isJsonArray() && name.matches("\\d{1,9}")
                    && Integer.parseInt(name) < current.getAsJsonArray().size()) {
                current = current.getAsJsonArray().get(Integer.parseInt(name));
            } else {
                return null;
            }
        }
        return current;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static JsonObject optionalObject(JsonObject parent, String member, List<String> problems) {
        JsonElement e = parent.get(member);
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            problems.add(member + " must be an object");
            return new JsonObject();
        }
        return e.getAsJsonObject();
    }

    private static JsonObject objectOrEmpty(JsonObject parent, String member) {
        JsonElement e = parent.get(member);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static JsonObject child(JsonObject parent, String member) {
        JsonElement e = parent.get(member);
        if (e != null && e.isJsonObject()) {
            return e.getAsJsonObject();
        }
        JsonObject created = new JsonObject();
        parent.add(member, created);
        return created;
    }

    private static boolean isText(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }
}
