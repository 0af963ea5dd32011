package org.openkam.retail.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountSort;
import org.openkam.api.persistence.Database;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlans;
import org.openkam.api.unit.UnitConfigurations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retail demo data for {@code bin/openkam --demo} (framework property {@value #PROPERTY}): waits for the core demo's
 * unit {@value #UNIT} and its accounts, enables retail for that unit with a factory configuration, and loads the
 * data of {@link RetailDemoData} once: a unit that has retail products already is left as it is, so a restart
 * loads nothing twice.
 */
@Component(immediate = true)
public final class RetailDemo {

    public static final String PROPERTY = "openkam.demo";
    static final String UNIT = "consumer-goods";
    static final Caller SYSTEM = new Caller("openkam-retail-demo", "openkam-retail-demo", true, Map.of());
    private static final Logger LOG = LoggerFactory.getLogger(RetailDemo.class);
    /** The core demo loads its accounts in parallel: their count must hold still this long. */
    private static final int SETTLED_POLLS = 5;

    private final Thread loading;

    @Activate
    public RetailDemo(BundleContext context, @Reference Database database, @Reference AccountRegistry accounts,
            @Reference UnitConfigurations configurations, @Reference SalesImport imports,
            @Reference AccountPlans plans) {
        if (Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            loading = new Thread(() -> load(database, accounts, configurations, imports, plans), "openkam-retail-demo");
            loading.setDaemon(true);
            loading.start();
        } else {
            loading = null;
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (loading != null) {
            loading.interrupt();
            loading.join(10_000);
        }
    }

    private static void load(Database database, AccountRegistry accounts, UnitConfigurations configurations,
            SalesImport imports, AccountPlans plans) {
        try {
            List<Account> retailers = awaitAccounts(accounts);
            if (configurations.read(SYSTEM, RetailSettings.PID, UNIT).isEmpty()) {
                configurations.write(SYSTEM, RetailSettings.PID, UNIT, Map.of(), true);
                LOG.info("Retail demo: retail enabled for {}", UNIT);
            }
            if (!new ProductCatalog(database).products(UNIT).isEmpty()) {
                LOG.info("Retail demo: {} has retail data already; nothing loaded", UNIT);
                return;
            }
            // the joint business plan links the first retailer's account plan of the core demo, if it has one
            String accountPlan = plans.list(SYSTEM, retailers.get(0).id()).stream().findFirst().map(AccountPlan::id)
                    .orElse(null);
            new RetailDemoData(database, imports, SYSTEM, UNIT).load(retailers.get(0), retailers.get(1), accountPlan);
            LOG.info("Retail demo: loaded for {} with retailers {} and {}", UNIT, retailers.get(0).name(),
                    retailers.get(1).name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Retail demo data could not be loaded", e);
        }
    }

    /** The first two accounts of the unit by name, once the core demo has stopped adding accounts. */
    private static List<Account> awaitAccounts(AccountRegistry accounts) throws InterruptedException {
        AccountQuery query = new AccountQuery(UNIT, null, null, null, null, null, AccountSort.NAME, false, 2, 0, null,
                true);
        long last = -1;
        int still = 0;
        while (true) {
            long total = -1;
            List<Account> first = List.of();
            try {
                var page = accounts.find(SYSTEM, query);
                total = page.total();
                first = page.items();
            } catch (RuntimeException e) {
                // the unit does not exist yet: the core demo has not got that far
            }
            still = total >= 2 && total == last ? still + 1 : 0;
            if (still >= SETTLED_POLLS) {
                return first;
            }
            last = total;
            Thread.sleep(1000);
        }
    }
}
