package org.openkam.http.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
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
 * means its bundle is not running (stopped, starting, or waiting for the database), hence 503.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebContext.SELECT)
@HttpWhiteboardServletName("openkam-fallback")
@HttpWhiteboardServletPattern("/")
public final class FallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient Gson gson = Json.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
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
}
