package org.openkam.retail.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.openkam.api.account.AccountRegistry;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.job.Jobs;
import org.openkam.api.persistence.Database;
import org.openkam.api.plan.AccountPlans;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The retail routes under {@code /api/v1/retail} and their description {@value #FRAGMENT}. Every route applies to
 * a retailer account or a business unit, and answers 404 where retail is not enabled (see {@link RetailScope}).
 */
@Component(service = ApiRoutes.class)
public final class RetailResource implements ApiRoutes {

    static final String FRAGMENT = "/OSGI-INF/openkam/openapi.json";

    /** Settings per unit with their service properties; dynamic, so units are switched while the routes run. */
    @Reference(service = RetailSettings.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, RetailSettings>> settings;

    private final StructureRoutes structure;
    private final TradeRoutes trade;
    private final ImportRoutes imports;
    private final PlanRoutes plans;

    @Activate
    public RetailResource(@Reference Database database, @Reference AccountRegistry accounts,
            @Reference SalesImport salesImport, @Reference AccountPlans accountPlans, @Reference BusinessUnits units,
            @Reference Jobs jobs) {
        database.migrate(RetailResource.class);
        RetailScope scope = new RetailScope(accounts, units, () -> settings);
        ProductCatalog catalog = new ProductCatalog(database);
        RetailerStructure retailers = new RetailerStructure(database);
        Listings listings = new Listings(database);
        StoreAudits audits = new StoreAudits(database);
        PromotionCalendar promotions = new PromotionCalendar(database);
        TradeAgreements agreements = new TradeAgreements(database);
        this.structure = new StructureRoutes(scope, catalog, retailers, listings);
        TradeFigures figures = new TradeFigures(catalog, retailers, listings, audits, promotions, agreements,
                new SalesLedger(database));
        this.trade = new TradeRoutes(scope, figures, audits, promotions, agreements);
        this.plans = new PlanRoutes(scope, new JointBusinessPlans(database), figures, accountPlans);
        this.imports = new ImportRoutes(scope, salesImport, jobs);
    }

    @Override
    public void define(RouteTable routes) {
        structure.define(routes);
        trade.define(routes);
        imports.define(routes);
        plans.define(routes);
    }

    @Override
    public InputStream openApi() throws IOException {
        InputStream in = RetailResource.class.getResourceAsStream(FRAGMENT);
        if (in == null) {
            throw new FileNotFoundException(FRAGMENT + " is missing from the bundle");
        }
        return in;
    }
}
