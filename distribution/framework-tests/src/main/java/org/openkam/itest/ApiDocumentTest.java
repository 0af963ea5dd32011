package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.web.OpenApiContribution;
import org.openkam.http.api.ApiRoutes;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code /api/v1/openapi.json} follows the OpenApiContribution services and the served routes in the running
 * framework: a contribution registered here describes its route while both are there, a broken or clashing one is
 * left out while the document still answers, a documented operation without a route is not listed, and the scoring
 * plugin's paths leave with its bundle and come back with it.
 */
@ExtendWith(BundleContextExtension.class)
class ApiDocumentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String WIDGETS = """
            {"openapi": "3.1.0",
             "tags": [{"name": "Itest"}],
             "paths": {"/itest/widgets": {"get": {"operationId": "listItestWidgets", "tags": ["Itest"],
               "responses": {"200": {"description": "The widgets.", "content": {"application/json": {
                 "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ItestWidget"}}}}},
                 "401": {"$ref": "#/components/responses/Unauthorized"}}}}},
             "components": {"schemas": {"ItestWidget": {"type": "object"}}}}
            """;

    @InjectBundleContext
    BundleContext context;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private URI document;

    @BeforeEach
    void findTheDocument() throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, HttpTest.RUNTIME, null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(20_000), "no " + HttpTest.RUNTIME + " service");
            Object endpoints = tracker.getServiceReference().getProperty(HttpTest.ENDPOINT);
            String endpoint = endpoints instanceof String[] a ? a[0]
                    : endpoints instanceof Collection<?> c ? String.valueOf(c.iterator().next()) : String.valueOf(endpoints);
            document = URI.create(endpoint).resolve("/api/v1/openapi.json");
        } finally {
            tracker.close();
        }
    }

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    void aContributionDescribesItsRouteWhileBothAreRegistered() throws Exception {
        ServiceRegistration<OpenApiContribution> widgets = register(WIDGETS);
        ServiceRegistration<ApiRoutes> route = serveWidgets();

        JsonObject merged = await("the widgets path", d -> paths(d).has("/itest/widgets"));
        assertTrue(schemas(merged).has("ItestWidget"));
        assertEquals("listItestWidgets", widgetsOperation(merged).get("operationId").getAsString());
        assertTrue(widgetsOperation(merged).getAsJsonObject("responses").has("503"), "the kit adds its answers");
        assertTrue(paths(merged).has("/accounts"), "the core paths stay");

        widgets.unregister();
        registrations.remove(widgets);
        JsonObject undescribed = await("the widgets words gone", d -> !schemas(d).has("ItestWidget"));
        assertEquals("getItestWidgets", widgetsOperation(undescribed).get("operationId").getAsString(),
                "a served route nobody describes is still listed, as the kit describes it");

        route.unregister();
        registrations.remove(route);
        await("the widgets path gone", d -> !paths(d).has("/itest/widgets"));
    }

    @Test
    void aDocumentedOperationWithoutARouteIsNotListed() throws Exception {
        register(WIDGETS);
        JsonObject merged = await("the widgets components", d -> schemas(d).has("ItestWidget"));
        assertFalse(paths(merged).has("/itest/widgets"), "no route serves GET /itest/widgets");
    }

    @Test
    void brokenOrClashingContributionsAreLeftOutAndTheDocumentStillAnswers() throws Exception {
        registrations.add(context.registerService(OpenApiContribution.class, () -> {
            throw new IOException("this plugin is broken");
        }, null));
        register("{\"paths\": {\"/itest/clash/{id}\": {\"get\": {\"operationId\": \"getAccount\"}}}}");
        register("{\"paths\": {\"/itest/garbled\": ");
        register(WIDGETS);
        serveWidgets();

        JsonObject merged = await("the good contribution",
                d -> schemas(d).has("ItestWidget") && paths(d).has("/itest/widgets"));
        assertFalse(paths(merged).has("/itest/clash/{id}"), "an operationId clash is refused");
        assertFalse(paths(merged).has("/itest/garbled"));
        assertTrue(paths(merged).has("/accounts/{id}"));
    }

    @Test
    void stoppingThePluginBundleRemovesItsPaths() throws Exception {
        Bundle scoring = bundle("org.openkam.scoring");
        await("the scoring paths", d -> paths(d).has("/scoring/models"));

        scoring.stop();
        try {
            JsonObject without = await("the scoring paths gone", d -> !paths(d).has("/scoring/models"));
            assertFalse(schemas(without).has("ScoringModel"));
            assertTrue(paths(without).has("/accounts"));
        } finally {
            scoring.start();
        }
        JsonObject back = await("the scoring paths back", d -> paths(d).has("/scoring/models"));
        assertTrue(schemas(back).has("ScoringModel"));
    }

    private ServiceRegistration<OpenApiContribution> register(String fragment) {
        byte[] bytes = fragment.getBytes(StandardCharsets.UTF_8);
        ServiceRegistration<OpenApiContribution> r = context.registerService(OpenApiContribution.class,
                () -> new ByteArrayInputStream(bytes), null);
        registrations.add(r);
        return r;
    }

    /** Serves {@code GET /itest/widgets}. */
    private ServiceRegistration<ApiRoutes> serveWidgets() {
        ServiceRegistration<ApiRoutes> r = context.registerService(ApiRoutes.class,
                routes -> routes.get("/itest/widgets", ex -> List.of()), null);
        registrations.add(r);
        return r;
    }

    private static JsonObject widgetsOperation(JsonObject document) {
        return paths(document).getAsJsonObject("/itest/widgets").getAsJsonObject("get");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** The document once it satisfies the condition (service changes reach it asynchronously). */
    private JsonObject await(String what, Predicate<JsonObject> condition) throws InterruptedException {
        JsonObject[] last = new JsonObject[1];
        JsonObject found = Await.until(WAIT, () -> {
            last[0] = fetch();
            return condition.test(last[0]) ? last[0] : null;
        });
        assertNotNull(found, () -> "the document never showed " + what + "; its paths: " + paths(last[0]).keySet());
        return found;
    }

    private JsonObject fetch() {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(document).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), () -> "GET " + document + ": " + r.body());
            return JsonParser.parseString(r.body()).getAsJsonObject();
        } catch (IOException e) {
            throw new AssertionError("GET " + document + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject paths(JsonObject document) {
        return document.getAsJsonObject("paths");
    }

    private static JsonObject schemas(JsonObject document) {
        return document.getAsJsonObject("components").getAsJsonObject("schemas");
    }
}
