package org.openkam.http.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openkam.api.AccessDeniedException;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /routes}: every route this node serves and the bundle serving it, for global administrators. It is
 * the route table itself, so it also lists a plugin's routes whose description {@code openapi.json} refused; the
 * authorization matrix test learns the routes from it.
 */
@Component
public final class RoutesListing implements ApiRoutes {

    private final ServedRoutes served;

    @Activate
    public RoutesListing(@Reference ServedRoutes served) {
        this.served = served;
    }

    @Override
    public void define(RouteTable routes) {
        routes.get("/routes", ex -> {
            if (!ex.caller().admin()) {
                throw new AccessDeniedException("only global administrators list the routes");
            }
            List<ServedRoutes.Served> items = served.current().stream()
                    .sorted(Comparator.comparing(ServedRoutes.Served::template).thenComparing(ServedRoutes.Served::method))
                    .toList();
            return Map.of("items", items);
        });
    }
}
