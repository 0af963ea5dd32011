package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.itest.HttpProbe.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.StaleVersionException;
import org.openkam.api.organization.Users;
import org.openkam.api.security.Authentication;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.ConsoleModules;
import org.openkam.http.api.RouteTable;
import org.openkam.http.api.WebContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A minimal plugin built on the web kit, as this test bundle: one route and one console page, registered as
 * services. They are served while registered, errors of the route are answered by the kit's one mapping, and both
 * leave with the registration.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class KitTest {

    /** The logger of the web platform's route whiteboard, which reports refused routes. */
    private static final String DISPATCHER = "org.openkam.http.internal.ApiDispatcher";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        cookie = AdminSession.cookie(users, authentication, "itest-kit");
    }

    @Test
    void aPluginsRouteAndPageAreServedWhileRegistered() throws Exception {
        ApiRoutes routes = table -> table
                .get("/kit-test/greetings/{name}", ex -> Map.of("greeting", "hello " + ex.path("name"),
                        "caller", ex.caller().username()))
                .put("/kit-test/greetings/{name}", ex -> {
                    throw new StaleVersionException("greeting", ex.path("name"), ex.expectedVersion(null), 7);
                });
        ServiceRegistration<ApiRoutes> route = context.registerService(ApiRoutes.class, routes, null);
        Dictionary<String, Object> page = new Hashtable<>();
        page.put(ConsoleModules.PLUGIN, "kit-test");
        page.put(ConsoleModules.FOLDER, "/kit-test");
        page.put(ConsoleModules.PAGE, "kit-test-hello; title=Hello; group=Kit test; order=5; module=hello.js");
        ServiceRegistration<ConsoleModules> modules = context.registerService(ConsoleModules.class,
                new ConsoleModules() {
                }, page);
        try {
            HttpResponse<String> hello = await("the route", () -> send("GET", "/api/v1/kit-test/greetings/ada", null),
                    r -> r.statusCode() == 200);
            JsonObject body = JsonParser.parseString(hello.body()).getAsJsonObject();
            assertEquals("hello ada", body.get("greeting").getAsString());
            assertTrue(body.get("caller").getAsString().startsWith("itest-kit-"), "the route sees the signed-in caller");

            HttpResponse<String> stale = send("PUT", "/api/v1/kit-test/greetings/ada", "\"3\"");
            assertEquals(412, stale.statusCode(), stale::body);
            assertTrue(stale.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("urn:openkam:problem:stale-version",
                    JsonParser.parseString(stale.body()).getAsJsonObject().get("type").getAsString());
            HttpResponse<String> blind = send("PUT", "/api/v1/kit-test/greetings/ada", null);
            assertEquals(428, blind.statusCode(), "a change without If-Match is refused: " + blind.body());

            await("the page", () -> send("GET", "/api/v1/console/pages", null),
                    r -> r.statusCode() == 200 && r.body().contains("\"kit-test-hello\""));
            HttpResponse<String> module = send("GET", "/console/plugins/kit-test/hello.js", null);
            assertEquals(200, module.statusCode());
            assertTrue(module.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
            assertEquals(WebContext.CONSOLE_CSP, module.headers().firstValue("Content-Security-Policy").orElse(null));
            assertEquals("nosniff", module.headers().firstValue("X-Content-Type-Options").orElse(null),
                    "a plugin's module is served as script only");
            assertEquals(404, send("GET", "/console/plugins/kit-test/kit-test/hello.js", null).statusCode(),
                    "plain file names only, no folders");
            assertEquals(404, send("GET", "/console/plugins/kit-test/missing.js", null).statusCode());
        } finally {
            route.unregister();
            modules.unregister();
        }
        await("the route gone", () -> send("GET", "/api/v1/kit-test/greetings/ada", null), r -> r.statusCode() == 404);
        await("the page gone", () -> send("GET", "/api/v1/console/pages", null),
                r -> r.statusCode() == 200 && !r.body().contains("kit-test-hello"));
        assertEquals(404, send("GET", "/console/plugins/kit-test/hello.js", null).statusCode());
        assertEquals(200, send("GET", "/api/v1/accounts?limit=1", null).statusCode(), "the core API answers on");
    }

    @Test
    void aRouteThatClashesIsRefusedLoggedAndTheFirstKeepsIt() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger dispatcher = (Logger) LoggerFactory.getLogger(DISPATCHER);
        log.start();
        dispatcher.addAppender(log);
        ServiceRegistration<ApiRoutes> first = context.registerService(ApiRoutes.class,
                table -> table.get("/kit-test/owner/{id}", ex -> Map.of("owner", "first")), null);
        ServiceRegistration<ApiRoutes> second = context.registerService(ApiRoutes.class,
                table -> table.get("/kit-test/owner/{other}", ex -> Map.of("owner", "second")), null);
        try {
            HttpResponse<String> r = await("the first route", () -> send("GET", "/api/v1/kit-test/owner/1", null),
                    x -> x.statusCode() == 200);
            assertTrue(r.body().contains("first"), r.body());
            String bundle = context.getBundle().getSymbolicName();
            String secondService = "(service " + second.getReference().getProperty(Constants.SERVICE_ID) + ")";
            List<String> refused = List.copyOf(log.list).stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("/kit-test/owner/{other}") && m.contains("refused")).toList();
            assertEquals(1, refused.size(), () -> "one warning for the refused route: " + refused);
            assertTrue(refused.get(0).contains(bundle + " ") && refused.get(0).contains(secondService),
                    () -> "the warning names the bundle and service whose route was refused: " + refused);
            first.unregister();
            first = null;
            await("the second route once the first left", () -> send("GET", "/api/v1/kit-test/owner/1", null),
                    x -> x.statusCode() == 200 && x.body().contains("second"));
        } finally {
            dispatcher.detachAppender(log);
            if (first != null) {
                first.unregister();
            }
            second.unregister();
        }
    }

    private HttpResponse<String> send(String method, String path, String ifMatch) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(10));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header(WebContext.CSRF_HEADER, csrf()).method(method, HttpRequest.BodyPublishers.noBody());
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() throws IOException, InterruptedException {
        HttpResponse<String> session = CLIENT.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/session"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(session.body()).getAsJsonObject().get("csrfToken").getAsString();
    }
}
