package org.openkam.http.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.http.internal.openapi.Contributions.json;
import static org.openkam.http.internal.openapi.Contributions.widgets;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The merge rules of OpenApiContribution, on the real core document. */
class OpenApiMergeTest {

    private JsonObject core;
    private OpenApiMerge merge;

    @BeforeEach
    void start() {
        core = Contributions.core();
        merge = new OpenApiMerge(core);
    }

    @Test
    void addsPathsComponentsAndNewTagsBesideTheCoreDocument() {
        assertEquals(List.of(), merge.add(json(widgets("demo", "Demo"))));

        JsonObject doc = merge.document();
        JsonObject item = doc.getAsJsonObject("paths").getAsJsonObject("/demo/widgets/{id}");
        assertEquals("getDemoWidget", item.getAsJsonObject("get").get("operationId").getAsString());
        assertTrue(doc.getAsJsonObject("paths").has("/accounts/{id}"), "the core paths stay");
        assertTrue(schemas(doc).has("DemoWidget"));
        assertTrue(schemas(doc).has("Account"), "the core components stay");
        assertTrue(doc.getAsJsonObject("components").getAsJsonObject("parameters").has("DemoWidgetId"));
        assertEquals(1, tagCount(doc, "Demo"));
        assertEquals(1, tagCount(doc, "Jobs"), "a tag declared already is not declared again");
        assertEquals(tag(core, "Jobs"), tag(doc, "Jobs"), "the first declaration of a tag stays");
        assertEquals("OpenKAM API", doc.getAsJsonObject("info").get("title").getAsString(),
                "a fragment's info is ignored");
        assertEquals("/api/v1", doc.getAsJsonArray("servers").get(0).getAsJsonObject().get("url").getAsString());
    }

    @Test
    void leavesTheCoreDocumentItStartedFromAsItWas() {
        JsonObject before = core.deepCopy();
        merge.add(json(widgets("demo", "Demo")));
        assertTrue(before.equals(core), "the core document changed");
    }

    @Test
    void refusesAPathTheDocumentHasEvenUnderOtherParameterNames() {
        String fragment = """
                {"paths": {"/accounts/{accountId}": {"get": {"operationId": "readIt", "responses": {}}}},
                 "components": {"schemas": {"Extra": {"type": "object"}}}}
                """;
        List<String> problems = merge.add(json(fragment));

        assertEquals(List.of("path /accounts/{accountId} is documented already"), problems);
        assertFalse(schemas(merge.document()).has("Extra"), "a refused fragment adds nothing at all");
        assertTrue(core.equals(merge.document()), "a refused fragment left traces in the document");
    }

    @Test
    void refusesAComponentNameTheDocumentHas() {
        String fragment = """
                {"paths": {"/demo/x": {"get": {"operationId": "demoX", "responses": {}}}},
                 "components": {"schemas": {"Problem": {"type": "object"}}}}
                """;
        assertEquals(List.of("components.schemas.Problem is taken: the document has a component of that name"),
                merge.add(json(fragment)));
        assertFalse(merge.document().getAsJsonObject("paths").has("/demo/x"));
    }

    @Test
    void refusesAnOperationIdTheDocumentHas() {
        String fragment = """
                {"paths": {"/demo/x": {"get": {"operationId": "getAccount", "responses": {}}}}}
                """;
        assertEquals(List.of("GET /demo/x: operationId getAccount is taken"), merge.add(json(fragment)));
    }

    @Test
    void theEarlierFragmentKeepsWhatALaterOneClashesWith() {
        assertEquals(List.of(), merge.add(json(widgets("demo", "Demo"))));
        List<String> problems = merge.add(json(widgets("demo", "Demo")));

        assertEquals(List.of("path /demo/widgets/{id} is documented already",
                "GET /demo/widgets/{id}: operationId getDemoWidget is taken",
                "DELETE /demo/widgets/{id}: operationId deleteDemoWidget is taken",
                "components.schemas.DemoWidget is taken: the document has a component of that name",
                "components.parameters.DemoWidgetId is taken: the document has a component of that name")
                .stream().sorted().toList(), problems.stream().sorted().toList());
        assertEquals(List.of(), merge.add(json(widgets("other", "Other"))), "fragments without clashes all merge");
    }

