package org.openkam.scoring.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the scoring pages' ES modules from the bundle's {@value #FOLDER} folder under {@value #PREFIX}, in the
 * {@code openkam} servlet context (paths under {@code /console/} need no sign-in: the modules hold code, never
 * data). The whiteboard prefers this longer pattern to the console shell's {@code /console/*}. Only plain file
 * names ending in {@code .js} are served, with the console's security headers.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=openkam)")
@HttpWhiteboardServletName(ModuleServlet.NAME)
@HttpWhiteboardServletPattern(ModuleServlet.PREFIX + "*")
public final class ModuleServlet extends HttpServlet {

    static final String NAME = "openkam-scoring-console";
    static final String PREFIX = "/console/plugins/scoring/";
    static final String FOLDER = "/scoring-console/";
    /** The console shell's policy: scripts, styles and connections from this origin only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final long serialVersionUID = 1L;
    /** One file name of letters, digits, '_' and '-', with dots inside; no folders, no "..". */
    private static final Pattern MODULE = Pattern.compile("/[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.js");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URL resource = resource(request.getPathInfo()).map(ModuleServlet.class::getResource).orElse(null);
        if (resource == null) {
            response.sendError(404);
            return;
        }
        response.setContentType("text/javascript;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The bundle resource a request path below {@value #PREFIX} names, if it may name one. */
    static Optional<String> resource(String pathInfo) {
        if (pathInfo == null || !MODULE.matcher(pathInfo).matches()) {
            return Optional.empty();
        }
        return Optional.of(FOLDER + pathInfo.substring(1));
    }
}
