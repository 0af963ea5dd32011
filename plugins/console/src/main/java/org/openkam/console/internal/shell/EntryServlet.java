package org.openkam.console.internal.shell;

import java.io.IOException;

import org.openkam.http.api.WebContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a person who types the server's address lands: {@code /} leads to the console, and the icon browsers ask
 * for at {@code /favicon.ico} is the console's. Both paths are public in the {@code openkam} context; without this
 * bundle they answer the kit's 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebContext.SELECT)
@HttpWhiteboardServletName("openkam-console-entry")
@HttpWhiteboardServletPattern({ "", "/favicon.ico" }) // "": the context root only
public final class EntryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = "/favicon.ico".equals(request.getServletPath()) ? "/console/favicon.svg" : "/console/";
        response.setHeader("Cache-Control", "no-cache");
        response.sendRedirect(request.getContextPath() + target);
    }
}
