package org.openkam.console.internal.http;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.openkam.api.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /health}: 200 when the node serves and reaches its database, 503 otherwise. No sign-in needed. */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(OpenKamContext.SELECT)
@HttpWhiteboardServletName("openkam-health")
@HttpWhiteboardServletPattern("/health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient Database database;

    @Activate
    public HealthServlet(@Reference Database database) {
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up;
        try (Connection c = database.dataSource().getConnection()) {
            up = c.isValid(2);
        } catch (SQLException e) {
            up = false;
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"database\":\""
                + (up ? "UP" : "DOWN") + "\",\"dialect\":\"" + database.dialect().name().toLowerCase() + "\"}");
    }
}
