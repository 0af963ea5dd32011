package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openkam.itest.HttpProbe.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.organization.Users;
import org.openkam.api.security.Authentication;
import org.openkam.api.security.Session;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Operation;
import org.openkam.http.api.WebContext;
import org.osgi.framework.BundleContext;
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

/**
 * A client that hangs up while its answer is being written (a browser that navigates away during a large list) or
 * while it sends its body (a cancelled upload) is no fault of the server: a line at DEBUG, no warning, no incident
 * and no ERROR with a stack trace, and the next request is served. A server-side failure half way through an answer
 * still aborts the connection (ShutdownIT), and a truncated JSON body is still a 400 (the kit's JSON tests): one the
 * client broke off by hanging up is not.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ClientGoneTest {

    private static final String DISPATCHER = "org.openkam.http.internal.ApiDispatcher";
    private static final String LARGE = "/client-gone-test/large";
    private static final String UPLOAD = "/client-gone-test/upload";
    private static final String JSON = "/client-gone-test/json";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    Users users;

    @InjectService(timeout = 30_000)
    Authentication authentication;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final CountDownLatch reading = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI base;
    private Session session;
    private ServiceRegistration<ApiRoutes> routes;
    private Level level;

    @BeforeEach
    void serveAndListen() throws Exception {
        base = HttpTest.endpoint(context);
        session = AdminSession.session(users, authentication, "itest-gone");
        // about 20 MB: more than the socket buffers between the two ends hold, so the server is still writing
        List<String> rows = Collections.nCopies(20_000, "x".repeat(1_000));
        routes = context.registerService(ApiRoutes.class, table -> table
                .get(LARGE, ex -> Map.of("items", rows))
                .post(UPLOAD, ex -> {
                    reading.countDown();
                    return Map.of("bytes", ex.request().getInputStream().readAllBytes().length);
                })
                .post(JSON, Operation.of().jsonBody(), ex -> {
                    reading.countDown();
                    return Map.of("note", ex.body().text("note", ""));
                })
                .get("/client-gone-test/ping", ex -> Map.of("pong", true)), null);
        Logger dispatcher = (Logger) LoggerFactory.getLogger(DISPATCHER);
        level = dispatcher.getLevel();
        dispatcher.setLevel(Level.DEBUG);
        log.start();
        root().addAppender(log);
        await("the test's routes", this::ping, r -> r.statusCode() == 200);
    }

    @AfterEach
    void stop() {
        root().detachAppender(log);
        ((Logger) LoggerFactory.getLogger(DISPATCHER)).setLevel(level);
        routes.unregister();
    }

    @Test
    void aClientHangingUpDuringItsAnswerIsLoggedAtDebugNotAsAnError() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /api/v1" + LARGE + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nCookie: "
                    + cookie() + "\r\n\r\n");
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", status);
            socket.setSoLinger(true, 0); // reset, as a closed browser tab does
        }
        assertQuietAbout(LARGE);
    }

    @Test
    void aClientHangingUpDuringItsUploadIsLoggedAtDebugNotAsAnIncident() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /api/v1" + UPLOAD + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nCookie: "
                    + cookie() + "\r\n" + WebContext.CSRF_HEADER + ": " + session.csrfToken() + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 10000000\r\n\r\n");
            send(socket, "y".repeat(100_000));
            assertTrue(reading.await(30, TimeUnit.SECONDS), "the handler reads the body when the client goes");
            socket.setSoLinger(true, 0);
        }
        assertQuietAbout(UPLOAD);
    }

    @Test
    void aClientHangingUpDuringItsJsonBodyIsNoBadRequestToAnswer() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /api/v1" + JSON + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nCookie: "
                    + cookie() + "\r\n" + WebContext.CSRF_HEADER + ": " + session.csrfToken() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 3000000\r\n\r\n"); // under the limit of a JSON body
            send(socket, "{\"note\": \"" + "y".repeat(100_000));
            assertTrue(reading.await(30, TimeUnit.SECONDS), "the handler reads the body when the client goes");
            socket.setSoLinger(true, 0);
        }
        assertQuietAbout(JSON);
    }

    /** Waits for the dispatcher's word on the request, then checks it is the only one and the server goes on. */
    private void assertQuietAbout(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (events(Level.TRACE, path).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ILoggingEvent> seen = events(Level.TRACE, path);
        assertTrue(seen.stream().anyMatch(e -> e.getLevel() == Level.DEBUG && e.getLoggerName().equals(DISPATCHER)
                && e.getFormattedMessage().contains("the client went away")), "logged at DEBUG: " + lines(seen));
        assertEquals(List.of(), lines(events(Level.WARN, path)), "no warning or error for a client that left");
        assertEquals(200, ping().statusCode(), "the next request is served");
    }

    private HttpResponse<String> ping() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1/client-gone-test/ping"))
                .header("Cookie", cookie()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String cookie() {
        return "OPENKAM_SESSION=" + session.token();
    }

    /** A connection that takes little at a time, so that a large answer stays in flight. */
    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /**
     * The events at {@code least} or above that name the path, and every one of the dispatcher at WARN or above (an
     * incident's line names no path).
     */
    private List<ILoggingEvent> events(Level least, String path) {
        synchronized (log) { // the appender appends under its own lock
            return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(least))
                    .filter(e -> e.getFormattedMessage().contains(path)
                            || (e.getLoggerName().equals(DISPATCHER) && e.getLevel().isGreaterOrEqual(Level.WARN)))
                    .toList();
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static List<String> lines(List<ILoggingEvent> events) {
        return events.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                .toList();
    }
}
