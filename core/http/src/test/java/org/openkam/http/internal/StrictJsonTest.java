package org.openkam.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openkam.http.api.Body;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;

import com.google.gson.JsonObject;

class StrictJsonTest {

    private static JsonObject parse(String json) throws IOException {
        return StrictJson.object(new StringReader(json));
    }

    private static Problem refused(String json) {
        return assertThrows(ProblemException.class, () -> parse(json), json).problem();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{'name': 'Acme'}", "{\"name\": 'Acme'}", "{/* c */ \"name\": \"Acme\"}",
            "{\"name\": \"Acme\"} // c", "{\"name\": \"Acme\"} {}", "{\"name\": \"Acme\"} x", "{name: \"Acme\"}",
            "{\"n\": NaN}", "{\"name\": \"Acme\",}", "{\"name\": \"Acme\"", "[{\"name\": \"Acme\"}]", "\"Acme\"", "",
            "{\"name\"= \"Acme\"}", "{\"n\": 01}" })
    void onlyRfc8259JsonIsAccepted(String json) {
        Problem problem = refused(json);
        assertEquals(400, problem.status());
        assertEquals("body", problem.field(), problem.detail());
    }

    @Test
    void aNameGivenTwiceIsRefusedByName() {
        assertEquals("name", refused("{\"name\": \"Acme\", \"name\": \"Evil\"}").field());
        assertEquals("period.end", refused("{\"period\": {\"end\": 1, \"end\": 2}}").field());
        assertEquals("items[1].id", refused("{\"items\": [{\"id\": 1}, {\"id\": 1, \"id\": 2}]}").field());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e4000000", "-1e999999999", "1E+99999999999999999999", "1e-4000000" })
    void hugeExponentsAreRefusedBeforeAnyArithmetic(String number) {
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> refused("{\"annualSales\": " + number + "}"));
        assertEquals(400, problem.status());
        assertEquals("annualSales", problem.field());
        assertTrue(problem.detail().contains("out of range"), problem.detail());
    }

    @Test
    void aNumberLongerThanAnyFieldHoldsIsRefused() {
        assertEquals("items[0]", refused("{\"items\": [" + "9".repeat(101) + "]}").field());
    }

    @Test
    void validJsonIsReadWithNumbersAsWritten() throws IOException {
        JsonObject json = parse(" {\"name\": \"Acme \\u00e9\", \"annualSales\": 1250000.50, \"big\": 1e3, "
                + "\"tags\": [1, true, null], \"period\": {\"end\": \"2027-03-31\"}} \n");
        assertEquals("1250000.50", json.get("annualSales").getAsString());
        assertEquals("1e3", json.get("big").getAsString());
        Body body = new Body(json);
        assertEquals(new BigDecimal("1250000.50"), body.decimal("annualSales", null));
        assertEquals(1000L, body.whole("big"));
        assertEquals("Acme \u00e9", body.text("name", null));
        body.throwIfAny();
    }

    @Test
    void theMediaTypeIsExactlyJson() {
        assertTrue(HttpExchange.isJson("application/json"));
        assertTrue(HttpExchange.isJson("Application/JSON; charset=UTF-8"));
        assertTrue(HttpExchange.isJson("application/json;charset=\"utf-8\""));
        assertFalse(HttpExchange.isJson("application/jsonfoo"));
        assertFalse(HttpExchange.isJson("application/json-patch+json"));
        assertFalse(HttpExchange.isJson("application/json; charset=iso-8859-1"));
        assertFalse(HttpExchange.isJson("text/plain"));
        assertFalse(HttpExchange.isJson(null));
    }

    private static Problem refusedBytes(byte[] json) {
        return assertThrows(ProblemException.class, () -> StrictJson.object(
                StrictJson.utf8(new ByteArrayInputStream(json)))).problem();
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheField() {
        for (byte[] bad : new byte[][] { { (byte) 0xC3 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                { (byte) 0xC0, (byte) 0xAF } }) {
            Problem problem = refusedBytes(bytes("{\"businessUnit\": \"x\", \"name\": \"Ac", bad, "me\"}"));
            assertEquals(400, problem.status());
            assertEquals("name", problem.field(), problem.detail());
        }
        assertEquals("attributes.seg\ufffdment", assertThrows(ProblemException.class,
                () -> parse("{\"attributes\": {\"seg\ufffdment\": \"\ud800\"}}")).problem().field());
    }

    @Test
    void loneSurrogatesAndNulAreRefusedNamingTheField() {
        assertEquals("name", refused("{\"name\": \"A\\ud800\"}").field());
        assertEquals("name", refused("{\"name\": \"\\udc00A\"}").field());
        assertEquals("tags[1]", refused("{\"tags\": [\"a\", \"b\\u0000c\"]}").field());
        assertEquals("period.\u0000", refused("{\"period\": {\"\\u0000\": 1}}").field());
        assertEquals(400, refused("{\"name\": \"b\u0000c\"}").status());
    }

    @Test
    void validUnicodeIsKept() throws IOException {
        JsonObject json = StrictJson.object(StrictJson.utf8(new ByteArrayInputStream(
                "{\"name\": \"M\u00fcller \ud83d\ude00 \\ud83d\\ude00 \ufffd\"}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("M\u00fcller \ud83d\ude00 \ud83d\ude00 \ufffd", json.get("name").getAsString());
    }
}