    @Test
    void refusesAReferenceToAnotherPluginsComponent() {
        merge.add(json(widgets("demo", "Demo")));
        String fragment = """
                {"paths": {"/other/x": {"get": {"operationId": "otherX", "responses": {"200": {
                  "description": "x", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/DemoWidget"}}}}}}}}}
                """;
        assertEquals(List.of("$ref #/components/schemas/DemoWidget at #/paths/~1other~1x/get/responses/200/content/"
                + "application~1json/schema names no component of the fragment or of the core document"),
                merge.add(json(fragment)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "#/components/schemas/Nope",
        "#/components/responses/NotFound/nope",
        "other.json#/components/schemas/Problem",
        "#/paths/~1accounts",
        "https://example.com/openapi.json"})
    void refusesReferencesThatDoNotNameAComponent(String ref) {
        String fragment = """
                {"paths": {"/demo/x": {"get": {"operationId": "demoX", "responses": {"404": {"$ref": "%s"}}}}}}
                """.formatted(ref);
        List<String> problems = merge.add(json(fragment));
        assertEquals(1, problems.size(), () -> problems.toString());
        assertTrue(problems.get(0).startsWith("$ref " + ref + " at #/paths/~1demo~1x/get/responses/404"),
                problems::toString);
    }

    @Test
    void refusesASecuritySchemeNeitherDocumentDefines() {
        String fragment = """
                {"paths": {"/demo/x": {"post": {"operationId": "demoX", "responses": {},
                  "security": [{"bearerAuth": []}, {"apiKey": []}]}}}}
                """;
        assertEquals(List.of("POST /demo/x: security scheme apiKey is not defined"), merge.add(json(fragment)));
    }

    @Test
    void acceptsASecuritySchemeOfTheFragmentItself() {
        String fragment = """
                {"paths": {"/demo/hook": {"post": {"operationId": "demoHook", "responses": {},
                  "security": [{"demoSignature": []}]}}},
                 "components": {"securitySchemes": {"demoSignature": {"type": "apiKey", "in": "header",
                  "name": "X-Demo-Signature"}}}}
                """;
        assertEquals(List.of(), merge.add(json(fragment)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"openapi\": \"3.0.3\"}                                   | openapi must be a 3.1.x version, not \"3.0.3\"",
        "{\"paths\": []}                                            | paths must be an object",
        "{\"components\": 1}                                        | components must be an object",
        "{\"tags\": {}}                                             | tags must be an array",
        "{\"tags\": [{\"description\": \"x\"}]}                     | every tag must be an object with a name: {\"description\":\"x\"}",
        "{\"paths\": {\"demo/x\": {}}}                              | path demo/x must start with / and be relative to /api/v1, without query",
        "{\"paths\": {\"/demo/x?a=1\": {}}}                         | path /demo/x?a=1 must start with / and be relative to /api/v1, without query",
        "{\"paths\": {\"/demo/x\": 1}}                              | path /demo/x must be a path item object",
        "{\"paths\": {\"/demo/x\": {\"get\": []}}}                  | GET /demo/x must be an operation object",
        "{\"paths\": {\"/demo/x\": {\"get\": {\"responses\": {}}}}} | GET /demo/x has no operationId",
        "{\"paths\": {\"/demo/x\": {\"get\": {\"operationId\": \"a\", \"security\": {}}}}} | GET /demo/x: security must be an array of requirements",
        "{\"paths\": {\"/demo/{a}\": {\"get\": {\"operationId\": \"a\"}}, \"/demo/{b}\": {\"get\": {\"operationId\": \"b\"}}}} | path /demo/{b} is listed twice (parameter names do not tell paths apart)",
        "{\"paths\": {\"/demo/a\": {\"get\": {\"operationId\": \"a\"}}, \"/demo/b\": {\"get\": {\"operationId\": \"a\"}}}} | GET /demo/b: operationId a is used twice",
        "{\"components\": {\"models\": {}}}                         | components.models is not a section of OpenAPI components",
        "{\"components\": {\"schemas\": []}}                        | components.schemas must be an object",
        "{\"components\": {\"schemas\": {\"A B\": {}}}}             | components.schemas.A B: a component name has only letters, digits, '.', '-', '_'",
        "{\"components\": {\"schemas\": {\"Demo\": true}}}          | components.schemas.Demo must be an object"})
    void refusesAFragmentOfTheWrongShape(String fragment, String problem) {
        assertEquals(List.of(problem), merge.add(json(fragment)));
        assertTrue(core.equals(merge.document()), "a refused fragment left traces in the document");
    }

    @Test
    void reportsEveryProblemOfAFragmentAtOnce() {
        String fragment = """
                {"paths": {"/accounts": {"get": {"operationId": "listAccounts", "responses": {}}}},
                 "components": {"schemas": {"Account": {"type": "object"}}}}
                """;
        assertEquals(3, merge.add(json(fragment)).size());
    }

    private static JsonObject schemas(JsonObject doc) {
        return doc.getAsJsonObject("components").getAsJsonObject("schemas");
    }

    private static long tagCount(JsonObject doc, String name) {
        return StreamSupport.stream(doc.getAsJsonArray("tags").spliterator(), false)
                .filter(t -> t.getAsJsonObject().get("name").getAsString().equals(name)).count();
    }

    private static JsonElement tag(JsonObject doc, String name) {
        return StreamSupport.stream(doc.getAsJsonArray("tags").spliterator(), false)
                .filter(t -> t.getAsJsonObject().get("name").getAsString().equals(name)).findFirst().orElseThrow();
    }
}
