package org.openkam.http.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.RequestInfoDTO;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import org.openkam.http.api.Json;
import org.openkam.http.api.Problem;
import org.openkam.http.api.WebContext;

import com.google.gson.Gson;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers what no endpoint serves with problem+json instead of the server's HTML page; an API path then
 * means its bundle is not running (stopped, starting, or waiting for the database), hence 503. A person who types
 * the server's address is led to the console, and a browser asking for {@code /favicon.ico} to its icon, while a
 * servlet serves {@code /console/} (the whiteboard answers which one would); else those too are a 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebContext.SELECT)
@HttpWhiteboardServletName(FallbackServlet.NAME)
@HttpWhiteboardServletPattern("/")
public final class FallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String NAME = "openkam-fallback";
    static final String CONSOLE = "/console/";
    /** Where the entry paths lead while the console is served. */
    private static final Map<String, String> ENTRIES = Map.of("/", CONSOLE, "/favicon.ico", CONSOLE + "favicon.svg");
    private final transient Gson gson = Json.create();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile HttpServiceRuntime httpRuntime;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String entry = ENTRIES.get(path);
        if (entry != null && Set.of("GET", "HEAD").contains(request.getMethod()) && consoleServed()) {
            response.setHeader("Cache-Control", "no-cache");
            response.sendRedirect(request.getContextPath() + entry);
            return;
        }
        Problem problem = path.startsWith("/api/")
                ? Problem.of(503, "unavailable", "Service unavailable",
                        "no running component serves " + path + " now; it may be starting, stopped or waiting for the database")
                : Problem.of(404, "not-found", "Not found", "nothing is served at " + path);
        if (problem.status() == 503) {
            response.setHeader("Retry-After", "5");
        }
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        gson.toJson(problem, response.getWriter());
    }

    /** True while a servlet other than this one would answer {@code /console/}. */
    private boolean consoleServed() {
        HttpServiceRuntime runtime = httpRuntime;
        if (runtime == null) {
            return false;
        }
        RequestInfoDTO info = runtime.calculateRequestInfoDTO(CONSOLE);
        return info != null && info.servletDTO != null && !NAME.equals(info.servletDTO.name);
    }
}
