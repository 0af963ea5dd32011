package org.openkam.console.internal.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.openkam.api.engagement.BuyingCenters;
import org.openkam.console.internal.http.Router;

/**
 * {@code /accounts/{id}/buying-center}: the org chart of the customer's people and its coverage gaps, as of
 * today in UTC.
 */
final class BuyingCenterResource {

    private final BuyingCenters buyingCenters;

    BuyingCenterResource(BuyingCenters buyingCenters) {
        this.buyingCenters = buyingCenters;
    }

    void register(Router router) {
        router.add("GET", "/accounts/{id}/buying-center",
                ex -> buyingCenters.buyingCenter(ex.caller(), ex.path("id"), LocalDate.now(ZoneOffset.UTC)));
    }
}
