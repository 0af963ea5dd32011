package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The console's dashboard, users, API tokens and import pages on the real product: who sees them in the
 * navigation (the dashboard first), and their ES modules and the shared form helper are served as scripts.
 */
class PeoplePagesIT {

    private static final List<String> MODULES = List.of("/console/forms.js", "/console/pages/dashboard.js",
            "/console/pages/admin-users.js", "/console/pages/api-tokens.js", "/console/pages/import.js");
    private static OpenKamProcess openkam;
    private static Api admin;
    private static Api viewer;
    private static Api kam;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("PeoplePagesIT");
        admin = openkam.admin();
        String unit = Fixtures.createUnit(admin, "people");
        String viewerName = Fixtures.unique("people-viewer");
        String kamName = Fixtures.unique("people-kam");
        Fixtures.createUser(admin, viewerName, unit, "viewer");
        Fixtures.createUser(admin, kamName, unit, "key-account-manager");
        viewer = openkam.api().signIn(viewerName, Fixtures.PASSWORD);
        kam = openkam.api().signIn(kamName, Fixtures.PASSWORD);
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    private static List<String> pageIds(Api api) {
        JsonArray pages = api.get("/api/v1/console/pages").expect(200).array();
        return pages.asList().stream().map(p -> p.getAsJsonObject().get("id").getAsString()).toList();
    }

    private static JsonObject page(Api api, String id) {
        for (JsonElement p : api.get("/api/v1/console/pages").expect(200).array()) {
            if (p.getAsJsonObject().get("id").getAsString().equals(id)) {
                return p.getAsJsonObject();
            }
        }
        throw new AssertionError("no page " + id);
    }

    @Test
    void theDashboardComesFirstForEveryone() {
        for (Api api : List.of(admin, viewer, kam)) {
            List<String> ids = pageIds(api);
            assertEquals("dashboard", ids.get(0), "the landing page: " + ids);
            assertTrue(ids.contains("api-tokens"), "everyone manages their own tokens: " + ids);
            assertTrue(ids.contains("import"), ids.toString());
        }
        JsonObject dashboard = page(viewer, "dashboard");
        assertEquals("Dashboard", dashboard.get("title").getAsString());
        assertEquals("Key accounts", dashboard.get("group").getAsString());
        assertEquals("/console/pages/dashboard.js", dashboard.get("moduleUrl").getAsString());
    }

    @Test
    void onlyAdministratorsSeeTheUsersPage() {
        assertTrue(pageIds(admin).contains("admin-users"));
        assertFalse(pageIds(viewer).contains("admin-users"));
        assertFalse(pageIds(kam).contains("admin-users"));
        JsonObject users = page(admin, "admin-users");
        assertEquals("Users", users.get("title").getAsString());
        assertEquals("Administration", users.get("group").getAsString());
        assertEquals("Import", page(admin, "import").get("title").getAsString());
    }

    @Test
    void theModulesAreServedAsScripts() {
        Api anonymous = openkam.api();
        for (String path : MODULES) {
            Response module = anonymous.get(path, "Accept", "*/*").expect(200);
            assertTrue(module.contentType().toLowerCase(Locale.ROOT).startsWith("text/javascript"),
                    path + ": " + module.describe());
            assertTrue(module.body().contains("export "), path + " is an ES module");
        }
        assertTrue(anonymous.get("/console/forms.js", "Accept", "*/*").expect(200).body()
                .contains("export function showProblem(form, error, options = {})"));
    }
}
