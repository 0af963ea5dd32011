package org.openkam.console.internal.rest;

import org.openkam.api.account.AccountQuery;
import org.openkam.api.audit.AuditTrail;
import org.openkam.api.job.Jobs;
import org.openkam.console.internal.http.Router;

/** {@code /accounts/{id}/audit} and {@code /jobs/{id}}: what happened and how far work got. */
final class RecordsResource {

    private final AuditTrail audit;
    private final Jobs jobs;

    RecordsResource(AuditTrail audit, Jobs jobs) {
        this.audit = audit;
        this.jobs = jobs;
    }

    void register(Router router) {
        router.add("GET", "/accounts/{id}/audit", ex -> PageBody.of(audit.forAccount(ex.caller(), ex.path("id"),
                        ex.intQuery("limit", AccountQuery.DEFAULT_LIMIT, 1, AccountQuery.MAX_LIMIT), ex.query("cursor"))))
                .add("GET", "/jobs/{id}", ex -> jobs.get(ex.caller(), ex.path("id")));
    }
}
