package org.openkam.retail.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
 * unit {@value #UNIT} and its two accounts the data is built on, enables retail for that unit with a factory
 * configuration, and loads the data of {@link RetailDemoData} once: a unit that has retail products already is left
 * as it is, so a restart loads nothing twice.
 */
@Component(immediate = true)
public final class RetailDemo {

    public static final String PROPERTY = "openkam.demo";
    static final String UNIT = "consumer-goods";
    static final Caller SYSTEM = new Caller("openkam-retail-demo", "openkam-retail-demo", true, Map.of());
    private static final Logger LOG = LoggerFactory.getLogger(RetailDemo.class);
    /**
     * The core demo's accounts the data is built on, the unit's first two by name: the first gets the joint business
     * plan, the second the promotion that lost volume.
     */
    static final List<String> RETAILERS = List.of("Alpine Retail Group", "Bluebonnet Market");
    private static final long POLL_MILLIS = 200;
    /** The core demo adds an account and then its plan: how long the plan may take to follow. */
    private static final long PLAN_WAIT_MILLIS = 30_000;
    /** How long the core demo's accounts may take to appear at all (a demo started on a data folder without them). */
    private static final long ACCOUNTS_WAIT_MILLIS = 10 * 60 * 1000;

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
            List<Account> retailers = awaitRetailers(accounts);
            if (retailers == null) {
                LOG.warn("Retail demo: the core demo's accounts {} did not appear in {} within 10 minutes; nothing "
                        + "loaded", RETAILERS, UNIT);
                return;
            }
            if (configurations.read(SYSTEM, RetailSettings.PID, UNIT).isEmpty()) {
                configurations.write(SYSTEM, RetailSettings.PID, UNIT, Map.of(), true);
                LOG.info("Retail demo: retail enabled for {}", UNIT);
            }
            if (!new ProductCatalog(database).products(UNIT).isEmpty()) {
                LOG.info("Retail demo: {} has retail data already; nothing loaded", UNIT);
                return;
            }
            new RetailDemoData(database, imports, SYSTEM, UNIT).load(retailers.get(0), retailers.get(1),
                    awaitPlan(plans, retailers.get(0)));
            LOG.info("Retail demo: loaded for {} with retailers {} and {}", UNIT, retailers.get(0).name(),
                    retailers.get(1).name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Retail demo data could not be loaded", e);
        }
    }

    /** The {@link #RETAILERS} once the core demo has added both, or {@code null} if it does not. */
    private static List<Account> awaitRetailers(AccountRegistry accounts) throws InterruptedException {
        return poll(() -> {
            List<Account> found = new ArrayList<>();
            for (String name : RETAILERS) {
                find(accounts, name).ifPresent(found::add);
            }
            return found.size() == RETAILERS.size() ? found : null;
        }, ACCOUNTS_WAIT_MILLIS);
    }

    private static Optional<Account> find(AccountRegistry accounts, String name) {
        try {
            return accounts.find(SYSTEM, new AccountQuery(UNIT, null, null, null, null, name, AccountSort.NAME, false,
                    20, 0, null, false)).items().stream().filter(a -> a.name().equals(name)).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty(); // the unit does not exist yet: the core demo has not got that far
        }
    }

    /** The id of the account's first plan once the core demo has added it; {@code null} if none follows in time. */
    private static String awaitPlan(AccountPlans plans, Account account) throws InterruptedException {
        return poll(() -> plans.list(SYSTEM, account.id()).stream().findFirst().map(AccountPlan::id).orElse(null),
                PLAN_WAIT_MILLIS);
    }

    /** What {@code attempt} gives first, asked every {@value #POLL_MILLIS} ms; {@code null} after {@code waitMillis}. */
    private static <T> T poll(Supplier<T> attempt, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            T found = attempt.get();
            if (found != null || System.currentTimeMillis() > deadline) {
                return found;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
