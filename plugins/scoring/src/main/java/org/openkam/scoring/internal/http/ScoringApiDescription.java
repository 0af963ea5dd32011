package org.openkam.scoring.internal.http;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

import org.openkam.api.web.OpenApiContribution;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;

/**
 * The scoring endpoints' part of {@code /api/v1/openapi.json}: the fragment {@value #FRAGMENT} of this bundle. It
 * requires the scoring servlet, so the document lists these paths exactly while they are served.
 */
@Component(service = OpenApiContribution.class, reference = @Reference(name = "servlet", service = Servlet.class,
        target = "(osgi.http.whiteboard.servlet.name=" + ScoringApiDescription.SERVLET + ")"))
public final class ScoringApiDescription implements OpenApiContribution {

    static final String FRAGMENT = "/OSGI-INF/openkam/openapi.json";
    /** The whiteboard name {@link ScoringServlet} registers under. */
    static final String SERVLET = "openkam-scoring-api";

    @Override
    public InputStream fragment() throws IOException {
        InputStream in = ScoringApiDescription.class.getResourceAsStream(FRAGMENT);
        if (in == null) {
            throw new FileNotFoundException(FRAGMENT + " is missing from the scoring bundle");
        }
        return in;
    }
}
