package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed and hostile input is refused fast with a problem naming the field, and nothing is stored. */
class BadInputIT {

    private static OpenKamProcess openkam;
    private static Api admin;
    private static String unit;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("BadInputIT");
        admin = openkam.admin();
        unit = Fixtures.createUnit(admin, "bad-input");
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    private static Response postAccount(String contentType, String body) {
        return admin.request("POST", "/accounts").body(contentType, body.getBytes(StandardCharsets.UTF_8)).send();
    }

    private static void assertRefused(int status, String field, Response r) {
        r.expectProblem(status);
        if (field != null) {
            assertTrue(r.problemFields().contains(field), "the problem must name " + field + ": " + r.describe());
        }
    }

    @Test
    void onlyStrictJsonOfTheExactMediaTypeIsAccepted() {
        long before = Fixtures.countAccounts(admin, unit);
        String valid = "{\"businessUnit\": \"" + unit + "\", \"name\": \"Strict Corp\"}";
        assertRefused(400, "body", postAccount("application/json", "{'businessUnit': '" + unit + "', 'name': 'Quoted'}"));
        assertRefused(400, "body", postAccount("application/json",
                "{/* note */ \"businessUnit\": \"" + unit + "\", \"name\": \"Commented\"}"));
        assertRefused(400, "body", postAccount("application/json", valid + " {}"));
        assertRefused(400, "body", postAccount("application/json", valid + " // trailing"));
        assertRefused(400, "name", postAccount("application/json",
                "{\"businessUnit\": \"" + unit + "\", \"name\": \"Twice\", \"name\": \"Again\"}"));
        assertRefused(415, null, postAccount("application/jsonfoo", valid));
        assertRefused(415, null, postAccount("text/plain", valid));
        assertEquals(before, Fixtures.countAccounts(admin, unit), "a refused body must store nothing");

        postAccount("application/json; charset=utf-8", valid).expect(201);
        assertEquals(before + 1, Fixtures.countAccounts(admin, unit));
    }

    @Test
    void aJsonBodyBeyondTheLimitIsRefusedBeforeItIsParsed() {
        long before = Fixtures.countAccounts(admin, unit);
        // the default limit is 4 MB; a name of 5 MB would otherwise be read whole into memory, then refused
        byte[] huge = ("{\"businessUnit\": \"" + unit + "\", \"name\": \"" + "x".repeat(5 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Response announced = admin.request("POST", "/accounts").body("application/json", huge).send();
        assertRefused(413, "body", announced);
        assertTrue(announced.body().contains("4096 KB"), announced.body());
        Response streamed = admin.request("POST", "/accounts").body("application/json", huge).chunked().send();
        assertRefused(413, "body", streamed);
        assertEquals(before, Fixtures.countAccounts(admin, unit), "a refused body must store nothing");

        // under the limit the body is read whole and judged by its fields
        String large = "{\"businessUnit\": \"" + unit + "\", \"name\": \"" + "y".repeat(3 << 20) + "\"}";
        assertRefused(400, "name", admin.request("POST", "/accounts").body("application/json",
                large.getBytes(StandardCharsets.UTF_8)).chunked().send());
    }

    @Test
    void hugeExponentsAreRefusedFast() {
        long before = Fixtures.countAccounts(admin, unit);
        for (String number : new String[] { "1e4000000", "-1e999999999", "\"1e4000000\"", "\"-1e999999999\"" }) {
            long start = System.nanoTime();
            Response r = postAccount("application/json",
                    "{\"businessUnit\": \"" + unit + "\", \"name\": \"Huge\", \"annualSales\": " + number + "}");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertRefused(400, "annualSales", r);
            assertTrue(millis < 2_000, number + " took " + millis + " ms to refuse");
        }
        assertEquals(before, Fixtures.countAccounts(admin, unit), "a refused body must store nothing");
    }

    @Test
    void craftedCursorsAreRefused() {
        Fixtures.createAccount(admin, unit, "Cursor One", "annualSales", 100);
        Fixtures.createAccount(admin, unit, "Cursor Two", "annualSales", 200);
        String next = admin.get("/accounts?businessUnit=" + unit + "&sort=-annualSales&limit=1").expect(200)
                .text("nextCursor");
        admin.get("/accounts?businessUnit=" + unit + "&sort=-annualSales&limit=1&cursor=" + next).expect(200);
        String id = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8).split("\u0000")[1];
        for (String value : new String[] { "1e4000000", "-1e999999999", "NaN" }) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((value + "\u0000" + id).getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            Response r = admin.get("/accounts?sort=-annualSales&cursor=" + cursor);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertRefused(400, "cursor", r);
            assertTrue(millis < 2_000, value + " took " + millis + " ms to refuse");
        }
    }

    @Test
    void textThatIsNotUtf8OrHoldsNulOrLoneSurrogatesIsRefusedByField() {
        long before = Fixtures.countAccounts(admin, unit);
        String head = "{\"businessUnit\": \"" + unit + "\", \"industry\": \"Caf";
        byte[] latin1 = (head + "\u00e9\", \"name\": \"Latin\"}").getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(400, "industry", admin.request("POST", "/accounts").body("application/json", latin1).send());
        assertRefused(400, "name", postAccount("application/json",
                "{\"businessUnit\": \"" + unit + "\", \"name\": \"Nul\\u0000Byte\"}"));
        assertRefused(400, "name", postAccount("application/json",
                "{\"businessUnit\": \"" + unit + "\", \"name\": \"Lone \\ud800 surrogate\"}"));
        assertRefused(400, "legalName", postAccount("application/json",
                "{\"businessUnit\": \"" + unit + "\", \"name\": \"Fine\", \"legalName\": \"\\udc00\"}"));
        assertEquals(before, Fixtures.countAccounts(admin, unit), "a refused body must store nothing");

        Response emoji = postAccount("application/json",
                "{\"businessUnit\": \"" + unit + "\", \"name\": \"Caf\u00e9 \\ud83d\\ude00\"}").expect(201);
        assertEquals("Caf\u00e9 \ud83d\ude00", emoji.text("name"));
    }
}
