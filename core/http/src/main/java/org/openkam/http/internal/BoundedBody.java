package org.openkam.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.openkam.api.Violation;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;

/**
 * A request body read no further than a limit: a JSON body is parsed whole into memory, so one client sending
 * gigabytes, with or without a length, would take the heap of every other request. Beyond the limit reading stops
 * with a 413.
 */
final class BoundedBody extends FilterInputStream {

    private final long max;
    private long read;

    BoundedBody(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    /** The 413 for a body larger than {@code max} bytes. */
    static ProblemException tooLarge(long max) {
        String message = "is larger than " + max / 1024 + " KB, the most a JSON body may hold (configuration "
                + ApiDispatcher.PID + ", json.body.max.kilobytes)";
        return new ProblemException(new Problem("urn:openkam:problem:too-large", "Too large", 413, "body " + message,
                "body", List.of(new Violation("body", message))));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > max) {
            throw tooLarge(max);
        }
    }
}
