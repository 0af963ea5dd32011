package org.openkam.http.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.http.internal.openapi.Contributions.widgets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.web.OpenApiContribution;
import org.openkam.http.api.Operation;
import org.openkam.http.internal.Router;
import org.openkam.http.internal.openapi.Contributions.Text;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The served document follows the registered contributions and the live routes: merged, rebuilt only when they
 * change, without the words of one that left, and whole whatever a broken contribution does.
 */
class ApiDocumentTest {

    private final ApiDocument document = new ApiDocument(Contributions.coreBytes());

    /** The routes served in these tests: the core paths of {@link Contributions#core()} and the widgets. */
    private static Router live() {
        Router router = new Router();
        router.get("/openapi.json", ex -> null).get("/accounts", ex -> null).get("/accounts/{id}", ex -> null);
        for (String segment : List.of("demo", "other")) {
            router.get("/" + segment + "/widgets/{id}", ex -> null)
                    .put("/" + segment + "/widgets/{id}", Operation.of().jsonBody().ifMatch(), ex -> null)
                    .delete("/" + segment + "/widgets/{id}", ex -> null);
        }
        return router;
    }

    @BeforeEach
    void serveTheRoutes() {
        document.routes(live().routes());
    }

    @Test
    void withoutContributionsItIsTheCoreDocumentDescribingTheRoutes() {
        JsonObject served = served();
        assertEquals(Contributions.core().get("components"), served.get("components"));
        assertEquals(Contributions.core().get("info"), served.get("info"));
        assertEquals("listAccounts", paths().getAsJsonObject("/accounts").getAsJsonObject("get")
                .get("operationId").getAsString(), "the core document's words stay");
        assertTrue(paths().getAsJsonObject("/demo/widgets/{id}").has("put"), "an undescribed route is described");
        assertEquals(Map.of(), document.current().refused());
    }

    @Test
    void theDocumentFollowsTheRoutes() {
        document.add(11, "demo", new Text(widgets("demo", "Demo")));
        String before = document.current().etag();

        Router fewer = new Router();
        fewer.get("/accounts", ex -> null).get("/demo/widgets/{id}", ex -> null);
        document.routes(fewer.routes());

        assertEquals(List.of("/accounts", "/demo/widgets/{id}"), List.copyOf(paths().keySet()),
                "operations without a route are left out, fragments' included");
        assertEquals(List.of("get"), List.copyOf(paths().getAsJsonObject("/demo/widgets/{id}").keySet().stream()
                .filter(OpenApiMerge.METHODS::contains).toList()));
        assertNotEquals(before, document.current().etag(), "the entity tag follows the routes");
    }

    @Test
    void mergesEveryContributionAndDropsOneThatLeaves() {
        document.add(11, "org.example.demo 1.0.0 (service 11)", new Text(widgets("demo", "Demo")));
        document.add(12, "org.example.other 1.0.0 (service 12)", new Text(widgets("other", "Other")));
        assertTrue(paths().has("/demo/widgets/{id}"));
        assertTrue(paths().has("/other/widgets/{id}"));

        document.remove(11);

        assertFalse(paths().getAsJsonObject("/demo/widgets/{id}").getAsJsonObject("get").has("tags"),
                "the words of a contribution that left are gone");
        assertFalse(served().getAsJsonObject("components").getAsJsonObject("schemas").has("DemoWidget"),
                "its components too");
        assertTrue(paths().has("/other/widgets/{id}"));
        assertTrue(paths().has("/accounts"));
    }

    @Test
    void keepsTheBuiltDocumentUntilTheContributionsChange() {
        Text demo = new Text(widgets("demo", "Demo"));
        document.add(11, "demo", demo);
        ApiDocument.Served first = document.current();

        assertSame(first, document.current());
        assertEquals(1, demo.reads.get(), "the fragment is read once per change, not per request");

        document.add(12, "other", new Text(widgets("other", "Other")));
        ApiDocument.Served second = document.current();
        assertNotEquals(first.etag(), second.etag(), "the entity tag follows the content");
        assertEquals(2, demo.reads.get());

        document.remove(99);
        assertSame(second, document.current(), "removing what was never added changes nothing");
        document.remove(12);
        assertEquals(first.etag(), document.current().etag(), "the same contributions give the same document");
    }

