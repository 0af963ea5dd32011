package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Bundles administered over {@code /api/v1/admin/bundles} on the running product: the example scoring plugin
 * uploaded, its model listed, stopped, started and uninstalled; a non-jar, a jar without bundle headers, a
 * duplicate and a bundle with a missing import refused or reported; the console's own bundles protected; and
 * everyone but a global administrator refused.
 */
class AdminBundlesIT {

    private static final String EXAMPLE = "com.example.kam.scoring";
    private static final String MODEL = "example.growth-potential";
    private static OpenKamProcess openkam;
    private static Api admin;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.create("AdminBundlesIT").start();
        admin = openkam.admin();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void uploadsStartsStopsAndUninstallsTheExampleScoringPlugin() throws IOException {
        assertTrue(bundle(EXAMPLE).isEmpty(), "not installed before the upload");
        byte[] jar = Files.readAllBytes(Fixtures.examplePlugin());
        String before = Fixtures.newestAudit(admin, "bundle");

        JsonObject installed = admin.request("POST", "/admin/bundles").body("application/java-archive", jar).send()
                .expect(201).object();
        long id = installed.get("id").getAsLong();
        assertEquals(EXAMPLE, installed.get("symbolicName").getAsString());
        assertEquals("active", installed.get("state").getAsString());
        assertFalse(installed.get("essential").getAsBoolean());
        // Declarative Services registers the model just after the bundle turned active
        assertTrue(Fixtures.awaitScoringModel(openkam, admin, MODEL, "was listed", java.util.Optional::isPresent)
                .isPresent(), "the uploaded plugin's model is listed");
        // kept in deploy/, so it is installed again at the next start
        Path deployed;
        try (var files = Files.list(openkam.home().resolve("deploy"))) {
            deployed = files.filter(f -> f.getFileName().toString().startsWith(EXAMPLE + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("the upload is kept in deploy/"));
        }
        JsonObject listed = bundle(EXAMPLE).orElseThrow();
        assertEquals(id, listed.get("id").getAsLong());
        assertTrue(StreamSupport.stream(listed.getAsJsonArray("contributes").spliterator(), false)
                .anyMatch(e -> e.getAsString().equals("ScoringModel")), listed.toString());

        // the same symbolic name and version again: a conflict that points at the update
        Response again = admin.request("POST", "/admin/bundles").body("application/octet-stream", jar).send()
                .expectProblem(409);
        assertTrue(again.text("detail").contains("/admin/bundles/" + id), again.body());

        JsonObject stopped = admin.post("/admin/bundles/" + id + "/stop", null).expect(200).object();
        assertEquals("resolved", stopped.get("state").getAsString());
        assertTrue(Fixtures.scoringModel(admin, MODEL).isEmpty(), "a stopped plugin's model goes");

        assertEquals("active", admin.post("/admin/bundles/" + id + "/start", null).expect(200).object().get("state")
                .getAsString());
        assertTrue(Fixtures.scoringModel(admin, MODEL).isPresent(), "started again");

        JsonObject updated = admin.request("PUT", "/admin/bundles/" + id).body("application/java-archive", jar)
                .send().expect(200).object();
        assertEquals("active", updated.get("state").getAsString());

        admin.delete("/admin/bundles/" + id).expect(204);
        assertTrue(bundle(EXAMPLE).isEmpty(), "uninstalled");
        assertFalse(Files.exists(deployed), "and removed from deploy/");
        assertTrue(Fixtures.scoringModel(admin, MODEL).isEmpty(), "its model is gone");
        admin.get("/admin/bundles/" + id).expectProblem(404);

        // every action is in the audit trail, newest first, as the administrator made it
        List<JsonObject> trail = Fixtures.auditSince(admin, "bundle", EXAMPLE, before);
        assertEquals(List.of("deleted", "updated", "updated", "updated", "created"),
                trail.stream().map(e -> e.get("action").getAsString()).toList(), trail.toString());
        assertTrue(trail.stream().allMatch(e -> e.get("actorName").getAsString().equals(OpenKamProcess.ADMIN)),
                trail.toString());
        assertEquals("null -> active", Fixtures.auditChange(trail.get(4), "state"), "installed and started");
        assertEquals("active -> resolved", Fixtures.auditChange(trail.get(3), "state"), "stopped");
        assertEquals("resolved -> active", Fixtures.auditChange(trail.get(2), "state"), "started");
        assertTrue(Fixtures.auditChange(trail.get(1), "lastModified") != null, "updated: " + trail.get(1));
        assertEquals("active -> null", Fixtures.auditChange(trail.get(0), "state"), "uninstalled");
    }

    @Test
    void anUploadedPluginAndItsConfigurationFromTheConsoleSurviveARestart() throws Exception {
        String unit = Fixtures.createUnit(admin, "restart");
        admin.request("POST", "/admin/bundles")
                .body("application/java-archive", Files.readAllBytes(Fixtures.examplePlugin()))
                .send().expect(201);
        String pid = admin.post("/admin/configurations/factories/com.example.kam.scoring.growth",
                Api.json("properties", java.util.Map.of("businessUnit", unit, "headroom.saturation", 4))).expect(201)
                .object().get("pid").getAsString();

        int exit = openkam.stop();
        assertTrue(exit == 0 || exit == 143, "a clean stop (0 or 143 after SIGTERM), was " + exit);
        openkam.start();
        admin = openkam.admin();

        JsonObject again = bundle(EXAMPLE).orElseThrow(() -> new AssertionError("installed again at the start"));
        assertEquals("active", again.get("state").getAsString());
        JsonObject model = Fixtures.awaitScoringModel(openkam, admin, MODEL,
                "configured for one unit after the restart",
                m -> m.isPresent() && m.get().getAsJsonArray("businessUnits").size() == 1).orElseThrow();
        JsonObject configured = model.getAsJsonArray("businessUnits").get(0).getAsJsonObject();
        assertEquals(unit, configured.get("businessUnit").getAsString(), "its configuration came back with it");
        assertEquals("4", configured.getAsJsonObject("parameters").get("headroom.saturation").getAsString()
                .replaceAll("\\.0$", ""));

        admin.delete("/admin/configurations/" + pid).expect(204);
        admin.delete("/admin/bundles/" + again.get("id").getAsLong()).expect(204);
        assertTrue(bundle(EXAMPLE).isEmpty());
    }

    @Test
    void theAdministrationIsInTheApiDocument() {
        JsonObject paths = openkam.api().get("/api/v1/openapi.json").expect(200).object().getAsJsonObject("paths");
        for (String path : List.of("/admin/bundles", "/admin/bundles/{id}", "/admin/bundles/{id}/start",
                "/admin/bundles/{id}/stop", "/admin/configurations", "/admin/configurations/{pid}",
                "/admin/configurations/factories/{factoryPid}")) {
            assertTrue(paths.has(path), path + " is described: " + paths.keySet());
        }
    }

    @Test
    void refusesWhatIsNoBundle() throws IOException {
        Response notAJar = admin.request("POST", "/admin/bundles")
                .body("application/java-archive", "just text".getBytes(StandardCharsets.UTF_8)).send()
                .expectProblem(400);
        assertEquals(List.of("body"), List.copyOf(notAJar.problemFields()));
        Response noHeaders = admin.request("POST", "/admin/bundles")
                .body("application/java-archive", jar(null, "x.y")).send().expectProblem(422);
        assertTrue(noHeaders.problemFields().contains("Bundle-SymbolicName"), noHeaders.body());
        admin.request("POST", "/admin/bundles").body("text/plain", "x".getBytes(StandardCharsets.UTF_8)).send()
                .expectProblem(415);
    }

    @Test
    void aBundleThatCannotResolveStaysInstalledAndTheProblemNamesTheMissingImport() throws IOException {
        String name = Fixtures.unique("com.example.test.unresolved").replace('-', '.');
        Response r = admin.request("POST", "/admin/bundles")
                .body("application/java-archive", jar(name, "org.openkam.no.such.pkg")).send().expectProblem(409);
        assertTrue(r.text("detail").contains("org.openkam.no.such.pkg"), r.body());
        assertTrue(r.text("detail").contains("is installed but did not start"), r.body());
        assertTrue(r.problemFields().contains("requirements"), r.body());
        JsonObject left = bundle(name).orElseThrow(() -> new AssertionError("left installed"));
        assertEquals("installed", left.get("state").getAsString());
        admin.delete("/admin/bundles/" + left.get("id").getAsLong()).expect(204);
    }

    @Test
    void theProductsBundleNamesCannotBeUploaded() throws IOException {
        int before = admin.get("/admin/bundles").expect(200).items().size();
        for (String core : List.of("org.openkam.api", "org.openkam.console", "com.google.gson")) {
            Response r = admin.request("POST", "/admin/bundles")
                    .body("application/java-archive", jar(core, "org.osgi.framework", "9.9.9")).send().expectProblem(422);
            assertTrue(r.problemFields().contains("Bundle-SymbolicName"), r.body());
            assertTrue(r.text("detail").contains(core), r.body());
        }
        assertEquals(before, admin.get("/admin/bundles").expect(200).items().size(), "nothing was installed");
        assertFalse(admin.get("/admin/bundles").body().contains("9.9.9"), "no squatting bundle is listed");
    }

    @Test
    void aManifestZipBombIsRefusedWith422() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\nBundle-SymbolicName: com.example.bomb\r\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = ("X-Padding: " + "a".repeat(60) + "\r\n").getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 200L * 1024 * 1024; written += line.length) {
                zip.write(line);
            }
            zip.closeEntry();
        }
        Response r = admin.request("POST", "/admin/bundles").body("application/java-archive", out.toByteArray()).send()
                .expectProblem(422);
        assertTrue(r.problemFields().contains("META-INF/MANIFEST.MF"), r.body());
        assertTrue(bundle("com.example.bomb").isEmpty(), "nothing was installed");
    }

    @Test
    void protectsTheBundlesTheConsoleNeeds() {
        for (String essential : List.of("org.openkam.console", "org.openkam.registry", "org.openkam.api")) {
            JsonObject b = bundle(essential).orElseThrow(() -> new AssertionError(essential + " is listed"));
            assertTrue(b.get("essential").getAsBoolean(), b.toString());
            long id = b.get("id").getAsLong();
            admin.post("/admin/bundles/" + id + "/stop", null).expectProblem(409);
            admin.delete("/admin/bundles/" + id).expectProblem(409);
            assertEquals("active", admin.get("/admin/bundles/" + id).expect(200).object().get("state").getAsString());
        }
        admin.post("/admin/bundles/0/stop", null).expectProblem(409);
        admin.delete("/admin/bundles/0").expectProblem(409);
    }

    @Test
    void onlyGlobalAdministratorsAdministerBundles() throws IOException {
        String unit = Fixtures.createUnit(admin, "bundles");
        String username = Fixtures.unique("bu-boss");
        Fixtures.createUser(admin, username, unit, "bu-admin");
        Api boss = openkam.api().signIn(username, Fixtures.PASSWORD);
        boss.get("/admin/bundles").expectProblem(403);
        boss.request("POST", "/admin/bundles")
                .body("application/java-archive", Files.readAllBytes(Fixtures.examplePlugin()))
                .send().expectProblem(403);
        boss.post("/admin/bundles/0/stop", null).expectProblem(403);
        assertTrue(bundle(EXAMPLE).isEmpty(), "nothing was installed");
        openkam.api().get("/admin/bundles").expectProblem(401);
        boolean listed = StreamSupport.stream(boss.get("/api/v1/console/pages").expect(200).array().spliterator(), false)
                .map(JsonElement::getAsJsonObject).anyMatch(p -> p.get("id").getAsString().startsWith("admin-"));
        assertFalse(listed, "the administration pages are not in a non-admin's navigation");
        assertNotNull(StreamSupport.stream(admin.get("/api/v1/console/pages").expect(200).array().spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(p -> p.get("id").getAsString().equals("admin-bundles"))
                .findFirst().orElse(null), "an administrator sees the bundles page");
    }

    private static Optional<JsonObject> bundle(String symbolicName) {
        return StreamSupport.stream(admin.get("/admin/bundles").expect(200).items().spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(b -> !b.get("symbolicName").isJsonNull() && b.get("symbolicName").getAsString()
                        .equals(symbolicName))
                .findFirst();
    }



    /** A minimal jar: with a symbolic name (or none) and an import nobody exports (or none). */
    private static byte[] jar(String symbolicName, String importPackage) throws IOException {
        return jar(symbolicName, importPackage, "1.0.0");
    }

    private static byte[] jar(String symbolicName, String importPackage, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", symbolicName);
            main.putValue("Bundle-Version", version);
            main.putValue("Import-Package", importPackage);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            jar.write("test".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out.toByteArray();
    }
}
