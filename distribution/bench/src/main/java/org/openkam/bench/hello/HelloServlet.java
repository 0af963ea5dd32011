package org.openkam.bench.hello;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The baseline endpoint: the least a servlet on the same Jetty can do. With {@code ?bytes=N} it answers N bytes of
 * JSON made once, so an API answer can be set against the cost of moving as many bytes.
 */
public final class HelloServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] HELLO = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_BYTES = 10_000_000;
    private final transient Map<Integer, byte[]> sized = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String bytes = request.getParameter("bytes");
        byte[] body = HELLO;
        if (bytes != null) {
            int size;
            try {
                size = Integer.parseInt(bytes);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < HELLO.length || size > MAX_BYTES) {
                response.sendError(400, "bytes: a whole number from " + HELLO.length + " to " + MAX_BYTES);
                return;
            }
            body = sized.computeIfAbsent(size, HelloServlet::filler);
        }
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** {@code {"hello":"xxx..."}}, {@code size} bytes long. */
    private static byte[] filler(int size) {
        return ("{\"hello\":\"" + "x".repeat(size - 12) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
