package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.systemtest.Api.json;
import static org.openkam.systemtest.Fixtures.createAccount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A vendor's scoring plugin on the running product, without restart: the example plugin's jar dropped into
 * {@code deploy/} lists its model; a factory configuration in {@code etc/} enables it for one business unit,
 * whose accounts it then scores while another unit's it does not; deleting the jar removes the model, and its
 * scores stay readable, marked as from an uninstalled model.
 */
class VendorPluginIT {

    private static final String MODEL = "example.growth-potential";
    private static final String FACTORY_PID = "com.example.kam.scoring.growth";
    private static OpenKamProcess openkam;
    private static Api admin;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("VendorPluginIT");
        // without the built-in models the product enables for every unit, a unit has exactly the models its
        // own configurations enable, so what the example plugin scores is plain to see
        for (String pid : List.of("weighted", "matrix", "abc", "clv", "wallet", "health")) {
            Path shipped = openkam.home().resolve("etc").resolve("org.openkam.scoring." + pid + "-default.cfg");
            assertTrue(Files.isRegularFile(shipped), "the product ships " + shipped);
            try {
                Files.delete(shipped);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        openkam.start();
        admin = openkam.admin();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void theExamplePluginHotDeploysScoresOnlyItsUnitAndLeavesReadableScoresWhenRemoved() throws IOException {
        Path jar = Fixtures.examplePlugin();
        try (Stream<Path> system = Files.walk(openkam.home().resolve("system"))) {
            assertEquals(List.of(), system.filter(p -> p.getFileName().toString().contains("example")).toList(),
                    "the example plugin is a vendor's bundle, not part of the product");
        }
        String unit = Fixtures.createUnit(admin, "vendor");
        String other = Fixtures.createUnit(admin, "other");
        // 1,000,000 a year of 2,000,000 a year: 1,000,000 goes to others, once the sales
        String scored = createAccount(admin, unit, "Headroom Ltd", "annualSales", 1_000_000,
                "contributionMargin", 200_000, "potential", 6_000_000).get("id").getAsString();
        createAccount(admin, unit, "No Potential Known Ltd", "annualSales", 500_000);
        String notScored = createAccount(admin, other, "Other Unit AG", "annualSales", 1_000_000,
                "potential", 6_000_000).get("id").getAsString();
        // a built-in model lets the other unit run too
        openkam.writeEtc("org.openkam.scoring.wallet-vendorit.cfg", Map.of("businessUnit", other));
        assertTrue(Fixtures.scoringModel(admin, MODEL).isEmpty(), "not deployed yet");

        // deploy: FileInstall sees complete jars only (written under another name, then renamed)
        Path deployed = openkam.home().resolve("deploy").resolve("openkam-example-scoring.jar");
        Path partial = deployed.resolveSibling(deployed.getFileName() + ".part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        long copied = System.nanoTime();
        Files.move(partial, deployed, StandardCopyOption.ATOMIC_MOVE);
        JsonObject listed = Fixtures.awaitScoringModel(openkam, admin, MODEL,
                "listed after the jar was dropped into deploy/", Optional::isPresent).get();
        System.out.printf("VendorPluginIT: %s listed in GET /scoring/models %d ms after the jar was dropped into "
                + "deploy/%n", MODEL, (System.nanoTime() - copied) / 1_000_000);
        assertEquals("1.0.0", listed.get("version").getAsString());
        assertEquals("active", listed.get("state").getAsString());
        assertEquals("Growth potential (example)", listed.get("name").getAsString());
        assertEquals("2", listed.getAsJsonObject("parameters").get("headroom.saturation").getAsString());
        assertTrue(listed.getAsJsonArray("businessUnits").isEmpty(), "enabled nowhere without a configuration");

        // enable it for one unit, with a parameter of its own: a headroom of 4 x the sales rates 100
        openkam.writeEtc(FACTORY_PID + "-vendorit.cfg", Map.of("businessUnit", unit, "headroom.saturation", "4"));
        JsonObject enabled = Fixtures.awaitScoringModel(openkam, admin, MODEL, "enabled for " + unit, m -> m.isPresent()
                && m.get().getAsJsonArray("businessUnits").size() == 1).get();
        JsonObject configuration = enabled.getAsJsonArray("businessUnits").get(0).getAsJsonObject();
        assertEquals(unit, configuration.get("businessUnit").getAsString());
        assertEquals("4", configuration.getAsJsonObject("parameters").get("headroom.saturation").getAsString());

        JsonObject run = run(unit);
        assertEquals(2, run.get("done").getAsInt(), run.toString());
        JsonObject score = scores(scored).get(MODEL);
        assertNotNull(score, "the unit's account has a score from the vendor model: " + scores(scored).keySet());
        // headroom 1,000,000 = 1 x sales: 100 * 1 / 4 = 25; no open opportunities, so the headroom carries it all
        assertEquals(25.0, score.get("score").getAsDouble(), score.toString());
        assertEquals("hold", score.getAsJsonObject("classification").get("id").getAsString());
        assertEquals(run.get("id").getAsString(), score.get("runId").getAsString());
        assertTrue(score.get("modelInstalled").getAsBoolean());
        assertEquals("headroom", score.getAsJsonArray("contributions").get(0).getAsJsonObject().get("factor")
                .getAsString());

        run(other);
        Map<String, JsonObject> otherScores = scores(notScored);
        assertTrue(otherScores.containsKey("share-of-wallet"), "the other unit was scored: " + otherScores.keySet());
        assertFalse(otherScores.containsKey(MODEL), "the vendor model is enabled for " + unit + " only");

        // undeploy
        Files.delete(deployed);
        long deleted = System.nanoTime();
        Fixtures.awaitScoringModel(openkam, admin, MODEL, "gone after the jar was deleted", Optional::isEmpty);
        System.out.printf("VendorPluginIT: %s gone from GET /scoring/models %d ms after the jar was deleted%n", MODEL,
                (System.nanoTime() - deleted) / 1_000_000);
        admin.get("/scoring/models/" + MODEL).expectProblem(404);

        JsonObject kept = scores(scored).get(MODEL);
        assertNotNull(kept, "the scores of an uninstalled model stay readable");
        assertFalse(kept.get("modelInstalled").getAsBoolean(), kept.toString());
        assertEquals("from a model that is no longer installed", kept.get("note").getAsString());
        assertEquals(25.0, kept.get("score").getAsDouble());
        JsonArray history = kept.getAsJsonArray("history");
        assertFalse(history.isEmpty(), kept.toString());
        assertEquals(run.get("id").getAsString(), history.get(0).getAsJsonObject().get("runId").getAsString());
        // nothing is enabled for the unit any more
        assertEquals(Set.of("businessUnit"), admin.post("/scoring/runs", json("businessUnit", unit))
                .expectProblem(409).problemFields());
    }




    private static JsonObject run(String unit) {
        String jobId = admin.post("/scoring/runs", json("businessUnit", unit)).expect(202).object().get("id")
                .getAsString();
        JsonObject job = admin.awaitJob(jobId, j -> { });
        assertEquals("succeeded", job.get("state").getAsString(), job.toString());
        return job;
    }

    /** An account's current scores by model id. */
    private static Map<String, JsonObject> scores(String accountId) {
        JsonObject body = admin.get("/scoring/accounts/" + accountId + "/scores").expect(200).object();
        return StreamSupport.stream(body.getAsJsonArray("models").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(m -> m.get("modelId").getAsString(), m -> m));
    }
}
