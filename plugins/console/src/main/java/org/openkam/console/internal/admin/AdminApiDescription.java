package org.openkam.console.internal.admin;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

import org.openkam.api.web.OpenApiContribution;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;

/**
 * The administration endpoints' part of {@code /api/v1/openapi.json}, the fragment {@value #FRAGMENT}. It requires
 * the administration servlet, so the document lists these paths exactly while they are served.
 */
@Component(service = OpenApiContribution.class, reference = @Reference(name = "servlet", service = Servlet.class,
        target = "(osgi.http.whiteboard.servlet.name=" + AdminApi.SERVLET + ")"))
public final class AdminApiDescription implements OpenApiContribution {

    static final String FRAGMENT = "/OSGI-INF/openkam/admin-openapi.json";

    @Override
    public InputStream fragment() throws IOException {
        InputStream in = AdminApiDescription.class.getResourceAsStream(FRAGMENT);
        if (in == null) {
            throw new FileNotFoundException(FRAGMENT + " is missing from the console bundle");
        }
        return in;
    }
}
