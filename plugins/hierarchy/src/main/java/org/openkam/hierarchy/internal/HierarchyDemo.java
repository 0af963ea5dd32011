package org.openkam.hierarchy.internal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountSort;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.Users;
import org.openkam.api.persistence.Database;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With the framework property {@code openkam.demo=true}: once the core demo has loaded (its units and the accounts
 * named here exist), two global accounts' hierarchies across both units, built from the core demo's companies plus
 * two accounts of its own (a BRL one without a rate, a CHF one in the other unit), and the day's euro rates if none are stored. A hierarchy that already exists by name is left alone, so every
 * start after the first changes nothing.
 */
@Component
public final class HierarchyDemo {

    static final String PROPERTY = "openkam.demo";
    static final String INDUSTRIAL = "industrial";
    static final String CONSUMER_GOODS = "consumer-goods";
    private static final Logger LOG = LoggerFactory.getLogger(HierarchyDemo.class);
    private static final long WAIT_MILLIS = 10 * 60 * 1000;
    private static final long POLL_MILLIS = 250;

    /** The rates of a demo day: no BRL on purpose, so the Brazilian figures show unconverted. */
    private static final String RATES = "Date,USD,GBP,CHF,PLN,JPY,SEK,\n%s,1.0850,0.8450,0.9400,4.3000,162.50,11.20,\n";

    private final HierarchyStore store;
    private final AccountRegistry accounts;
    private final BusinessUnits units;
    private final Users users;
    private final ExchangeRates rates;
    private final Thread building;
    private volatile boolean stopping;

