package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import org.openkam.api.account.AccountQuery;
import org.openkam.api.audit.AuditTrail;
import org.openkam.api.job.Jobs;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /accounts/{id}/audit}, {@code /audit} and {@code /jobs/{id}}: what happened and how far work got. */
@Component
public final class RecordsResource implements ApiRoutes {

    private final AuditTrail audit;
    private final Jobs jobs;

    @Activate
    public RecordsResource(@Reference AuditTrail audit, @Reference Jobs jobs) {
        this.audit = audit;
        this.jobs = jobs;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("records");
    }

    @Override
    public void define(RouteTable router) {
        router.add("GET", "/accounts/{id}/audit", ex -> PageBody.of(audit.forAccount(ex.caller(), ex.path("id"),
                        ex.intQuery("limit", AccountQuery.DEFAULT_LIMIT, 1, AccountQuery.MAX_LIMIT), ex.query("cursor"))))
                .add("GET", "/audit", Operation.of().restricted(), ex -> PageBody.of(audit.all(ex.caller(),
                        ex.query("entityType"), ex.intQuery("limit", AccountQuery.DEFAULT_LIMIT, 1, AccountQuery.MAX_LIMIT),
                        ex.query("cursor"))))
                .add("GET", "/jobs/{id}", ex -> jobs.get(ex.caller(), ex.path("id")));
    }
}
