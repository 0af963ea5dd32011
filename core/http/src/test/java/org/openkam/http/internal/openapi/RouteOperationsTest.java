package org.openkam.http.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.http.internal.openapi.Contributions.json;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.http.api.Operation;
import org.openkam.http.internal.Router;

import com.google.gson.JsonObject;

/** The operations generated from route declarations, and how a fragment's words go over them. */
class RouteOperationsTest {

    private static final String UNSAFE_SECURITY = "[{\"bearerAuth\":[]},{\"sessionCookie\":[],\"csrfToken\":[]}]";
    private static final String SAFE_SECURITY = "[{\"bearerAuth\":[]},{\"sessionCookie\":[]}]";

    private final Router router = new Router();
    private final JsonObject document = Contributions.core();

    @Test
    void aRouteWithoutAnyFragmentAppearsWithItsPathParametersAndResponses() {
        router.get("/things/{id}/parts/{partId}", ex -> null);

        JsonObject get = operation("/things/{id}/parts/{partId}", "get");

        assertEquals("getThingsIdPartsPartId", get.get("operationId").getAsString());
        assertEquals(json("""
                {"p": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                       {"name": "partId", "in": "path", "required": true, "schema": {"type": "string"}}]}
                """).get("p"), get.get("parameters"));
        assertEquals(List.of("2XX", "401", "404", "503"), codes(get));
        assertEquals("#/components/responses/NotFound", ref(get, "404"));
        assertEquals("#/components/responses/ServiceUnavailable", ref(get, "503"));
        assertEquals(SAFE_SECURITY, get.get("security").toString());
    }

    @Test
    void aChangeOfAVersionedRecordGetsItsBodyPreconditionAndCsrfAnswers() {
        router.put("/things/{id}", Operation.of().jsonBody("Account").ifMatch().summary("Replaces a thing")
                .tag("Things").id("replaceThing"), ex -> null);

        JsonObject put = operation("/things/{id}", "put");

        assertEquals("replaceThing", put.get("operationId").getAsString());
        assertEquals("Replaces a thing", put.get("summary").getAsString());
        assertEquals("[\"Things\"]", put.get("tags").toString());
        assertEquals("#/components/schemas/Account", put.getAsJsonObject("requestBody").getAsJsonObject("content")
                .getAsJsonObject("application/json").getAsJsonObject("schema").get("$ref").getAsString());
        assertEquals(List.of("2XX", "400", "401", "403", "404", "412", "413", "415", "428", "503"), codes(put));
        assertEquals("#/components/responses/PreconditionRequired", ref(put, "428"));
        assertEquals(UNSAFE_SECURITY, put.get("security").toString());
    }

    @Test
    void aFragmentsWordsWinAndTheKitAddsWhatTheyLeaveOut() {
        document.getAsJsonObject("paths").add("/things/{id}", json("""
                {"parameters": [{"$ref": "#/components/parameters/AccountId"}],
                 "delete": {"operationId": "dropThing", "description": "Drops it.",
                   "parameters": [{"name": "force", "in": "query", "schema": {"type": "boolean"}}],
                   "responses": {"204": {"description": "Dropped."}, "404": {"description": "No such thing."}},
                   "security": [{"bearerAuth": []}]}}
                """));
        router.delete("/things/{thingId}", Operation.of().ifMatch().id("ignoredBecauseTheFragmentNamesIt"), ex -> null);

        JsonObject item = document();
        JsonObject delete = item.getAsJsonObject("/things/{id}").getAsJsonObject("delete");

        assertFalse(item.has("/things/{thingId}"), "the documented path keeps its key");
        assertEquals("dropThing", delete.get("operationId").getAsString());
        assertEquals("Drops it.", delete.get("description").getAsString());
        assertEquals(1, delete.getAsJsonArray("parameters").size(),
                "the path parameter the path item describes (by reference) is not added again");
        assertEquals("No such thing.", delete.getAsJsonObject("responses").getAsJsonObject("404").get("description")
                .getAsString());
        assertEquals(List.of("204", "400", "401", "403", "404", "412", "428", "503"), codes(delete),
                "400 for the query parameter and If-Match; no 2XX beside the fragment's 204");
        assertEquals("[{\"bearerAuth\":[]}]", delete.get("security").toString());
    }

    @Test
    void publicRoutesCarryNoSecurityAndNo401() {
        router.post("/auth/login", Operation.of().jsonBody(), ex -> null);

        JsonObject login = operation("/auth/login", "post");

        assertEquals("[]", login.get("security").toString());
        assertEquals(List.of("2XX", "400", "413", "415", "503"), codes(login), "no 401, and no 403 without a caller");
    }

    @Test
    void aRestrictedReadAnswers403AndQueryParametersA400() {
        document.getAsJsonObject("paths").add("/audit-trail", json("""
                {"get": {"operationId": "readTrail", "parameters": [{"$ref": "#/components/parameters/Limit"}],
                  "responses": {"200": {"description": "The trail."}}}}
                """));
        router.get("/audit-trail", Operation.of().restricted(), ex -> null);

        assertEquals(List.of("200", "400", "401", "403", "503"), codes(operation("/audit-trail", "get")));
    }

    @Test
    void documentedOperationsWithoutALiveRouteAreLeftOut() {
        router.get("/accounts/{accountId}", ex -> null);

        JsonObject paths = document();

        assertEquals(List.of("/accounts/{id}"), List.copyOf(paths.keySet()), "GET /accounts is served by no route");
        JsonObject get = paths.getAsJsonObject("/accounts/{id}").getAsJsonObject("get");
        assertEquals("getAccount", get.get("operationId").getAsString());
        assertFalse(get.has("parameters"), "the path item's AccountId describes {id}");
        assertTrue(paths.getAsJsonObject("/accounts/{id}").has("parameters"));
    }

    @Test
    void generatedOperationIdsAreUnique() {
        document.getAsJsonObject("paths").add("/x", json("""
                {"get": {"operationId": "getY", "responses": {"200": {"description": "x"}}}}
                """));
        router.get("/x", ex -> null).get("/y", ex -> null);

        assertEquals("getY2", operation("/y", "get").get("operationId").getAsString());
    }

    private JsonObject document() {
        RouteOperations.describe(document, router.routes());
        return document.getAsJsonObject("paths");
    }

    private JsonObject operation(String path, String method) {
        JsonObject paths = document();
        assertTrue(paths.has(path), () -> path + " missing: " + paths.keySet());
        return paths.getAsJsonObject(path).getAsJsonObject(method);
    }

    private static List<String> codes(JsonObject operation) {
        return List.copyOf(operation.getAsJsonObject("responses").keySet());
    }

    private static String ref(JsonObject operation, String code) {
        return operation.getAsJsonObject("responses").getAsJsonObject(code).get("$ref").getAsString();
    }
}
