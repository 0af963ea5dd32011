package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.organization.Users;
import org.openkam.api.security.Authentication;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * The scoring plugin's console pages leave with its bundle: stopped, its pages are gone from the console's
 * navigation and its modules are no longer served, while the console's own page, the shell and the core API
 * answer as before; started again, the pages come back.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ScoringConsoleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> SCORING_PAGES = List.of("scoring-models", "scoring-portfolio",
            "scoring-recommendations");
    /** The web kit's console page contract (org.openkam.http.api.ConsoleModules), named as the service has it. */
    private static final String CONSOLE_MODULES = "org.openkam.http.api.ConsoleModules";
    private static final String PAGE = "openkam.console.page";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    Users users;

    @InjectService(timeout = 30_000)
    Authentication authentication;

    private URI base;
    private String cookie;

    @BeforeEach
    void signIn() throws Exception {
        base = HttpTest.endpoint(context);
        cookie = AdminSession.cookie(users, authentication, "itest-ui");
    }

    @Test
    void stoppingTheScoringBundleRemovesItsPagesAndNothingElse() throws Exception {
        Bundle scoring = bundle("org.openkam.scoring");
        List<String> with = awaitPages("the scoring pages", p -> p.containsAll(SCORING_PAGES));
        assertTrue(with.contains("accounts"), with.toString());
        assertEquals(200, get("/console/plugins/scoring/portfolio.js").statusCode());
        assertEquals(3, declaredPages(scoring), "the bundle declares its three pages");

        scoring.stop();
        try {
            List<String> without = awaitPages("the scoring pages gone", p -> p.stream().noneMatch(SCORING_PAGES::contains));
            assertTrue(without.contains("accounts"), "the console's own page stays: " + without);
            assertEquals(404, get("/console/plugins/scoring/portfolio.js").statusCode(), "its modules are gone");
            HttpResponse<String> shell = get("/console/");
            assertEquals(200, shell.statusCode());
            assertTrue(shell.body().contains("app.js"), shell.body());
            assertEquals(200, get("/console/pages/accounts.js").statusCode());
            assertEquals(200, get("/api/v1/accounts?limit=1").statusCode(), "the core API answers");
            assertEquals(404, get("/api/v1/scoring/models").statusCode(), "the scoring API left with the bundle");
        } finally {
            scoring.start();
        }
        awaitPages("the scoring pages back", p -> p.containsAll(SCORING_PAGES));
        assertEquals(200, get("/console/plugins/scoring/models.js").statusCode());
    }

    /** The page entries of the bundle's console modules services. */
    private int declaredPages(Bundle bundle) {
        int n = 0;
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        for (ServiceReference<?> ref : registered == null ? new ServiceReference<?>[0] : registered) {
            Object classes = ref.getProperty("objectClass");
            if (classes instanceof String[] names && List.of(names).contains(CONSOLE_MODULES)) {
                Object pages = ref.getProperty(PAGE);
                n += pages instanceof String[] entries ? entries.length : pages == null ? 0 : 1;
            }
        }
        return n;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** The ids of the navigation, once they satisfy the condition (service changes arrive asynchronously). */
    private List<String> awaitPages(String what, Predicate<List<String>> condition) throws InterruptedException {
        List<List<String>> last = new ArrayList<>(List.of(List.of()));
        List<String> found = Await.until(WAIT, () -> {
            List<String> ids = pages();
            last.set(0, ids);
            return condition.test(ids) ? ids : null;
        });
        assertNotNull(found, () -> "the navigation never showed " + what + "; it lists " + last.get(0));
        return found;
    }

    private List<String> pages() {
        HttpResponse<String> r = get("/api/v1/console/pages");
        assertEquals(200, r.statusCode(), r::body);
        List<String> ids = new ArrayList<>();
        for (JsonElement p : JsonParser.parseString(r.body()).getAsJsonArray()) {
            ids.add(p.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    private HttpResponse<String> get(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
