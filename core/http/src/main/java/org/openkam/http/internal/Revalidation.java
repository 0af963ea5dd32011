package org.openkam.http.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The one reading of {@code If-None-Match} for every answer the bundle revalidates: API reads and console files. */
public final class Revalidation {

    private Revalidation() {
    }

    /** A conditional read whose {@code If-None-Match} names the ETag the answer carries (a list, weak or {@code *}). */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response) {
        String etag = response.getHeader("ETag");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (etag == null || ifNoneMatch == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
