package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** A job whose node is killed does not stay running forever: after a restart it is interrupted and can run again. */
class InterruptedJobIT {

    private static final int LINES = 20_000;
    private static OpenKamProcess openkam;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("InterruptedJobIT").start();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void anImportKilledMidRunIsInterruptedAfterARestartAndRunsAgain() {
        Api admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "killed-import");
        StringBuilder csv = new StringBuilder("businessUnit,name,country\n");
        for (int i = 0; i < LINES; i++) {
            csv.append(unit).append(",Killed Import ").append(i).append(",DE\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String jobId = admin.request("POST", "/accounts/import").body("text/csv", file).send().expect(202).text("id");
        long deadline = System.nanoTime() + 60_000_000_000L;
        String state = "queued";
        while (state.equals("queued") && System.nanoTime() < deadline) {
            state = admin.get("/jobs/" + jobId).expect(200).text("state");
        }
        assertEquals("running", state, "the import must be running when the node is killed");
        // commits are durable (issue 12), so the running job's row is on the disk the moment it is served
        openkam.kill();

        openkam.start();
        Api again = openkam.admin();
        JsonObject job = again.awaitJob(jobId, j -> { });
        assertEquals("interrupted", job.get("state").getAsString(), job.toString());
        assertTrue(job.get("summary").getAsString().contains("start it again"), job.toString());
        assertEquals(0, Fixtures.countAccounts(again, unit), "an all-or-nothing import killed mid-run stored nothing");

        String rerun = again.request("POST", "/accounts/import").body("text/csv", file).send().expect(202).text("id");
        assertEquals("succeeded", again.awaitJob(rerun, j -> { }).get("state").getAsString());
        assertEquals(LINES, Fixtures.countAccounts(again, unit));
    }
}
