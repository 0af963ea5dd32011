package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.etag;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.JsonObject;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two product nodes on one PostgreSQL (embedded, started by the test): shared sessions, tokens and data,
 * optimistic concurrency across nodes, a PostgreSQL restart the nodes ride out, and a node killed with -9 while the
 * other serves on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterIT {

    private static EmbeddedPostgres postgres;
    private static Path postgresData;
    private static int postgresPort;
    private static OpenKamProcess nodeA;
    private static OpenKamProcess nodeB;
    private static String unit;

    @BeforeAll
    static void start() throws IOException {
        postgresData = Files.createTempDirectory("openkam-cluster-pg");
        try (ServerSocket free = new ServerSocket(0)) {
            postgresPort = free.getLocalPort();
        }
        postgres = startPostgres();
        Map<String, String> database = Map.of(
                "url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "user", "postgres",
                "password", "postgres",
                "connection.timeout.millis", "1000", // while PostgreSQL restarts, requests get their 503 in a second
                "dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)");
        nodeA = OpenKamProcess.create("PostgresClusterIT-A").writeEtc("org.openkam.database.cfg", database);
        nodeB = OpenKamProcess.create("PostgresClusterIT-B").writeEtc("org.openkam.database.cfg", database);
        nodeA.start();
        awaitPostgres(nodeA);
        nodeB.start();
        awaitPostgres(nodeB);
        unit = Fixtures.createUnit(nodeA.admin(), "cluster");
    }

    @AfterAll
    static void shutDown() throws IOException {
        try {
            if (nodeA != null) {
                nodeA.close();
            }
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            OpenKamProcess.deleteTree(postgresData);
        }
    }

    /** The same PostgreSQL on the same port and data every time: a restart, as an operator would do it. */
    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(postgresData.toFile()).setCleanDataDirectory(false)
                .setPort(postgresPort).start();
    }

    private static void awaitPostgres(OpenKamProcess node) {
        node.awaitHealth("dialect postgresql", h -> h.has("dialect")
                && "postgresql".equals(h.get("dialect").getAsString()));
    }

    @Test
    @Order(1)
    void bothNodesRunOnPostgres() {
        for (OpenKamProcess node : new OpenKamProcess[] {nodeA, nodeB}) {
            Response health = node.api().get("/health").expect(200);
            assertEquals("postgresql", health.text("dialect"), node + ": " + health.describe());
            assertEquals("UP", health.text("database"), node + ": " + health.describe());
        }
    }

    @Test
    @Order(2)
    void sessionsAndTokensAreSharedByTheNodes() {
        Api sessionOnA = nodeA.admin();
        Api sameSessionOnB = sessionOnA.at(nodeB.baseUri());
        sameSessionOnB.get("/auth/session").expect(200);
        sameSessionOnB.get("/accounts").expect(200);
        String created = Fixtures.unique("via-b");
        sameSessionOnB.post("/business-units", json("id", created, "name", "Created on B")).expect(201);
        sameSessionOnB.withoutCsrf().post("/business-units", json("id", Fixtures.unique("no-csrf"), "name", "x"))
                .expectProblem(403);
        sessionOnA.get("/business-units/" + created).expect(200);

        Api.Token token = sessionOnA.createToken(Fixtures.unique("cluster-token"));
        Api bearerOnB = token.api().at(nodeB.baseUri());
        bearerOnB.get("/accounts").expect(200);
        sameSessionOnB.delete("/auth/tokens/" + token.id()).expect(204);
        token.api().get("/accounts").expectProblem(401);
        bearerOnB.get("/accounts").expectProblem(401);

        sessionOnA.post("/auth/logout", json()).expect(204);
        sameSessionOnB.get("/accounts").expectProblem(401);
    }

    @Test
    @Order(3)
    void optimisticConcurrencyHoldsAcrossNodes() {
        Api onA = nodeA.admin();
        Api onB = nodeB.admin();
        String name = Fixtures.unique("Shared Account");
        Response created = onA.post("/accounts", json("businessUnit", unit, "name", name, "country", "DE"))
                .expect(201);
        String id = created.text("id");

        Response readOnB = onB.get("/accounts/" + id).expect(200);
        assertEquals(name, readOnB.text("name"), "node B reads what node A wrote");
        String versionReadOnA = onA.get("/accounts/" + id).expect(200).etag();
        assertEquals(etag(1), versionReadOnA);

        Response updateOnB = onB.patch("/accounts/" + id, json("region", "Updated on B"), "If-Match", versionReadOnA);
        updateOnB.expect(200);
        assertEquals(etag(2), updateOnB.etag(), updateOnB.describe());

        Response staleOnA = onA.patch("/accounts/" + id, json("region", "Stale on A"), "If-Match", versionReadOnA);
        staleOnA.expectProblem(412);

        Response readOnA = onA.get("/accounts/" + id).expect(200);
        assertEquals(etag(2), readOnA.etag(), "node A sees B's version: " + readOnA.describe());
        assertEquals("Updated on B", readOnA.text("region"), "node A sees B's change: " + readOnA.describe());

        // contacts written on B are listed on A
        onB.post("/accounts/" + id + "/contacts", json("firstName", "Bea", "lastName", "Node")).expect(201);
        assertEquals(1, onA.get("/accounts/" + id + "/contacts").expect(200).array().size());
    }

    @Test
    @Order(4)
    void anImportOnOneNodeIsVisibleOnTheOther() {
        String importUnit = Fixtures.createUnit(nodeA.admin(), "cluster-imp");
        StringBuilder csv = new StringBuilder("businessUnit,name,country\n");
        for (int i = 0; i < 50; i++) {
            csv.append(importUnit).append(",Cluster Import ").append(i).append(",DE\n");
        }
        Api onA = nodeA.admin();
        Response accepted = onA.request("POST", "/accounts/import")
                .body("text/csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).send().expect(202);
        // the job's progress is stored in the database: node B can follow it
        Api onB = nodeB.admin();
        JsonObject job = onB.awaitJob(accepted.text("id"), j -> { });
        assertEquals("succeeded", job.get("state").getAsString(), job.toString());
        assertEquals(50, Fixtures.countAccounts(onB, importUnit));
    }

    @Test
    @Order(50)
    void aPostgresRestartGetsCleanUnavailableAnswersAndTheNodesRecoverByThemselves() throws Exception {
        Api onA = nodeA.admin();
        Api onB = nodeB.admin();
        String id = Fixtures.createAccount(onA, unit, Fixtures.unique("Before Restart")).get("id").getAsString();

        postgres.close();
        try {
            Response read = onA.get("/accounts/" + id).expectProblem(503);
            assertEquals("5", read.header("Retry-After"), read.describe());
            onB.patch("/accounts/" + id, json("region", "Lost"), "If-Match", etag(1)).expectProblem(503);
            onB.withBearer("no-such-token").get("/accounts").expectProblem(503); // tokens live in the database too
            for (OpenKamProcess node : new OpenKamProcess[] {nodeA, nodeB}) {
                Response ready = node.api().get("/health/ready");
                assertEquals(503, ready.status(), node + ": " + ready.describe());
                assertEquals("DOWN", ready.text("database"), ready.describe());
            }
        } finally {
            postgres = startPostgres();
        }

        // both nodes recover by themselves, sessions included
        for (Api node : new Api[] {onA, onB}) {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            int status = node.get("/accounts/" + id).status();
            while (status != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                status = node.get("/accounts/" + id).status();
            }
            assertEquals(200, status, "a node must serve again after PostgreSQL is back");
        }
        onB.patch("/accounts/" + id, json("region", "After Restart"), "If-Match", etag(1)).expect(200);
        assertEquals("After Restart", onA.get("/accounts/" + id).expect(200).text("region"));
        nodeA.api().get("/health/ready").expect(200);
        for (OpenKamProcess node : new OpenKamProcess[] {nodeA, nodeB}) {
            assertFalse(node.output().contains("Incident "), node + " answered no request with an internal error\n"
                    + node.outputTail(40));
        }
    }

    @Test
    @Order(100)
    void theSurvivorServesWhileANodeIsKilledAndTheRestartedNodeCatchesUp() {
        Api onB = nodeB.admin();
        String before = Fixtures.createAccount(nodeA.admin(), unit, Fixtures.unique("Before Kill")).get("id")
                .getAsString();

        nodeA.kill();
        assertFalse(nodeA.isAlive(), "node A must be gone after kill -9");

        onB.get("/health").expect(200);
        onB.get("/accounts/" + before).expect(200);
        String during = Fixtures.createAccount(onB, unit, Fixtures.unique("During Outage")).get("id").getAsString();
        onB.patch("/accounts/" + before, json("region", "Changed during outage"), "If-Match", etag(1)).expect(200);
        Api freshOnB = nodeB.admin();
        freshOnB.get("/accounts/" + during).expect(200);

        nodeA.start();
        awaitPostgres(nodeA);
        Api onA = nodeA.admin();
        Response readBefore = onA.get("/accounts/" + before).expect(200);
        assertEquals("Changed during outage", readBefore.text("region"), readBefore.describe());
        assertEquals(etag(2), readBefore.etag());
        onA.get("/accounts/" + during).expect(200);
        Set<String> ids = StreamSupport.stream(onA.get("/accounts?businessUnit=" + unit + "&limit=500").expect(200)
                .items().spliterator(), false).map(e -> e.getAsJsonObject().get("id").getAsString())
                .collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of(before, during)), "node A lists both accounts: " + ids);
        // and B still serves the writes A makes after its restart
        onA.patch("/accounts/" + during, json("tier", "strategic"), "If-Match", etag(1)).expect(200);
        assertEquals("strategic", onB.get("/accounts/" + during).expect(200).text("tier"));
    }
}
