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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.organization.Users;
import org.openkam.api.security.Authentication;
import org.openkam.http.api.ApiRoutes;
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
 * A client that hangs up while its answer is being written (a browser that navigates away during a large list) is
 * no fault of the server: a line at DEBUG, no warning and no ERROR with a stack trace, and the next request is
 * served. A server-side failure half way through an answer still aborts the connection (ShutdownIT).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ClientGoneTest {

    private static final String DISPATCHER = "org.openkam.http.internal.ApiDispatcher";
    private static final String PATH = "/client-gone-test/large";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    Users users;

    @InjectService(timeout = 30_000)
    Authentication authentication;

    @Test
    void aClientHangingUpDuringItsAnswerIsLoggedAtDebugNotAsAnError() throws Exception {
        URI base = HttpTest.endpoint(context);
        String cookie = AdminSession.cookie(users, authentication, "itest-gone");
        // about 20 MB: more than the socket buffers between the two ends hold, so the server is still writing
        List<String> rows = Collections.nCopies(20_000, "x".repeat(1_000));
        ServiceRegistration<ApiRoutes> routes = context.registerService(ApiRoutes.class, table -> table
                .get(PATH, ex -> Map.of("items", rows))
                .get("/client-gone-test/ping", ex -> Map.of("pong", true)), null);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger dispatcher = (Logger) LoggerFactory.getLogger(DISPATCHER);
        Level level = dispatcher.getLevel();
        dispatcher.setLevel(Level.DEBUG);
        root.addAppender(log);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest ping = HttpRequest.newBuilder(base.resolve("/api/v1/client-gone-test/ping"))
                .header("Cookie", cookie).timeout(Duration.ofSeconds(10)).build();
        try {
            await("the test's routes", () -> client.send(ping, HttpResponse.BodyHandlers.ofString()),
                    r -> r.statusCode() == 200);

            hangUpAfterTheStatusLine(base, cookie);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mentions(log, Level.TRACE).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<ILoggingEvent> seen = mentions(log, Level.TRACE);
            assertTrue(seen.stream().anyMatch(e -> e.getLevel() == Level.DEBUG && e.getLoggerName().equals(DISPATCHER)
                    && e.getFormattedMessage().contains("the client went away")), "logged at DEBUG: " + lines(seen));
            assertEquals(List.of(), lines(mentions(log, Level.WARN)), "no warning or error for a client that left");
            assertEquals(200, client.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "the next request is served");
        } finally {
            root.detachAppender(log);
            dispatcher.setLevel(level);
            routes.unregister();
        }
    }

    /** Asks for the large answer, reads its status line and resets the connection, as a closed browser tab does. */
    private static void hangUpAfterTheStatusLine(URI base, String cookie) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /api/v1" + PATH + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Cookie: " + cookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", status);
            socket.setSoLinger(true, 0);
        }
    }

    /** The events at {@code least} or above that name the large answer's path. */
    private static List<ILoggingEvent> mentions(ListAppender<ILoggingEvent> log, Level least) {
        synchronized (log) { // the appender appends under its own lock
            return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(least))
                    .filter(e -> e.getFormattedMessage().contains(PATH)).toList();
        }
    }

    private static List<String> lines(List<ILoggingEvent> events) {
        return events.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                .toList();
    }
}
