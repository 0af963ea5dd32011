package org.openkam.http.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.persistence.Database;
import org.openkam.api.security.Authentication;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Json;
import org.openkam.http.api.WebContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.Gson;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Liveness and readiness, without sign-in. {@code /health/live}: 200 whenever this node answers at all.
 * {@code /health/ready} (and {@code /health}): 200 only when a sign-in would be served: the framework has started,
 * the database answers, authentication is up, the API dispatcher is in the servlet context and serves sign-in, and
 * no component that contributes routes is still waiting for a service; 503 otherwise, listing what it waits for.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebContext.SELECT)
@HttpWhiteboardServletName("openkam-health")
@HttpWhiteboardServletPattern({ "/health", "/health/*" })
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String DISPATCHER = "openkam-api";
    private final transient Gson gson = Json.create();
    private final transient BundleContext context;

    // All optional and dynamic: without them the node is alive but not ready, which is what this reports.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Database database;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Authentication authentication;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ApiDispatcher dispatcher;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile HttpServiceRuntime httpRuntime;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ServiceComponentRuntime components;

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo() == null ? "/ready" : request.getPathInfo();
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        switch (which) {
            case "/live" -> {
                body.put("status", "UP");
                status = 200;
            }
            case "/ready", "/" -> {
                status = readiness(body);
            }
            default -> {
                body.put("status", "NOT_FOUND");
                body.put("detail", "use /health/live or /health/ready");
                status = 404;
            }
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (status == 503) {
            response.setHeader("Retry-After", "1");
        }
        gson.toJson(body, response.getWriter());
    }

    private int readiness(Map<String, Object> body) {
        List<String> waiting = new ArrayList<>();
        if (context.getBundle(0).getState() != Bundle.ACTIVE) {
            waiting.add("the framework to finish starting");
        }
        Database db = database;
        boolean dbUp = false;
        if (db != null) {
            try (Connection c = db.dataSource().getConnection()) {
                dbUp = c.isValid(2);
            } catch (SQLException e) {
                dbUp = false;
            }
        }
        if (!dbUp) {
            waiting.add("the database");
        }
        if (authentication == null) {
            waiting.add("authentication");
        }
        ApiDispatcher api = dispatcher;
        if (api == null || !inServletContext()) {
            waiting.add("the API dispatcher");
        } else if (!api.serves("POST", "/auth/login")) {
            waiting.add("the sign-in route");
        }
        waiting.addAll(waitingRoutes());
        boolean ready = waiting.isEmpty();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("database", db == null ? "UNAVAILABLE" : dbUp ? "UP" : "DOWN");
        body.put("dialect", db == null ? null : db.dialect().name().toLowerCase(Locale.ROOT));
        if (!ready) {
            body.put("waitingFor", waiting);
        }
        return ready ? 200 : 503;
    }

    /** True once the servlet runtime lists the API dispatcher in the {@code openkam} context. */
    private boolean inServletContext() {
        HttpServiceRuntime runtime = httpRuntime;
        if (runtime == null) {
            return false;
        }
        for (ServletContextDTO ctx : runtime.getRuntimeDTO().servletContextDTOs) {
            if (WebContext.NAME.equals(ctx.name)) {
                for (ServletDTO servlet : ctx.servletDTOs) {
                    if (DISPATCHER.equals(servlet.name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Components of active bundles that contribute routes but still wait for a service they need. */
    private List<String> waitingRoutes() {
        ServiceComponentRuntime scr = components;
        if (scr == null) {
            return List.of("the component runtime");
        }
        List<String> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!Arrays.asList(d.serviceInterfaces).contains(ApiRoutes.class.getName())) {
                continue;
            }
            Bundle b = context.getBundle(d.bundle.id);
            if (b == null || b.getState() != Bundle.ACTIVE || !scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    out.add("the routes of " + d.name + " (" + b.getSymbolicName() + ")");
                }
            }
        }
        return out;
    }
}
