package org.openkam.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests an HTTP client would rewrite first: a request target with dot
 * segments, or bytes that are not valid UTF-8.
 */
final class RawHttp {

    /** The status and the whole answer (head and body) as text. */
    record Answer(int status, String text) {
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, then reads the answer. */
    static Answer send(int port, String head, byte[] body) {
        return send(port, "127.0.0.1", head, body);
    }

    /**
     * As {@link #send(int, String, byte[])} from the local address {@code from}: on Linux every 127.x.y.z is this
     * machine, so {@code 127.0.0.2} is a second client address without any network set-up.
     */
    static Answer send(int port, String from, String head, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String headers = head + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
            out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String statusLine = text.lines().findFirst().orElse("");
            String[] parts = statusLine.split(" ");
            if (parts.length < 2) {
                throw new AssertionError("no HTTP answer: " + text);
            }
            return new Answer(Integer.parseInt(parts[1]), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer get(int port, String target) {
        return send(port, "GET " + target + " HTTP/1.1", new byte[0]);
    }
}
