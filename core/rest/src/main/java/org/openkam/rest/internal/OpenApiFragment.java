package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A core resource's OpenAPI fragment, {@code OSGI-INF/openkam/openapi/<name>.json}, returned by its
 * {@code openApi()}: the resource's paths are in the document exactly while its routes are served.
 */
final class OpenApiFragment {

    private OpenApiFragment() {
    }

    static InputStream open(String name) throws IOException {
        String path = "/OSGI-INF/openkam/openapi/" + name + ".json";
        InputStream in = OpenApiFragment.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is missing from the rest bundle");
        }
        return in;
    }
}