    @Test
    void aBrokenContributionNeverBreaksTheDocument() {
        document.add(11, "org.example.throws 1.0.0 (service 11)", () -> {
            throw new IllegalStateException("the plugin broke");
        });
        document.add(12, "org.example.missing 1.0.0 (service 12)", () -> null);
        document.add(13, "org.example.garbled 1.0.0 (service 13)", new Text("{\"paths\": {"));
        document.add(14, "org.example.clash 1.0.0 (service 14)", new Text("""
                {"paths": {"/accounts/{accountId}": {"get": {"operationId": "x", "responses": {}}}}}
                """));
        document.add(15, "org.example.demo 1.0.0 (service 15)", new Text(widgets("demo", "Demo")));

        ApiDocument.Served served = document.current();

        JsonObject doc = JsonParser.parseString(new String(served.json(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertTrue(doc.getAsJsonObject("paths").has("/demo/widgets/{id}"));
        assertTrue(doc.getAsJsonObject("paths").has("/accounts/{id}"));
        assertEquals(List.of("org.example.throws 1.0.0 (service 11)", "org.example.missing 1.0.0 (service 12)",
                "org.example.garbled 1.0.0 (service 13)", "org.example.clash 1.0.0 (service 14)"),
                List.copyOf(served.refused().keySet()), "every refused contribution is named by its bundle");
        assertEquals(List.of("cannot read the fragment: the plugin broke"),
                served.refused().get("org.example.throws 1.0.0 (service 11)"));
        assertEquals(List.of("path /accounts/{accountId} is documented already"),
                served.refused().get("org.example.clash 1.0.0 (service 14)"));
    }

    @Test
    void aContributionRefusedForAClashIsMergedOnceTheOtherLeaves() {
        document.add(11, "first", new Text(widgets("demo", "Demo")));
        document.add(12, "second", new Text(widgets("demo", "Demo").replace("\"get\"", "\"put\"")));
        assertTrue(document.current().refused().containsKey("second"), "the later registration is refused");
        assertEquals("putDemoWidgetsId", operationId("put"), "the route is described by the kit alone");

        document.remove(11);

        assertEquals(Map.of(), document.current().refused());
        assertEquals("getDemoWidget", operationId("put"), "the second fragment describes the route now");
    }

    @Test
    void refusesFragmentsThatAreNotStrictJsonObjects() {
        byte[] tooLarge = new byte[OpenApiContribution.MAX_BYTES + 1];
        Arrays.fill(tooLarge, (byte) ' ');
        List<OpenApiContribution> broken = List.of(
                new Text("{paths: {}}"),
                new Text("{\"paths\": {}} {}"),
                new Text("[]"),
                new Text(""),
                new Text(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}),
                new Text(tooLarge),
                () -> new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                });
        for (int i = 0; i < broken.size(); i++) {
            document.add(i, "broken " + i, broken.get(i));
        }
        Map<String, List<String>> refused = document.current().refused();

        assertEquals(broken.size(), refused.size(), () -> "refused: " + refused);
        assertEquals(List.of("cannot read the fragment: the fragment is not strict JSON (at line 1 column 3 path $.)"),
                refused.get("broken 0"));
        assertEquals(List.of("cannot read the fragment: the fragment is not strict JSON (at line 1 column 16 path $)"),
                refused.get("broken 1"));
        assertEquals(List.of("cannot read the fragment: the fragment is not a JSON object"), refused.get("broken 2"));
        assertEquals(List.of("cannot read the fragment: the fragment is not UTF-8 text"), refused.get("broken 4"));
        assertEquals(List.of("cannot read the fragment: the fragment is larger than 4194304 bytes"),
                refused.get("broken 5"));
        assertEquals(List.of("cannot read the fragment: disk gone"), refused.get("broken 6"));
        ApiDocument bare = new ApiDocument(Contributions.coreBytes());
        bare.routes(live().routes());
        assertEquals(bare.current().etag(), document.current().etag(), "the broken fragments left traces");
    }

    private JsonObject served() {
        return JsonParser.parseString(new String(document.current().json(), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    private String operationId(String method) {
        return paths().getAsJsonObject("/demo/widgets/{id}").getAsJsonObject(method).get("operationId").getAsString();
    }

    private JsonObject paths() {
        return served().getAsJsonObject("paths");
    }
}
