package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import org.openkam.api.web.OpenApiContribution;
import org.osgi.service.component.annotations.Component;

/**
 * The OpenAPI description of every core route, one fragment for all resources of this bundle: it stays in the
 * document while the bundle runs, even while a resource waits for its service.
 */
@Component
public final class CoreApiDescription implements OpenApiContribution {

    static final String FRAGMENT = "/OSGI-INF/openkam/openapi.json";

    @Override
    public InputStream fragment() throws IOException {
        InputStream in = CoreApiDescription.class.getResourceAsStream(FRAGMENT);
        if (in == null) {
            throw new IOException(FRAGMENT + " is missing from the rest bundle");
        }
        return in;
    }
}
