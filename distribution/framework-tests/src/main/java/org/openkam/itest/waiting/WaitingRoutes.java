package org.openkam.itest.waiting;

import java.util.Map;

import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;

/**
 * The routes of a plugin whose component needs a service nobody offers yet. {@code ReadinessTest} copies this class
 * into a bundle of its own with a component description naming that reference; it is no component of the test
 * bundle.
 */
public final class WaitingRoutes implements ApiRoutes {

    @Override
    public void define(RouteTable routes) {
        routes.get("/itest-waiting/ping", exchange -> Map.of("pong", true));
    }
}
