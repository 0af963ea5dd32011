package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * {@code /api/v1/openapi.json} on the real product: one OpenAPI 3.1 document with the core endpoints and the
 * scoring plugin's, every reference resolving, served with an ETag; and the scoring plugin's answers have the
 * shapes the merged document gives them.
 */
class ApiDocumentIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    /** The routes of the scoring plugin's ScoringResource, under /api/v1. */
    private static final List<String> SCORING = List.of("GET /scoring/models", "GET /scoring/models/{id}",
            "DELETE /scoring/models/{id}/quarantine", "POST /scoring/runs", "GET /scoring/accounts/{id}/scores",
            "GET /scoring/portfolio", "GET /scoring/key-account-recommendations");
    private static OpenKamProcess openkam;
    private static Api admin;
    private static String unit;
    private static JsonObject document;

    @BeforeAll
    static void start() {
        unit = Fixtures.unique("apidoc");
        openkam = OpenKamProcess.create("ApiDocumentIT");
        openkam.writeEtc("org.openkam.scoring.matrix-apidoc.cfg", Map.of("businessUnit", unit));
        openkam.writeEtc("org.openkam.scoring.abc-apidoc.cfg", Map.of("businessUnit", unit));
        openkam.start();
        admin = openkam.admin();
        // the API answers before every plugin has registered its description: wait for the scoring part
        document = awaitDocument();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    private static JsonObject awaitDocument() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonObject doc;
        do {
            doc = openkam.api().get("/openapi.json").expect(200).object();
            if (doc.getAsJsonObject("paths").has("/scoring/models")) {
                return doc;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the scoring paths never reached the document; its paths: "
                + doc.getAsJsonObject("paths").keySet() + "\n" + openkam.outputTail(40));
    }

    @Test
    void oneDocumentDescribesTheCoreAndTheScoringEndpoints() {
        assertEquals("3.1.0", document.get("openapi").getAsString());
        assertEquals("/api/v1", document.getAsJsonArray("servers").get(0).getAsJsonObject().get("url").getAsString());
        Set<String> operations = operations().keySet();
        List<String> missing = SCORING.stream().filter(o -> !operations.contains(o)).toList();
        assertEquals(List.of(), missing, "scoring operations missing from the merged document");
        assertTrue(operations.contains("GET /accounts/{id}") && operations.contains("GET /openapi.json"),
                "the core operations stay");
        JsonObject schemas = document.getAsJsonObject("components").getAsJsonObject("schemas");
        assertTrue(schemas.has("ScoringModel") && schemas.has("Problem"), "scoring and core schemas side by side");
    }

    @Test
    void everyReferenceResolvesAndEveryOperationIdIsUnique() {
        Set<String> broken = new TreeSet<>();
        collectReferences(document, "#", broken);
        assertEquals(Set.of(), broken, "$refs of the merged document that do not resolve (at -> ref)");

        Map<String, List<String>> byId = new TreeMap<>();
        operations().forEach((key, op) -> byId.computeIfAbsent(op.get("operationId").getAsString(),
                k -> new ArrayList<>()).add(key));
        byId.values().removeIf(keys -> keys.size() == 1);
        assertEquals(Map.of(), byId, "operationIds used more than once");
    }

    @Test
    void everyPathParameterIsDeclaredAndEveryTagToo() {
        List<String> problems = new ArrayList<>();
        Set<String> tags = new TreeSet<>();
        document.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsJsonObject().get("name").getAsString()));
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
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
                JsonObject operation = entry.getValue().getAsJsonObject();
                String key = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                Set<String> declared = new TreeSet<>();
                for (JsonObject holder : List.of(item, operation)) {
                    if (holder.has("parameters")) {
                        holder.getAsJsonArray("parameters").forEach(p -> {
                            JsonObject parameter = follow(p).getAsJsonObject();
                            if (parameter.get("in").getAsString().equals("path")) {
                                declared.add(parameter.get("name").getAsString());
                            }
                        });
                    }
                }
                if (!declared.equals(inTemplate)) {
                    problems.add(key + ": template " + inTemplate + " but declared " + declared);
                }
                if (operation.has("tags")) {
                    operation.getAsJsonArray("tags").forEach(t -> {
                        if (!tags.contains(t.getAsString())) {
                            problems.add(key + ": tag " + t.getAsString() + " is not declared");
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDocumentIsServedWithAnEtagForRevalidation() {
        Response first = openkam.api().get("/openapi.json").expect(200);
        assertTrue(first.contentType().startsWith("application/json"), first::describe);
        assertEquals("no-cache", first.header("Cache-Control"));
        String etag = first.etag();
        assertNotNull(etag, "the document has an ETag");

        Response again = openkam.api().get("/openapi.json", "If-None-Match", etag).expect(304);
        assertEquals("", again.body());
        assertEquals(etag, again.etag());
        openkam.api().get("/openapi.json", "If-None-Match", "\"other\"").expect(200);
    }

    @Test
    void theScoringAnswersHaveTheShapesTheDocumentGives() {
        admin.post("/business-units", json("id", unit, "name", "API document " + unit)).expect(201);
        List<String> accounts = new ArrayList<>();
        long[][] figures = {{4_000_000, 1_200_000, 15_000_000}, {600_000, 90_000, 3_000_000}};
        for (int i = 0; i < figures.length; i++) {
            accounts.add(Fixtures.createAccount(admin, unit, "Documented " + (i + 1), "annualSales", figures[i][0],
                    "contributionMargin", figures[i][1], "potential", figures[i][2],
                    "attributes", Map.of("growth", "8", "referenceValue", "4")).get("id").getAsString());
        }

        conforms("GET /scoring/models", admin.get("/scoring/models"));
        conforms("GET /scoring/models/{id}", admin.get("/scoring/models/portfolio-matrix"));
        conforms("GET /scoring/models/{id}", admin.get("/scoring/models/no-such-model"));
        conforms("DELETE /scoring/models/{id}/quarantine", admin.delete("/scoring/models/abc-analysis/quarantine"));
        Response run = admin.post("/scoring/runs", json("businessUnit", unit));
        conforms("POST /scoring/runs", run);
        admin.awaitJob(run.object().get("id").getAsString(), job -> { });
        conforms("POST /scoring/runs", admin.post("/scoring/runs", json("businessUnit", unit, "unit", unit)));
        conforms("POST /scoring/runs", admin.request("POST", "/scoring/runs").body("text/plain", new byte[] {'x'})
                .send());
        conforms("GET /scoring/accounts/{id}/scores", admin.get("/scoring/accounts/" + accounts.get(0)
                + "/scores?limit=5"));
        conforms("GET /scoring/accounts/{id}/scores", admin.get("/scoring/accounts/" + accounts.get(0)
                + "/scores?limit=0"));
        conforms("GET /scoring/portfolio", admin.get("/scoring/portfolio?businessUnit=" + unit));
        conforms("GET /scoring/portfolio", admin.get("/scoring/portfolio"));
        conforms("GET /scoring/key-account-recommendations",
                admin.get("/scoring/key-account-recommendations?businessUnit=" + unit));
        conforms("GET /scoring/models", openkam.api().get("/scoring/models"));
    }

    /** Asserts the answer is documented for the operation: its status, media type and body's shape. */
    private static void conforms(String operation, Response r) {
        JsonObject op = operations().get(operation);
        assertNotNull(op, operation + " is not documented");
        JsonElement documented = op.getAsJsonObject("responses").get(String.valueOf(r.status()));
        assertNotNull(documented, () -> operation + " does not document status " + r.status() + ": " + r.describe());
        JsonObject response = follow(documented).getAsJsonObject();
        String mediaType = r.contentType().split(";")[0].strip();
        JsonObject content = response.getAsJsonObject("content");
        assertTrue(content != null && content.has(mediaType),
                () -> operation + " " + r.status() + " does not document " + mediaType + ": " + r.describe());
        List<String> errors = new ArrayList<>();
        check(content.getAsJsonObject(mediaType).get("schema"), JsonParser.parseString(r.body()), "$", errors);
        assertEquals(List.of(), errors, () -> operation + " " + r.status() + " answered what the document does "
                + "not describe: " + r.describe());
    }

    /**
     * The JSON Schema keywords the document uses, strictly: an object with {@code properties} and no
     * {@code additionalProperties} has no other members, so a field the document does not describe is reported.
     */
    private static void check(JsonElement schemaElement, JsonElement value, String at, List<String> errors) {
        JsonObject schema = follow(schemaElement).getAsJsonObject();
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonElement alternative : schema.getAsJsonArray("oneOf")) {
                List<String> own = new ArrayList<>();
                check(alternative, value, at, own);
                matching += own.isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                errors.add(at + ": matches " + matching + " of the oneOf alternatives: " + value);
            }
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(at + ": " + value + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !schema.getAsJsonArray("enum").contains(value)) {
            errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double n = value.getAsDouble();
            if ((schema.has("minimum") && n < schema.get("minimum").getAsDouble())
                    || (schema.has("maximum") && n > schema.get("maximum").getAsDouble())) {
                errors.add(at + ": " + n + " is outside " + schema.get("minimum") + ".." + schema.get("maximum"));
            }
        }
        if (value.isJsonArray() && schema.has("items")) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                check(schema.get("items"), array.get(i), at + "[" + i + "]", errors);
            }
        }
        if (value.isJsonObject()) {
            JsonObject object = value.getAsJsonObject();
            if (schema.has("required")) {
                schema.getAsJsonArray("required").forEach(name -> {
                    if (!object.has(name.getAsString())) {
                        errors.add(at + ": required member " + name.getAsString() + " is missing");
                    }
                });
            }
            JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
            JsonElement additional = schema.get("additionalProperties");
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                String here = at + "." + member.getKey();
                if (properties.has(member.getKey())) {
                    check(properties.get(member.getKey()), member.getValue(), here, errors);
                } else if (additional != null && additional.isJsonObject()) {
                    check(additional, member.getValue(), here, errors);
                } else if (schema.has("properties") || (additional != null && !additional.getAsBoolean())) {
                    errors.add(here + " is not described");
                }
            }
        }
    }

    private static boolean typeMatches(JsonElement type, JsonElement value) {
        if (type.isJsonArray()) {
            for (JsonElement t : type.getAsJsonArray()) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        JsonPrimitive p = value.isJsonPrimitive() ? value.getAsJsonPrimitive() : null;
        return switch (type.getAsString()) {
            case "null" -> value.isJsonNull();
            case "object" -> value.isJsonObject();
            case "array" -> value.isJsonArray();
            case "string" -> p != null && p.isString();
            case "boolean" -> p != null && p.isBoolean();
            case "number" -> p != null && p.isNumber();
            case "integer" -> p != null && p.isNumber() && p.getAsBigDecimal().stripTrailingZeros().scale() <= 0;
            default -> false;
        };
    }

    /** Every operation of the document by "METHOD /path". */
    private static Map<String, JsonObject> operations() {
        Map<String, JsonObject> out = new TreeMap<>();
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
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
                if (entry.getKey().equals("$ref") && entry.getValue().isJsonPrimitive()) {
                    String ref = entry.getValue().getAsString();
                    if (!ref.startsWith("#/components/") || resolve(ref) == null) {
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

    /** The element itself, or what its {@code $ref} names. */
    private static JsonElement follow(JsonElement element) {
        JsonElement current = element;
        while (current.isJsonObject() && current.getAsJsonObject().has("$ref")) {
            String ref = current.getAsJsonObject().get("$ref").getAsString();
            current = resolve(ref);
            assertNotNull(current, "unresolved " + ref);
        }
        return current;
    }

    private static JsonElement resolve(String ref) {
        JsonElement current = document;
        for (String token : ref.substring(2).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!current.isJsonObject() || !current.getAsJsonObject().has(name)) {
                return null;
            }
            current = current.getAsJsonObject().get(name);
        }
        return current;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