    @Activate
    public HierarchyDemo(@Reference Database database, @Reference AccountRegistry accounts,
            @Reference BusinessUnits units, @Reference Users users, @Reference ExchangeRates rates,
            BundleContext context) {
        database.migrate(HierarchyStore.class);
        this.store = new HierarchyStore(database);
        this.accounts = accounts;
        this.units = units;
        this.users = users;
        this.rates = rates;
        if (Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            building = new Thread(this::buildWhenReady, "openkam-hierarchy-demo");
            building.setDaemon(true);
            building.start();
        } else {
            building = null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        if (building != null) {
            building.interrupt();
            building.join(10_000);
        }
    }

    private void buildWhenReady() {
        Caller caller = new Caller("openkam-hierarchy-demo", "openkam-hierarchy-demo", true, Map.of());
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        try {
            while (!stopping && !ready(caller)) {
                if (System.currentTimeMillis() > until) {
                    LOG.warn("Hierarchy demo: the core demo data did not appear within 10 minutes; nothing built");
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
            if (!stopping) {
                build(admin(caller));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            LOG.error("Hierarchy demo: building failed", e);
        }
    }

    /** The core demo's accounts the hierarchies are built from, by unit. */
    private static final Map<String, List<String>> USED = Map.of(
            INDUSTRIAL, List.of("Nordwerk Maschinenbau", "Pennine Engineering", "Jura Feinmechanik",
                    "Great Lakes Fluid Power"),
            CONSUMER_GOODS, List.of("Alpine Retail Group", "Hansemarkt", "Bursztyn Markets"));

    /** Both units exist and every core demo account the hierarchies use is loaded. */
    private boolean ready(Caller caller) {
        List<String> ids = units.list(caller).stream().map(BusinessUnit::id).toList();
        return ids.containsAll(USED.keySet()) && USED.entrySet().stream()
                .allMatch(e -> e.getValue().stream().allMatch(name -> find(caller, e.getKey(), name).isPresent()));
    }

    void build(Caller caller) throws IOException {
        LocalDate today = LocalDate.now();
        if (rates.rates(today).isEmpty()) {
            rates.importEcb(caller, new StringReader(RATES.formatted(today)));
        }
        List<String> names = store.hierarchies().stream().map(Hierarchy::name).toList();
        LocalDate since = today.withDayOfYear(1).minusYears(2);
        if (!names.contains("Nordwerk worldwide")) {
            // the core demo's companies (EUR, GBP, USD), as if Nordwerk had bought them, and a Brazilian branch in
            // BRL, for which the demo rates have no rate on purpose
            Hierarchy h = store.create(caller, "Nordwerk worldwide", INDUSTRIAL);
            String root = place(caller, h, existing(caller, INDUSTRIAL, "Nordwerk Maschinenbau"));
            String emea = store.addNode(caller, h.id(), null, "EMEA", INDUSTRIAL).id();
            String americas = store.addNode(caller, h.id(), null, "Americas", INDUSTRIAL).id();
            link(caller, h, root, emea, LinkType.REGIONAL_GROUPING, since);
            link(caller, h, root, americas, LinkType.REGIONAL_GROUPING, since);
            link(caller, h, emea, place(caller, h, existing(caller, INDUSTRIAL, "Pennine Engineering")),
                    LinkType.SUBSIDIARY, since);
            link(caller, h, emea, place(caller, h, existing(caller, INDUSTRIAL, "Jura Feinmechanik")),
                    LinkType.SUBSIDIARY, since);
            link(caller, h, americas, place(caller, h, existing(caller, INDUSTRIAL, "Great Lakes Fluid Power")),
                    LinkType.SUBSIDIARY, since);
            link(caller, h, americas, place(caller, h, local(caller, INDUSTRIAL, "Nordwerk do Brasil Ltda.", "BR",
                    "BRL", 5_200_000)), LinkType.BRANCH, since);
        }
        if (!names.contains("Alpine Retail worldwide")) {
            Hierarchy h = store.create(caller, "Alpine Retail worldwide", CONSUMER_GOODS);
            String root = place(caller, h, existing(caller, CONSUMER_GOODS, "Alpine Retail Group"));
            String dach = store.addNode(caller, h.id(), null, "DACH", CONSUMER_GOODS).id();
            link(caller, h, root, dach, LinkType.REGIONAL_GROUPING, since);
            link(caller, h, dach, place(caller, h, existing(caller, CONSUMER_GOODS, "Hansemarkt")),
                    LinkType.SUBSIDIARY, since);
            // served by the industrial unit: the hierarchy spans units
            link(caller, h, dach, place(caller, h, local(caller, INDUSTRIAL, "Alpine Logistik AG", "CH", "CHF",
                    900_000)), LinkType.SUBSIDIARY, since);
            link(caller, h, root, place(caller, h, existing(caller, CONSUMER_GOODS, "Bursztyn Markets")),
                    LinkType.SUBSIDIARY, since);
        }
        LOG.info("Hierarchy demo: the global accounts Nordwerk worldwide and Alpine Retail worldwide are in place");
    }

    private String place(Caller caller, Hierarchy h, Account a) {
        return store.addNode(caller, h.id(), a.id(), a.name(), a.businessUnit()).id();
    }

    private void link(Caller caller, Hierarchy h, String parent, String child, LinkType type, LocalDate since) {
        store.link(caller, h.id(), new LinkDraft(parent, child, type, since, null));
    }

    /** A local entity: the account of that name in the unit, created if it is not there yet. */
    private Account local(Caller caller, String unit, String name, String country, String currency, long sales) {
        return find(caller, unit, name).orElseGet(() -> accounts.create(caller, new AccountDraft(unit, name, name,
                null, country, null, null, null, null, BigDecimal.valueOf(sales), BigDecimal.valueOf(sales / 5),
                BigDecimal.valueOf(sales * 4), currency, Map.of())));
    }

    private Account existing(Caller caller, String unit, String name) {
        return find(caller, unit, name).orElseThrow(() -> new IllegalStateException("no demo account " + name));
    }

    private Optional<Account> find(Caller caller, String unit, String name) {
        return accounts.find(caller, new AccountQuery(unit, null, null, null, null, name, AccountSort.NAME, false, 20,
                0, null, false)).items().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The {@code admin} user as a global administrator, so the audit trail names a real user. */
    private Caller admin(Caller system) {
        return users.list(system).stream().filter(u -> u.username().equals("admin")).findFirst()
                .map(u -> new Caller(u.id(), u.username(), true, Map.of())).orElse(system);
    }
}
