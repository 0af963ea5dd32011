package org.openkam.bench.hello;

import java.util.Hashtable;

import jakarta.servlet.Servlet;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers {@link HelloServlet} with the HTTP whiteboard. An activator rather than a DS component, so the baseline
 * measures the framework, SCR, ConfigAdmin and Jetty starting, not a component of ours.
 */
public final class HelloActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", HelloBundle.PATH);
        // in the product, its own context (path "/") shadows the default one: the servlet is served there, behind the
        // same token check as the API; the baseline runtime has only the default context
        properties.put("osgi.http.whiteboard.context.select",
                "(|(osgi.http.whiteboard.context.name=openkam)(osgi.http.whiteboard.context.name=default))");
        context.registerService(Servlet.class, new HelloServlet(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the servlet
    }
}
