package org.openkam.scoring.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;

import com.google.gson.Gson;
import com.google.gson.JsonParser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The scoring bodies are refused field by field before any service is asked (the resource runs here without
 * services): unknown fields by name, missing and wrongly typed ones with their messages.
 */
class ScoringBodiesTest {

    private static final String CONFIGURE = "PUT /scoring/models/{id}/units/{unit}";
    private static final String SWITCH = "PUT /scoring/models/{id}/units/{unit}/enabled";
    private static final String RUN = "POST /scoring/runs";

    private final Map<String, RouteTable.Handler> handlers = new HashMap<>();

    ScoringBodiesTest() {
        new ScoringResource(null, null, null, null).define(new RouteTable() {
            @Override
            public RouteTable add(String method, String template, Operation operation, Handler handler) {
                handlers.put(method + " " + template, handler);
                return this;
            }
        });
    }

    @Test
    void aRunNeedsItsBusinessUnitAsText() {
        assertEquals(List.of(new Violation("businessUnit", "is required")), refused(RUN, "{}"));
        assertEquals(List.of(new Violation("businessUnit", "is required")), refused(RUN, "{\"businessUnit\": null}"));
        assertEquals(List.of(new Violation("businessUnit", "must be a text")), refused(RUN, "{\"businessUnit\": 42}"));
    }

    @Test
    void aRunRefusesOtherFieldsByName() {
        assertEquals(List.of("unit"), fields(refused(RUN, "{\"businessUnit\": \"emea\", \"unit\": \"emea\"}")));
        assertEquals(List.of("unit", "businessUnit"), fields(refused(RUN, "{\"unit\": \"emea\"}")),
                "every problem at once");
    }

    @Test
    void aConfigurationTakesParametersAndEnabledOnly() {
        List<Violation> weights = refused(CONFIGURE, "{\"weights\": 1}");
        assertEquals(List.of("weights"), fields(weights));
        assertEquals("is not a field of this resource; known fields are [enabled, parameters]",
                weights.get(0).message(), "the known fields in a stable order");
        assertEquals(List.of(new Violation("parameters.colour", "must be a text, number or boolean")),
                refused(CONFIGURE, "{\"parameters\": {\"a.cutoff\": 3, \"colour\": [\"red\"]}}"));
        assertEquals(List.of("parameters"), fields(refused(CONFIGURE, "{\"parameters\": [1]}")));
        assertEquals(List.of(new Violation("enabled", "must be true or false")),
                refused(CONFIGURE, "{\"enabled\": \"no\"}"));
    }

    @Test
    void aSwitchNeedsEnabled() {
        assertEquals(List.of(new Violation("enabled", "is required: true or false")), refused(SWITCH, "{}"));
        assertEquals(List.of(new Violation("enabled", "must be true or false")), refused(SWITCH, "{\"enabled\": 1}"));
        assertEquals(List.of("parameters", "enabled"), fields(refused(SWITCH, "{\"parameters\": {}}")));
    }

    private List<Violation> refused(String route, String body) {
        RouteTable.Handler handler = handlers.get(route);
        return assertThrows(ValidationException.class, () -> handler.handle(new BodyOnly(body)), route + " " + body)
                .violations();
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    /** A request with a JSON body and path parameters; the refusals under test need nothing else. */
    private record BodyOnly(String json) implements Exchange {

        @Override
        public Caller caller() {
            return new Caller("u1", "tester", true, Map.of());
        }

        @Override
        public String path(String name) {
            return name;
        }

        @Override
        public Body body() {
            return new Body(JsonParser.parseString(json).getAsJsonObject());
        }

        @Override
        public String query(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String requiredQuery(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int intQuery(String name, int absent, int min, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean boolQuery(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <E extends Enum<E>> E enumQuery(String name, Class<E> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long expectedVersion(Body body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void etag(long version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void status(int status) {
            throw new UnsupportedOperationException("a refused body sets no status");
        }

        @Override
        public void header(String name, String value) {
            throw new UnsupportedOperationException("a refused body sets no header");
        }

        @Override
        public String apiUrl(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Gson gson() {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpServletRequest request() {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpServletResponse response() {
            throw new UnsupportedOperationException();
        }
    }
}
