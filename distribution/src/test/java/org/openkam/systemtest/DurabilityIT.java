package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.etag;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Committed means durable (issue 12, item 1): a write the API answered 200 survives {@code kill -9} of the process
 * right after the answer, on the default embedded H2 database; and a stop with SIGTERM and a start on the same data
 * folder find everything again.
 */
class DurabilityIT {

    private static final int ROUNDS = 3;
    private static final int PATCHES_PER_ROUND = 25;
    private static OpenKamProcess openkam;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("DurabilityIT").start();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void everyAcknowledgedPatchSurvivesKillMinus9() {
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "durable");
        String id = Fixtures.createAccount(admin, unit, "Durable Account").get("id").getAsString();
        long version = 1;
        for (int round = 1; round <= ROUNDS; round++) {
            String region = null;
            for (int i = 0; i < PATCHES_PER_ROUND; i++) {
                region = "round " + round + " patch " + i;
                Response patched = admin.patch("/accounts/" + id, json("region", region), "If-Match", etag(version))
                        .expect(200);
                version++;
                assertEquals(etag(version), patched.etag(), patched.describe());
            }
            // no pause: the last 200 has just arrived, which is all a client can know
            openkam.kill();
            openkam.start();
            admin = openkam.admin();
            JsonObject read = admin.get("/accounts/" + id).expect(200).object();
            assertEquals(region, read.get("region").getAsString(),
                    "round " + round + ": the last acknowledged PATCH must survive kill -9: " + read);
            assertEquals(version, read.get("version").getAsLong(),
                    "round " + round + ": the record must be at its last acknowledged version: " + read);
        }
    }

    @Test
    void anAccountItsContactsAndItsTrailSurviveAStopAndAStart() {
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "restart");
        String name = Fixtures.unique("Durable");
        String id = Fixtures.createAccount(admin, unit, name, "region", "Nord").get("id").getAsString();
        admin.post("/accounts/" + id + "/contacts", json("firstName", "Max", "lastName", "Power")).expect(201);
        admin.post("/accounts/" + id + "/contacts", json("firstName", "Eva", "lastName", "Lution")).expect(201);
        admin.patch("/accounts/" + id, json("tier", "strategic"), "If-Match", etag(1)).expect(200);
        long accountsBefore = Fixtures.countAccounts(admin, unit);

        int exit = openkam.stop();
        assertFalse(openkam.isAlive(), "the process must be gone after SIGTERM");
        assertTrue(exit == 0 || exit == 143, "a SIGTERM stop should exit cleanly (0 or 143), was " + exit
                + "\n" + openkam.outputTail(30));

        openkam.start();
        // sessions live in the database, not in the process: the session from before the restart still works
        admin.get("/auth/session").expect(200);
        Response read = admin.get("/accounts/" + id).expect(200);
        assertEquals(name, read.text("name"), "the account after the restart: " + read.describe());
        assertEquals("strategic", read.text("tier"));
        assertEquals("Nord", read.text("region"));
        assertEquals(etag(2), read.etag());
        JsonArray contacts = admin.get("/accounts/" + id + "/contacts").expect(200).array();
        Set<String> lastNames = StreamSupport.stream(contacts.spliterator(), false)
                .map(c -> c.getAsJsonObject().get("lastName").getAsString()).collect(Collectors.toSet());
        assertEquals(Set.of("Power", "Lution"), lastNames, "the contacts after the restart: " + contacts);
        assertEquals(accountsBefore, Fixtures.countAccounts(admin, unit), "the unit's accounts after the restart");
        assertFalse(admin.get("/accounts/" + id + "/audit").expect(200).items().isEmpty(),
                "the audit trail after the restart");
    }
}
