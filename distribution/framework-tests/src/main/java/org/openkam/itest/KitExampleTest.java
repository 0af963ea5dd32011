package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.itest.HttpProbe.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.Role;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;
import org.openkam.api.persistence.Database;
import org.openkam.api.security.Authentication;
import org.openkam.http.api.WebContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.dictionary.Dictionaries;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The kit example plugin (business reviews) installs into the running framework, serves the unit it is enabled
 * for over HTTP with its page and module, and uninstalls taking exactly its route, page and module; its table and
 * rows stay.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class KitExampleTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    BusinessUnits units;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    AccountRegistry accounts;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Users users;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Authentication authentication;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Database database;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurationAdmin;

    private URI base;

    @Test
    void theKitExampleServesItsUnitAndLeavesItsDataWhenUninstalled() throws Exception {
        base = HttpTest.endpoint(context);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account enabled = account("qbr-on-" + suffix);
        Account other = account("qbr-off-" + suffix);
        Session admin = signIn("itest-qbr-" + suffix, true, Map.of());
        Session viewer = signIn("itest-qbr-viewer-" + suffix, false, Map.of(enabled.businessUnit(), Set.of(Role.VIEWER)));
        String reviews = "/api/v1/reviews/accounts/" + enabled.id() + "/reviews";

        Path jar = Path.of(context.getProperty("openkam.kit.example"));
        assertTrue(Files.isRegularFile(jar), "the kit example was built: " + jar);
        Bundle plugin;
        try (InputStream in = Files.newInputStream(jar)) {
            plugin = context.installBundle("itest:kit-example", in);
        }
        Configuration config = configurationAdmin.createFactoryConfiguration("com.example.kam.reviews.settings", "?");
        try {
            plugin.start();
            assertEquals("com.example.kam.reviews", plugin.getSymbolicName());
            config.update(Dictionaries.dictionaryOf("businessUnit", enabled.businessUnit(), "cadence.days", 30));

            HttpResponse<String> empty = await("the routes for the enabled unit", () -> admin.send("GET", reviews, null),
                    r -> r.statusCode() == 200);
            assertEquals(0, json(empty).getAsJsonArray("items").size());

            HttpResponse<String> created = admin.send("POST", reviews,
                    "{\"heldOn\":\"2027-03-31\",\"attendees\":\"Ada (CPO)\",\"outcome\":\"Joint plan agreed\",\"rating\":4}");
            assertEquals(201, created.statusCode(), created::body);
            JsonObject review = json(created);
            assertEquals("2027-04-30", review.get("nextReviewOn").getAsString(), "the unit's cadence of 30 days");
            assertEquals("\"1\"", created.headers().firstValue("ETag").orElse(null));
            HttpResponse<String> read = admin.send("GET", reviews + "/" + review.get("id").getAsString(), null);
            assertEquals(200, read.statusCode(), read::body);
            assertEquals("Joint plan agreed", json(read).get("outcome").getAsString());
            assertEquals(1, json(admin.send("GET", reviews, null)).getAsJsonArray("items").size());

            HttpResponse<String> bad = admin.send("POST", reviews,
                    "{\"heldOn\":\"2027-03-31\",\"attendees\":\"Ada\",\"outcome\":\"ok\",\"rating\":7}");
            assertEquals(400, bad.statusCode(), bad::body);
            assertEquals("rating", json(bad).getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
            assertEquals(200, viewer.send("GET", reviews, null).statusCode(), "a viewer reads");
            assertEquals(403, viewer.send("POST", reviews, "{\"rating\":3}").statusCode(), "but does not write");
            assertEquals(404, admin.send("GET", "/api/v1/reviews/accounts/" + other.id() + "/reviews", null)
                    .statusCode(), "a unit the plugin is not enabled for");
            assertEquals(404, viewer.send("GET", "/api/v1/reviews/accounts/" + other.id() + "/reviews", null)
                    .statusCode(), "another unit's account");

            await("the page", () -> admin.send("GET", "/api/v1/console/pages", null),
                    r -> r.statusCode() == 200 && r.body().contains("\"reviews-qbr\""));
            HttpResponse<String> module = admin.send("GET", "/console/plugins/reviews/reviews.js", null);
            assertEquals(200, module.statusCode());
            assertTrue(module.body().contains("export async function render"), "the page's module");
            assertTrue(admin.send("GET", "/api/v1/openapi.json", null).body()
                    .contains("\"/reviews/accounts/{id}/reviews/{reviewId}\""), "its fragment joins the document");
        } finally {
            config.delete();
            plugin.uninstall();
        }

        await("the route gone", () -> admin.send("GET", reviews, null), r -> r.statusCode() == 404);
        await("the page gone", () -> admin.send("GET", "/api/v1/console/pages", null),
                r -> r.statusCode() == 200 && !r.body().contains("reviews-qbr"));
        assertEquals(404, admin.send("GET", "/console/plugins/reviews/reviews.js", null).statusCode());
        assertEquals(200, admin.send("GET", "/api/v1/accounts?limit=1", null).statusCode(), "the core API answers on");
        int kept = database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT COUNT(*) FROM example_review WHERE account_id = ?")) {
                ps.setString(1, enabled.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        assertEquals(1, kept, "uninstalling never drops data");
    }

    private Account account(String unit) {
        units.create(ScoringTest.ADMIN, new BusinessUnitDraft(unit, "Unit " + unit, null));
        return accounts.create(ScoringTest.ADMIN, new AccountDraft(unit, "Review Ltd " + unit, null, null, "DE", null,
                AccountStatus.ACTIVE, KeyAccountTier.KEY, null, new BigDecimal("1000000"), null, null, "EUR", Map.of()));
    }

    private Session signIn(String username, boolean admin, Map<String, Set<Role>> grants) throws Exception {
        String password = UUID.randomUUID().toString();
        users.create(ScoringTest.ADMIN, new UserDraft(username, "Kit example test", null, admin, true, grants, password));
        String cookie = WebContext.SESSION_COOKIE + "=" + authentication.login(username, password).orElseThrow().token();
        HttpResponse<String> session = CLIENT.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/session"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        return new Session(cookie, json(session).get("csrfToken").getAsString());
    }

    /** A signed-in console session: its cookie and CSRF token. */
    private final class Session {
        final String cookie;
        final String csrf;

        Session(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                    .timeout(Duration.ofSeconds(10));
            if (method.equals("GET")) {
                b.GET();
            } else {
                b.header(WebContext.CSRF_HEADER, csrf).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
