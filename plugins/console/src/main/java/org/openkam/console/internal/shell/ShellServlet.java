package org.openkam.console.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.regex.Pattern;

import org.openkam.http.api.ConsoleFiles;
import org.openkam.http.api.WebContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the console shell, {@code index.html} and its ES modules, from the bundle's {@code console/} folder
 * under {@code /console/}. Plugins serve their own modules under longer paths ({@code /console/plugins/...}),
 * which the whiteboard gives precedence. The browser libraries (ECharts, Swagger UI) come from their WebJars and
 * are served under {@code /console/lib/} (see bnd.bnd). The answers are public (the login page must load) and
 * hold no data. Every file carries the bundle's version as its ETag, so a browser revalidates its copy with a 304
 * instead of loading every module again on each reload.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebContext.SELECT)
@HttpWhiteboardServletName("openkam-console-shell")
@HttpWhiteboardServletPattern({ "/console", "/console/*" })
public final class ShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "mjs", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json",
            "png", "image/png",
            "txt", "text/plain;charset=utf-8");

    private final transient Bundle bundle;

    @Activate
    public ShellServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) { // "/console": relative module paths need the trailing slash
            response.sendRedirect(request.getContextPath() + "/console/");
            return;
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        String type = SAFE_PATH.matcher(path).matches() ? TYPES.get(extension(path)) : null;
        URL resource = type == null ? null : ShellServlet.class.getResource("/console" + path);
        if (resource == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        // The shell changes with every release and must revalidate; the libraries are large and change rarely.
        response.setHeader("Cache-Control", path.startsWith("/lib/") ? "public, max-age=86400" : "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", WebContext.CONSOLE_CSP);
        response.setHeader("Referrer-Policy", "same-origin");
        if (ConsoleFiles.notModified(bundle, request, response)) {
            return;
        }
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }
}
