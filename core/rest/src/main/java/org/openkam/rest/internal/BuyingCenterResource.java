package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.openkam.api.engagement.BuyingCenters;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /accounts/{id}/buying-center}: the org chart of the customer's people and its coverage gaps, as of
 * today in UTC.
 */
@Component
public final class BuyingCenterResource implements ApiRoutes {

    private final BuyingCenters buyingCenters;

    @Activate
    public BuyingCenterResource(@Reference BuyingCenters buyingCenters) {
        this.buyingCenters = buyingCenters;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("buying-center");
    }

    @Override
    public void define(RouteTable router) {
        router.add("GET", "/accounts/{id}/buying-center",
                ex -> buyingCenters.buyingCenter(ex.caller(), ex.path("id"), LocalDate.now(ZoneOffset.UTC)));
    }
}
