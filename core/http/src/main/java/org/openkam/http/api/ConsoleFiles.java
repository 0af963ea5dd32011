package org.openkam.http.api;

import org.openkam.http.internal.Revalidation;
import org.osgi.framework.Bundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Revalidation of the console's files: a reload asks whether its copy is current instead of loading it again. */
public final class ConsoleFiles {

    private ConsoleFiles() {
    }

    /**
     * Gives a file served from a bundle the bundle's version as its ETag (its id and last update: such files change
     * only with their bundle) and answers 304 Not Modified when the request's {@code If-None-Match} names it (as the API's reads do). Call
     * it after the answer's other headers are set, which a 304 repeats.
     *
     * @return {@code true} if the answer is complete (304); {@code false} if the caller writes the file
     */
    public static boolean notModified(Bundle bundle, HttpServletRequest request, HttpServletResponse response) {
        String etag = "\"" + bundle.getBundleId() + "-" + bundle.getLastModified() + "\"";
        response.setHeader("ETag", etag);
        if (Revalidation.notModified(request, response)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }
}
