package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.util.tracker.ServiceTracker;

/** Jetty runs on the free port the run asked for (org.osgi.service.http.port=0) and answers HTTP. */
@ExtendWith(BundleContextExtension.class)
class HttpTest {

    static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    static final String ENDPOINT = "osgi.http.endpoint";

    @InjectBundleContext
    BundleContext context;

    @Test
    void jettyAnswersOnAFreePort() throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, RUNTIME, null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(20_000), "no " + RUNTIME + " service");
            ServiceReference<Object> runtime = tracker.getServiceReference();
            List<String> endpoints = strings(runtime.getProperty(ENDPOINT));
            assertFalse(endpoints.isEmpty(), "the HttpServiceRuntime has no " + ENDPOINT);
            URI endpoint = URI.create(endpoints.get(0));
            assertTrue(endpoint.getPort() > 0 && endpoint.getPort() != 8080,
                    () -> "expected a free port other than the default 8080, got " + endpoints);

            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
            // Any HTTP answer proves Jetty listens there; what "/" serves is the plugins' business.
            assertTrue(response.statusCode() >= 200 && response.statusCode() < 600,
                    () -> "GET " + endpoint + " answered " + response.statusCode());
        } finally {
            tracker.close();
        }
    }

    /** The base address Jetty listens on, from the HttpServiceRuntime (waits for it up to 20 s). */
    static URI endpoint(BundleContext context) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, RUNTIME, null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(20_000), "no " + RUNTIME + " service");
            List<String> endpoints = strings(tracker.getServiceReference().getProperty(ENDPOINT));
            assertFalse(endpoints.isEmpty(), "the HttpServiceRuntime has no " + ENDPOINT);
            return URI.create(endpoints.get(0));
        } finally {
            tracker.close();
        }
    }

    private static List<String> strings(Object value) {
        List<String> list = new ArrayList<>();
        if (value instanceof String[]) {
            list.addAll(List.of((String[]) value));
        } else if (value instanceof Collection) {
            ((Collection<?>) value).forEach(v -> list.add(String.valueOf(v)));
        } else if (value != null) {
            list.add(String.valueOf(value));
        }
        return list;
    }
}
