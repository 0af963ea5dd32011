package org.openkam.http.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

/**
 * The routes {@link ApiDispatcher} serves now, with the bundle serving each, for {@link RoutesListing}. A component
 * of its own so that the listing, itself a route service, need not reference the dispatcher that binds it.
 */
@Component(service = ServedRoutes.class)
public final class ServedRoutes {

    /** One served route: method, template below {@code /api/v1}, and the serving bundle's name and version. */
    public record Served(String method, String template, String bundle) {
    }

    private volatile List<Served> current = List.of();

    void update(List<Served> routes) {
        current = List.copyOf(routes);
    }

    public List<Served> current() {
        return current;
    }
}
