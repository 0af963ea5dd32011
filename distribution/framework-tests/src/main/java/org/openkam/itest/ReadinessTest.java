package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.itest.HttpProbe.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.organization.Users;
import org.openkam.api.security.Authentication;
import org.openkam.itest.waiting.WaitingRoutes;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Readiness waits for a plugin's routes: a bundle whose {@code ApiRoutes} component waits for a service
 * (UNSATISFIED_REFERENCE) keeps {@code /health/ready} at 503 naming the component, until the service comes.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ReadinessTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String COMPONENT = WaitingRoutes.class.getName();
    /** The reference's target: a Runnable with this property, which nobody registers but this test. */
    private static final String GREETER = "openkam.itest.greeter";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    Users users;

    @InjectService(timeout = 30_000)
    Authentication authentication;

    @Test
    void routesWaitingForAServiceHoldReadinessBackUntilItComes() throws Exception {
        URI base = HttpTest.endpoint(context);
        String cookie = AdminSession.cookie(users, authentication, "itest-ready");
        await("ready before the plugin", () -> get(base, "/health/ready", null), r -> r.statusCode() == 200);

        Bundle plugin = context.installBundle("itest:waiting-routes", waitingPlugin());
        ServiceRegistration<Runnable> greeter = null;
        try {
            plugin.start();
            HttpResponse<String> waiting = await("not ready while the routes wait",
                    () -> get(base, "/health/ready", null), r -> r.statusCode() == 503);
            assertEquals("1", waiting.headers().firstValue("Retry-After").orElse(null));
            List<String> waitingFor = JsonParser.parseString(waiting.body()).getAsJsonObject()
                    .getAsJsonArray("waitingFor").asList().stream().map(JsonElement::getAsString).toList();
            assertEquals(List.of("the routes of " + COMPONENT + " (org.example.itest.waiting)"), waitingFor);
            assertEquals(404, get(base, "/api/v1/itest-waiting/ping", cookie).statusCode(), "no routes yet");

            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(GREETER, "yes");
            greeter = context.registerService(Runnable.class, () -> { }, properties);
            await("ready once the service came", () -> get(base, "/health/ready", null), r -> r.statusCode() == 200);
            HttpResponse<String> ping = await("the routes", () -> get(base, "/api/v1/itest-waiting/ping", cookie),
                    r -> r.statusCode() == 200);
            assertTrue(ping.body().contains("\"pong\":true"), ping.body());

            greeter.unregister();
            greeter = null;
            await("not ready once the service left", () -> get(base, "/health/ready", null),
                    r -> r.statusCode() == 503 && r.body().contains(COMPONENT));
        } finally {
            if (greeter != null) {
                greeter.unregister();
            }
            plugin.uninstall();
        }
        await("ready once the plugin left", () -> get(base, "/health/ready", null), r -> r.statusCode() == 200);
    }

    /** A bundle holding {@link WaitingRoutes} and a component description that references the greeter. */
    private static InputStream waitingPlugin() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.itest.waiting");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "org.openkam.http.api");
        main.putValue("Service-Component", "OSGI-INF/waiting-routes.xml");
        String description = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                  <service><provide interface="org.openkam.http.api.ApiRoutes"/></service>
                  <reference name="greeter" interface="java.lang.Runnable" target="(%s=*)"/>
                  <implementation class="%s"/>
                </scr:component>
                """.formatted(COMPONENT, GREETER, COMPONENT);
        String classFile = COMPONENT.replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
                InputStream code = WaitingRoutes.class.getResourceAsStream("WaitingRoutes.class")) {
            assertNotNull(code, classFile);
            jar.putNextEntry(new JarEntry(classFile));
            code.transferTo(jar);
            jar.putNextEntry(new JarEntry("OSGI-INF/waiting-routes.xml"));
            jar.write(description.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static HttpResponse<String> get(URI base, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
