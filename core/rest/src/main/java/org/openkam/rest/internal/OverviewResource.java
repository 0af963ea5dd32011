package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.openkam.api.overview.AccountOverviews;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /accounts/{id}/overview}: the account 360's figures as of today. */
@Component
public final class OverviewResource implements ApiRoutes {

    private final AccountOverviews overviews;

    @Activate
    public OverviewResource(@Reference AccountOverviews overviews) {
        this.overviews = overviews;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("overview");
    }

    @Override
    public void define(RouteTable routes) {
        routes.get("/accounts/{id}/overview",
                ex -> overviews.overview(ex.caller(), ex.path("id"), LocalDate.now(ZoneOffset.UTC)));
    }
}
