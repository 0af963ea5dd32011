package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The web console's shell on the real product: the page and its ES modules load without sign-in, with the
 * content types and security headers browsers need, and the navigation route lists the registered pages to
 * signed-in users only.
 */
class ConsoleShellIT {

    private static final List<String> MODULES = List.of("/console/app.js", "/console/api.js", "/console/dom.js",
            "/console/forms.js", "/console/charts.js", "/console/orgchart.js", "/console/tables.js", "/console/pages/accounts.js",
            "/console/pages/account.js", "/console/pages/account-form.js", "/console/pages/account-engagement.js",
            "/console/kit/v1/dom.js", "/console/kit/v1/api.js", "/console/kit/v1/tables.js", "/console/kit/v1/forms.js",
            "/console/kit/v1/charts.js", "/console/kit/v1/format.js", "/console/format.js");
    private static OpenKamProcess openkam;
    private static Api anonymous;
    private static Api admin;
    private static Api viewer;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("ConsoleShellIT");
        anonymous = openkam.api();
        admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "console");
        String username = Fixtures.unique("console-viewer");
        Fixtures.createUser(admin, username, unit, "viewer");
        viewer = openkam.api().signIn(username, Fixtures.PASSWORD);
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void theShellPageLoadsWithoutSignIn() {
        Response page = anonymous.get("/console/", "Accept", "text/html").expect(200);
        assertTrue(page.contentType().toLowerCase(Locale.ROOT).startsWith("text/html"), page.describe());
        assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\"></script>"), page.body());
        assertTrue(page.body().contains("<main id=\"main\""), "the page has a main landmark: " + page.body());
        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp, page.describe());
        assertTrue(csp.contains("default-src 'self'"), "scripts only from the console's origin: " + csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"), page.describe());
    }

    @Test
    void theBarePathRedirectsToTheShell() {
        Response r = anonymous.get("/console", "Accept", "text/html");
        assertTrue(r.status() == 302 || r.status() == 301 || r.status() == 307, r.describe());
        assertTrue(r.header("Location").endsWith("/console/"), r.describe());
    }

    @Test
    void theServersAddressLeadsToTheConsole() {
        Response root = anonymous.get(openkam.baseUri() + "/", "Accept", "text/html");
        assertEquals(302, root.status(), "a person who types the address is led to the console: " + root.describe());
        assertTrue(root.header("Location").endsWith("/console/"), root.describe());
        Response icon = anonymous.get(openkam.baseUri() + "/favicon.ico", "Accept", "image/*");
        assertEquals(302, icon.status(), icon.describe());
        String iconAddress = icon.header("Location");
        Response svg = anonymous.get(iconAddress.startsWith("http") ? iconAddress : openkam.baseUri() + iconAddress,
                "Accept", "image/*").expect(200);
        assertTrue(svg.contentType().startsWith("image/svg+xml"), svg.describe());
        assertTrue(anonymous.get("/console/", "Accept", "text/html").body().contains("rel=\"icon\""),
                "the shell names its icon");
        // below the root the API still wants a sign-in
        assertEquals(401, anonymous.get(openkam.baseUri() + "/accounts", "Accept", "text/html").status());
    }

    @Test
    void theStartUpLogSaysWhereTheConsoleIsAndHowToSignIn() {
        String address = "OpenKAM console: http://localhost:" + openkam.port() + "/console/";
        openkam.awaitOutput(Duration.ofSeconds(30), address);
        String line = openkam.output().lines().filter(l -> l.contains(address)).findFirst().orElseThrow();
        assertTrue(line.contains("sign in") && line.contains("'admin'"), "the line says how to sign in: " + line);
    }

    @Test
    void theModulesAreServedAsJavaScript() {
        for (String module : MODULES) {
            Response r = anonymous.get(module, "Accept", "*/*").expect(200);
            assertTrue(r.contentType().toLowerCase(Locale.ROOT).startsWith("text/javascript"),
                    module + " needs a JavaScript type for import(): " + r.describe());
            assertTrue(r.body().contains("export ") || module.endsWith("app.js"), module + ": " + r.body());
        }
        Response css = anonymous.get("/console/console.css", "Accept", "text/css").expect(200);
        assertTrue(css.contentType().startsWith("text/css"), css.describe());
    }

    @Test
    void theBrowserLibrariesComeFromTheirWebJars() {
        Response echarts = anonymous.get("/console/lib/echarts/echarts.esm.min.js", "Accept", "*/*").expect(200);
        assertTrue(echarts.contentType().startsWith("text/javascript"), echarts.describe());
        assertTrue(echarts.body().contains("zrender"), "the ECharts bundle");
        assertTrue(echarts.header("Cache-Control").contains("max-age"), "libraries are cached: " + echarts.describe());
        Response swagger = anonymous.get("/console/lib/swagger-ui/swagger-ui-bundle.js", "Accept", "*/*").expect(200);
        assertTrue(swagger.contentType().startsWith("text/javascript"), swagger.describe());
        Response css = anonymous.get("/console/lib/swagger-ui/swagger-ui.css", "Accept", "text/css").expect(200);
        assertTrue(css.contentType().startsWith("text/css"), css.describe());
        assertEquals("no-cache", anonymous.get("/console/app.js", "Accept", "*/*").header("Cache-Control"),
                "the shell itself revalidates");
    }

    @Test
    void aReloadRevalidatesTheConsolesFilesInsteadOfLoadingThemAgain() {
        String shell = null;
        for (String file : List.of("/console/", "/console/app.js", "/console/pages/accounts.js", "/console/console.css",
                "/console/lib/echarts/echarts.esm.min.js")) {
            String etag = revalidates(file);
            assertTrue(shell == null || shell.equals(etag), file + ": one version for the shell's files");
            shell = etag;
        }
        String plugin = revalidates("/console/plugins/scoring/models.js");
        assertTrue(!plugin.equals(shell), "a plugin's modules carry its bundle's version: " + plugin);
        assertEquals(404, anonymous.get("/console/missing.js", "Accept", "*/*", "If-None-Match", shell).status());
    }

    @Test
    void browsersGetTheConsolesFilesCompressedAndRevalidateThem() {
        for (String file : List.of("/console/lib/swagger-ui/swagger-ui-bundle.js", "/console/lib/swagger-ui/swagger-ui.css",
                "/console/app.js", "/console/console.css", "/console/plugins/scoring/models.js", "/api/v1/openapi.json")) {
            Response plain = anonymous.get(file, "Accept", "*/*").expect(200);
            assertEquals(null, plain.header("Content-Encoding"), file + " plain for a client that does not ask");
            Response compressed = anonymous.get(file, "Accept", "*/*", "Accept-Encoding", "gzip, deflate, br").expect(200);
            assertEquals("gzip", compressed.header("Content-Encoding"), file + ": " + compressed.describe());
            assertTrue(compressed.header("Vary").contains("Accept-Encoding"), file + ": " + compressed.describe());
            assertEquals(plain.body(), compressed.body(), file + ": the same text");
            assertEquals(plain.contentType(), compressed.contentType(), file);
            assertEquals(plain.header("Cache-Control"), compressed.header("Cache-Control"), file);
            Response again = anonymous.get(file, "Accept", "*/*", "Accept-Encoding", "gzip",
                    "If-None-Match", compressed.etag()).expect(304);
            assertEquals("", again.body(), file + " revalidated by its compressed copy's ETag");
        }
        Response small = anonymous.get("/console/favicon.svg", "Accept", "*/*", "Accept-Encoding", "gzip").expect(200);
        assertEquals(null, small.header("Content-Encoding"), "a file under 1 KB is sent as it is: " + small.describe());
    }

    /** The file's ETag, after checking that a copy of it is answered 304 and a copy of another version in full. */
    private static String revalidates(String file) {
        Response first = anonymous.get(file, "Accept", "*/*").expect(200);
        String etag = first.etag();
        assertNotNull(etag, file + " has an ETag: " + first.describe());
        Response again = anonymous.get(file, "Accept", "*/*", "If-None-Match", etag).expect(304);
        assertEquals("", again.body(), file);
        assertEquals(etag, again.etag(), file);
        assertEquals(first.header("Cache-Control"), again.header("Cache-Control"), file);
        assertEquals(first.body(), anonymous.get(file, "Accept", "*/*", "If-None-Match", "\"older\"").expect(200).body(),
                file + " in full for a copy of another version");
        return etag;
    }

    @Test
    void nothingElseIsServedUnderConsole() {
        assertEquals(404, anonymous.get("/console/missing.js", "Accept", "*/*").status());
        assertEquals(404, anonymous.get("/console/notes.txt", "Accept", "*/*").status());
    }

    @Test
    void theNavigationNeedsSignIn() {
        anonymous.get("/api/v1/console/pages").expectProblem(401);
    }

    @Test
    void signedInUsersSeeTheBuiltInAccountsPage() {
        for (Api api : List.of(admin, viewer)) {
            JsonArray pages = api.get("/api/v1/console/pages").expect(200).array();
            JsonObject accounts = null;
            for (JsonElement p : pages) {
                if (p.getAsJsonObject().get("id").getAsString().equals("accounts")) {
                    accounts = p.getAsJsonObject();
                }
            }
            assertNotNull(accounts, "the built-in accounts page is listed: " + pages);
            assertEquals("Accounts", accounts.get("title").getAsString());
            assertEquals("Key accounts", accounts.get("group").getAsString());
            assertEquals("/console/pages/accounts.js", accounts.get("moduleUrl").getAsString());
            Response module = anonymous.get(accounts.get("moduleUrl").getAsString(), "Accept", "*/*").expect(200);
            assertTrue(module.body().contains("export async function render(element, context)"), module.body());
        }
    }
}
