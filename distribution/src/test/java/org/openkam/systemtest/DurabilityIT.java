package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.etag;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * Committed means durable (issue 12, item 1): a write the API answered 200 survives {@code kill -9} of the process
 * right after the answer, on the default embedded H2 database.
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
}
