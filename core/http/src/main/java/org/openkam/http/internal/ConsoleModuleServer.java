package org.openkam.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openkam.http.api.ConsoleFiles;
import org.openkam.http.api.ConsoleModules;
import org.openkam.http.api.WebContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the console modules of every {@link ConsoleModules} service under {@code /console/plugins/<plugin>/}, from
 * the folder of the registering bundle, with the console's headers and the bundle's version as ETag. Paths under
 * {@code /console/} need no sign-in: modules hold code, never data. Only plain file names ending in {@code .js} are
 * served.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebContext.SELECT)
@HttpWhiteboardServletName("openkam-console-modules")
@HttpWhiteboardServletPattern(ConsoleModuleServer.PREFIX + "*")
public final class ConsoleModuleServer extends HttpServlet {

    static final String PREFIX = "/console/plugins/";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleModuleServer.class);
    private static final Pattern PLUGIN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FOLDER = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    /** A plugin name, then one file name of letters, digits, '_' and '-' with dots inside; no folders, no "..". */
    private static final Pattern MODULE = Pattern.compile("/([a-z0-9-]+)/([A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.js)");

    /** Where a plugin's modules are: its bundle and folder. */
    private record Source(long serviceId, Bundle bundle, String folder) {
    }

    private final transient Map<String, Source> plugins = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModules(ConsoleModules modules, ServiceReference<ConsoleModules> reference) {
        if (reference.getProperty(ConsoleModules.FOLDER) == null) {
            return; // it declares pages whose modules it serves itself
        }
        String plugin = String.valueOf(reference.getProperty(ConsoleModules.PLUGIN));
        String folder = String.valueOf(reference.getProperty(ConsoleModules.FOLDER));
        Bundle bundle = reference.getBundle();
        if (bundle == null || !PLUGIN.matcher(plugin).matches() || !FOLDER.matcher(folder).matches()) {
            LOG.warn("Console modules of {} left out: {} needs a name of lower-case letters, digits and '-', and {} "
                    + "a bundle folder such as /my-console", bundle, ConsoleModules.PLUGIN, ConsoleModules.FOLDER);
            return;
        }
        Source source = new Source((Long) reference.getProperty(Constants.SERVICE_ID), bundle, folder);
        if (plugins.putIfAbsent(plugin, source) != null) {
            LOG.warn("Console modules of {} left out: another bundle serves the plugin name {}",
                    bundle.getSymbolicName(), plugin);
        }
    }

    void removeModules(ServiceReference<ConsoleModules> reference) {
        Object id = reference.getProperty(Constants.SERVICE_ID);
        plugins.values().removeIf(s -> id.equals(s.serviceId()));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Matcher m = path == null ? null : MODULE.matcher(path);
        Source source = m != null && m.matches() ? plugins.get(m.group(1)) : null;
        URL resource = source == null ? null : source.bundle().getEntry(source.folder() + "/" + m.group(2));
        if (resource == null) {
            response.sendError(404);
            return;
        }
        response.setContentType("text/javascript;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", WebContext.CONSOLE_CSP);
        response.setHeader("Referrer-Policy", "same-origin");
        if (ConsoleFiles.notModified(source.bundle(), request, response)) {
            return;
        }
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
