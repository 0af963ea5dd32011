package org.openkam.console.internal.http;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.openkam.api.persistence.Database;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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
    /** Optional: without a database the node is alive but not ready, which is what this reports. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Database database;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Database db = database;
        boolean up = false;
        if (db != null) {
            try (Connection c = db.dataSource().getConnection()) {
                up = c.isValid(2);
            } catch (SQLException e) {
                up = false;
            }
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        String dialect = db == null ? "null" : "\"" + db.dialect().name().toLowerCase(Locale.ROOT) + "\"";
        response.getWriter().write("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"database\":\""
                + (db == null ? "UNAVAILABLE" : up ? "UP" : "DOWN") + "\",\"dialect\":" + dialect + "}");
    }
}
