package org.openkam.console.internal.shell;

import java.io.InputStream;

import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /console/pages[?businessUnit=]}: the console's navigation for the caller, for the chosen unit or all of
 * the caller's; it leaves with the console.
 */
@Component
public final class ConsolePagesRoutes implements ApiRoutes {

    private final ConsolePages pages;

    @Activate
    public ConsolePagesRoutes(@Reference ConsolePages pages) {
        this.pages = pages;
    }

    @Override
    public void define(RouteTable routes) {
        routes.get("/console/pages", ex -> pages.visibleTo(ex.caller(), ex.query("businessUnit")));
    }

    @Override
    public InputStream openApi() {
        return ConsolePagesRoutes.class.getResourceAsStream("/OSGI-INF/openkam/console-openapi.json");
    }
}
