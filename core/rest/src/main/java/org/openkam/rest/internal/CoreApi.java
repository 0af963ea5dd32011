package org.openkam.console.internal.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.account.AccountTransfer;
import org.openkam.api.account.Contacts;
import org.openkam.api.audit.AuditTrail;
import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.BuyingCenters;
import org.openkam.api.engagement.FollowUps;
import org.openkam.api.job.Jobs;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.overview.AccountOverviews;
import org.openkam.api.organization.Users;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.plan.AccountPlans;
import org.openkam.api.security.Authentication;
import org.openkam.console.internal.http.ApiServlet;
import org.openkam.console.internal.http.Json;
import org.openkam.console.internal.http.OpenKamContext;
import org.openkam.console.internal.http.Router;
import org.openkam.console.internal.openapi.ApiDocument;
import org.openkam.console.internal.shell.ConsolePages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.Gson;

import jakarta.servlet.Servlet;

/**
 * The core REST API under {@code /api/v1}: accounts, contacts and the buying center, teams, opportunities,
 * plans, activities, follow-ups, audit, organization, sign-in, jobs, the console's navigation.
 */
@Component(service = Servlet.class, configurationPid = "org.openkam.api")
@Designate(ocd = CoreApi.Config.class)
@HttpWhiteboardContextSelect(OpenKamContext.SELECT)
@HttpWhiteboardServletName("openkam-api")
@HttpWhiteboardServletPattern("/api/v1/*")
public final class CoreApi extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "OpenKAM REST API", description = "The core endpoints under /api/v1")
    public @interface Config {

        @AttributeDefinition(name = "Largest import (MB)", description = "Uploads above this size are refused",
                min = "1")
        int import_max_megabytes() default 512;
    }

    /** The registry services the core API serves; registering routes calls none of them. */
    public record Services(AccountRegistry accounts, Contacts contacts, AccountTeams teams, AuditTrail audit,
            BusinessUnits units, Users users, Authentication authentication, Jobs jobs, AccountTransfer transfer,
            Opportunities opportunities, AccountPlans plans, Activities activities, BuyingCenters buyingCenters,
            FollowUps followUps, AccountOverviews overviews, ApiDocument document, ConsolePages pages) {

        /** No services at all, for looking at the routes alone. */
        public static Services none() {
            return new Services(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
    }

    @Activate
    public CoreApi(@Reference AccountRegistry accounts, @Reference Contacts contacts, @Reference AccountTeams teams,
            @Reference AuditTrail audit, @Reference BusinessUnits units, @Reference Users users,
            @Reference Authentication authentication, @Reference Jobs jobs, @Reference AccountTransfer transfer,
            @Reference Opportunities opportunities, @Reference AccountPlans plans, @Reference Activities activities,
            @Reference BuyingCenters buyingCenters, @Reference FollowUps followUps,
            @Reference AccountOverviews overviews, @Reference ApiDocument document, @Reference ConsolePages pages,
            Config config) {
        this(routes(new Services(accounts, contacts, teams, audit, units, users, authentication, jobs, transfer,
                opportunities, plans, activities, buyingCenters, followUps, overviews, document, pages),
                config.import_max_megabytes() * 1024L * 1024L), Json.create());
    }

    private CoreApi(Router router, Gson gson) {
        super(router, gson);
    }

    /** Every core route; the core OpenAPI document must describe each of them (a test checks). */
    public static Router routes(Services s, long maxUploadBytes) {
        Router router = new Router();
        AccountsResource accountsResource = new AccountsResource(s.accounts());
        accountsResource.register(router);
        new TransferResource(s.transfer(), accountsResource, maxUploadBytes).register(router);
        new ContactsResource(s.contacts()).register(router);
        new TeamResource(s.teams()).register(router);
        new OpportunitiesResource(s.opportunities()).register(router);
        new PlansResource(s.plans()).register(router);
        new BuyingCenterResource(s.buyingCenters()).register(router);
        new ActivitiesResource(s.activities()).register(router);
        new FollowUpsResource(s.followUps()).register(router);
        router.add("GET", "/accounts/{id}/overview",
                ex -> s.overviews().overview(ex.caller(), ex.path("id"), LocalDate.now(ZoneOffset.UTC)));
        new RecordsResource(s.audit(), s.jobs()).register(router);
        new OrganizationResource(s.units(), s.users()).register(router);
        new AuthResource(s.authentication()).register(router);
        new OpenApiResource(s.document()).register(router);
        router.add("GET", "/console/pages", ex -> s.pages().visibleTo(ex.caller()));
        return router;
    }
}
