package org.openkam.retail.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.persistence.Database;

/**
 * The retail demo data set, the same on every run (a seeded random): two retailers with two banners each and 50
 * stores, 40 SKUs in four categories, listings (some starting in the year, so distribution grows), a year of weekly
 * sell-out generated store by store with the promotions' uplift, sell-in following it, promotions with actuals
 * (one that lost volume, one still planned), trade terms for this year and last, store audits and a joint business
 * plan. Sales go through {@link SalesImport}, so they show as import jobs.
 */
final class RetailDemoData {

    private static final String[][] BRANDS = {
        {"Fizz", "Soft drinks", "1.5 l"}, {"Aqua Pura", "Water", "6 x 1.5 l"}, {"Crunchy", "Chips", "175 g"},
        {"Choco", "Chocolate", "100 g"}};
    private static final String[] VARIANTS = {"Original", "Light", "Zero", "Lemon", "Orange", "Cherry", "Classic",
        "Paprika", "Salt", "Sea salt"};
    private static final String[] REGIONS = {"north", "south", "east", "west"};
    private static final int WEEKS = 52;

    /** A promotion of the demo: its uplift shapes the generated sell-out; {@code actuals} false leaves it planned. */
    private record Plan(int retailer, int banner, String name, Mechanic mechanic, BigDecimal discount, int startWeek,
            int weeks, List<Integer> skus, double uplift, BigDecimal fixedSpend, BigDecimal perUnit, boolean actuals) {
    }

    private final Database database;
    private final SalesImport imports;
    private final Caller caller;
    private final String unit;
    private final Random random = new Random(42);

    RetailDemoData(Database database, SalesImport imports, Caller caller, String unit) {
        this.database = database;
        this.imports = imports;
        this.caller = caller;
        this.unit = unit;
    }

    /** Loads the data set; {@code accountPlanId} (or {@code null}) is the account plan the joint business plan links. */
    void load(Account first, Account second, String accountPlanId) throws IOException {
        LocalDate lastWeek = SalesLedger.weekOf(LocalDate.now()).minusWeeks(1);
        LocalDate firstWeek = lastWeek.minusWeeks(WEEKS - 1);
        List<Product> products = products();
        RetailerStructure structure = new RetailerStructure(database);
        Listings listings = new Listings(database);
        List<Account> retailers = List.of(first, second);
        List<List<Banner>> banners = List.of(
                List.of(structure.createBanner(caller, first.id(), unit, first.name() + " Hyper", "hypermarket"),
                        structure.createBanner(caller, first.id(), unit, first.name() + " Express", "convenience")),
                List.of(structure.createBanner(caller, second.id(), unit, second.name() + " Super", "supermarket"),
                        structure.createBanner(caller, second.id(), unit, second.name() + " Discount", "discounter")));
        int[][] storeCounts = {{15, 15}, {10, 10}};
        int[][][] acv = {{{4000, 8000}, {500, 1200}}, {{1500, 3000}, {1000, 2500}}};
        List<List<Store>> stores = List.of(new ArrayList<>(), new ArrayList<>());
        int code = 1;
        for (int r = 0; r < 2; r++) {
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < storeCounts[r][b]; i++) {
                    BigDecimal weight = BigDecimal.valueOf(acv[r][b][0] + random.nextInt(acv[r][b][1] - acv[r][b][0]));
                    stores.get(r).add(structure.createStore(caller, retailers.get(r).id(), unit, new StoreDraft(
                            banners.get(r).get(b).id(), String.format("CG-%03d", code), banners.get(r).get(b).name()
                                    + " " + REGIONS[code % 4] + " " + code, REGIONS[code % 4], null, weight,
                            weight.multiply(new BigDecimal("0.08")).setScale(0, RoundingMode.HALF_UP))));
                    code++;
                }
            }
        }
        // who lists what, from which week: the first retailer lists 30 SKUs everywhere and 10 in its hypermarkets
        // only; the second 25 everywhere and 5 more in its supermarkets from week 10 on
        List<ListingDraft> a = new ArrayList<>();
        List<ListingDraft> b = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            BigDecimal fee = s % 8 == 0 ? new BigDecimal("1500") : BigDecimal.ZERO;
            a.add(new ListingDraft(products.get(s).id(), s < 30 ? null : banners.get(0).get(0).id(), null, firstWeek,
                    null, fee));
            if (s < 30) {
                b.add(new ListingDraft(products.get(s).id(), s < 25 ? null : banners.get(1).get(0).id(), null,
                        s < 25 ? firstWeek : firstWeek.plusWeeks(10), null, s < 25 ? BigDecimal.ZERO : new BigDecimal("2500")));
            }
        }
        List<List<Listing>> listed = List.of(new ArrayList<>(), new ArrayList<>());
        for (ListingDraft d : a) {
            listed.get(0).add(listings.create(caller, first.id(), unit, d));
        }
        for (ListingDraft d : b) {
            listed.get(1).add(listings.create(caller, second.id(), unit, d));
        }

        List<Plan> plans = List.of(
                new Plan(0, -1, "Spring soft drinks TPR", Mechanic.TEMPORARY_PRICE_REDUCTION, new BigDecimal("20"), 12,
                        2, List.of(0, 1, 2), 2.2, new BigDecimal("12000"), new BigDecimal("0.15"), true),
                new Plan(0, 0, "Chips display in hypermarkets", Mechanic.DISPLAY, null, 24, 2, List.of(20, 21), 1.6,
                        new BigDecimal("6000"), BigDecimal.ZERO, true),
                new Plan(0, -1, "Summer water 3 for 2", Mechanic.MULTI_BUY, null, 30, 3, List.of(10, 11, 12), 1.8,
                        new BigDecimal("9000"), new BigDecimal("0.10"), true),
                // placed in the back of the store next to a competitor's deal: it lost volume
                new Plan(1, 1, "Chips feature in the leaflet", Mechanic.FEATURE, null, 20, 2, List.of(22, 23), 0.85,
                        new BigDecimal("8000"), BigDecimal.ZERO, true),
                new Plan(1, -1, "Autumn soft drinks TPR", Mechanic.TEMPORARY_PRICE_REDUCTION, new BigDecimal("15"), 40,
                        2, List.of(0, 3), 1.9, new BigDecimal("7000"), new BigDecimal("0.12"), true),
                new Plan(0, -1, "Christmas chocolate TPR", Mechanic.TEMPORARY_PRICE_REDUCTION, new BigDecimal("25"),
                        WEEKS + 3, 2, List.of(30, 32, 33), 2.0, new BigDecimal("15000"), new BigDecimal("0.2"), false));

        // a year of weekly sell-out, store by store; sell-in follows it per retailer with a little stock building.
        // Volumes are drawn week by week (the seeded sequence) and written in the order of the sell-out table's key
        // (store id, product id, week): H2 inserts the 80,000 lines in key order with about a third less work.
        Map<Store, long[][]> volumes = new HashMap<>();
        Map<Plan, BigDecimal> actuals = new HashMap<>();
        List<Map<String, BigDecimal>> sellIn = List.of(new HashMap<>(), new HashMap<>());
        for (int w = 0; w < WEEKS; w++) {
            LocalDate week = firstWeek.plusWeeks(w);
            double season = 1 + 0.2 * Math.sin(2 * Math.PI * (week.getDayOfYear() - 80) / 365.0);
            for (int r = 0; r < 2; r++) {
                for (Store store : stores.get(r)) {
                    long[][] ofStore = volumes.computeIfAbsent(store, x -> new long[40][WEEKS]);
                    for (int s = 0; s < 40; s++) {
                        Product p = products.get(s);
                        ofStore[s][w] = -1;
                        boolean carried = false;
                        for (Listing l : listed.get(r)) {
                            carried |= l.productId().equals(p.id()) && l.activeOn(week) && l.covers(store);
                        }
                        if (!carried) {
                            continue;
                        }
                        double uplift = 1;
                        Plan running = null;
                        for (Plan plan : plans) {
                            if (plan.retailer() == r && plan.skus().contains(s) && w >= plan.startWeek()
                                    && w < plan.startWeek() + plan.weeks() && (plan.banner() < 0
                                    || banners.get(r).get(plan.banner()).id().equals(store.bannerId()))) {
                                uplift = plan.uplift();
                                running = plan;
                            }
                        }
                        long volume = Math.round(store.acv().doubleValue() / 400 * (1 + s % 5) * season * uplift
                                * (0.85 + 0.3 * random.nextDouble()));
                        ofStore[s][w] = volume;
                        BigDecimal units = BigDecimal.valueOf(volume);
                        if (running != null) {
                            actuals.merge(running, units, BigDecimal::add);
                        }
                        sellIn.get(r).merge(p.gtin() + "," + week, units, BigDecimal::add);
                    }
                }
            }
        }
        List<Integer> skusById = IntStream.range(0, 40).boxed()
                .sorted(Comparator.comparing(s -> products.get(s).id())).toList();
        Path sellOut = Files.createTempFile("openkam-retail-demo-sell-out-", ".csv");
        try (Writer out = Files.newBufferedWriter(sellOut, StandardCharsets.UTF_8)) {
            out.write("store,gtin,week,volume,value\n");
            for (Store store : volumes.keySet().stream().sorted(Comparator.comparing(Store::id)).toList()) {
                for (int s : skusById) {
                    Product p = products.get(s);
                    for (int w = 0; w < WEEKS; w++) {
                        long volume = volumes.get(store)[s][w];
                        if (volume >= 0) {
                            out.write(store.code() + "," + p.gtin() + "," + firstWeek.plusWeeks(w) + "," + volume + ","
                                    + p.listPrice().multiply(new BigDecimal("1.25")).multiply(BigDecimal.valueOf(volume))
                                            .setScale(2, RoundingMode.HALF_UP).toPlainString() + "\n");
                        }
                    }
                }
            }
        }
        imports.start(caller, new SalesImport.Target(SalesFile.Kind.SELL_OUT, unit, null), sellOut, true);
        for (int r = 0; r < 2; r++) {
            Path file = Files.createTempFile("openkam-retail-demo-sell-in-", ".csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("gtin,week,volume\n");
                for (Map.Entry<String, BigDecimal> e : sellIn.get(r).entrySet()) {
                    out.write(e.getKey() + "," + e.getValue().multiply(new BigDecimal("1.03"))
                            .setScale(0, RoundingMode.HALF_UP).toPlainString() + "\n");
                }
            }
            imports.start(caller, new SalesImport.Target(SalesFile.Kind.SELL_IN, unit, retailers.get(r).id()), file,
                    true);
        }

        PromotionCalendar calendar = new PromotionCalendar(database);
        List<String> firstRetailersPromotions = new ArrayList<>();
        for (Plan plan : plans) {
            LocalDate start = firstWeek.plusWeeks(plan.startWeek());
            String banner = plan.banner() < 0 ? null : banners.get(plan.retailer()).get(plan.banner()).id();
            BigDecimal actual = plan.actuals() ? actuals.getOrDefault(plan, BigDecimal.ZERO) : null;
            BigDecimal planned = actual == null ? new BigDecimal("6000")
                    : actual.multiply(new BigDecimal("1.1")).setScale(0, RoundingMode.HALF_UP);
            Promotion promotion = calendar.create(caller, retailers.get(plan.retailer()).id(), unit, new PromotionDraft(
                    banner, plan.name(), plan.mechanic(), plan.discount(), start, start.plusWeeks(plan.weeks()).minusDays(1),
                    start.minusWeeks(3), start.minusDays(3), plan.skus().stream().map(i -> products.get(i).id()).toList(),
                    null, planned, actual, plan.fixedSpend(), plan.perUnit()));
            if (plan.retailer() == 0) {
                firstRetailersPromotions.add(promotion.id());
            }
        }

        TradeAgreements agreements = new TradeAgreements(database);
        for (int year : List.of(lastWeek.getYear() - 1, lastWeek.getYear())) {
            agreements.put(caller, first.id(), unit, year, List.of(
                    new TradeTerms.Condition(ConditionKind.ON_INVOICE, "base discount", new BigDecimal("8"), null),
                    new TradeTerms.Condition(ConditionKind.PAYMENT_DISCOUNT, "2 % within 10 days", new BigDecimal("2"), null),
                    new TradeTerms.Condition(ConditionKind.CO_OP_ADVERTISING, "leaflet and in-store media", null,
                            new BigDecimal("25000"))),
                    List.of(new VolumeBonus.Tier(new BigDecimal("50000"), new BigDecimal("2")),
                            new VolumeBonus.Tier(new BigDecimal("150000"), new BigDecimal("3.5"))), null);
            agreements.put(caller, second.id(), unit, year, List.of(
                    new TradeTerms.Condition(ConditionKind.ON_INVOICE, "base discount", new BigDecimal("12"), null),
                    new TradeTerms.Condition(ConditionKind.OFF_INVOICE, "growth bonus", new BigDecimal("1.5"), null),
                    new TradeTerms.Condition(ConditionKind.CO_OP_ADVERTISING, "leaflet", null, new BigDecimal("10000"))),
                    List.of(new VolumeBonus.Tier(new BigDecimal("40000"), new BigDecimal("2"))), null);
        }

        StoreAudits audits = new StoreAudits(database);
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 8; i++) {
            audits.record(caller, first.id(), unit, stores.get(0).get(i * 3).id(), products.get(0).id(), today, i % 4 != 0);
        }

        new JointBusinessPlans(database).put(caller, first.id(), unit, lastWeek.getYear(), new PlanDraft(accountPlanId,
                new BigDecimal("400000"), new BigDecimal("380000"), products.get(30).id(), new BigDecimal("80"),
                new BigDecimal("14"), new BigDecimal("12.5"), List.of(
                        new JointBusinessPlan.Initiative("Second placement for soft drinks in hypermarkets", "kam",
                                today.plusMonths(1), JointBusinessPlan.InitiativeStatus.IN_PROGRESS),
                        new JointBusinessPlan.Initiative("List the chocolate range in the Express stores", "kam",
                                today.plusMonths(3), JointBusinessPlan.InitiativeStatus.PLANNED),
                        new JointBusinessPlan.Initiative("Shelf audit programme", "kam", today.minusMonths(2),
                                JointBusinessPlan.InitiativeStatus.DONE)),
                firstRetailersPromotions.stream().filter(id -> calendar.get(first.id(), id).startsOn().getYear()
                        == lastWeek.getYear()).toList()), null);
    }

    private List<Product> products() {
        ProductCatalog catalog = new ProductCatalog(database);
        Category drinks = catalog.createCategory(caller, unit, null, "Beverages");
        Category snacks = catalog.createCategory(caller, unit, null, "Snacks");
        List<Product> out = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            Category category = catalog.createCategory(caller, unit, b < 2 ? drinks.id() : snacks.id(), BRANDS[b][1]);
            for (int v = 0; v < 10; v++) {
                String body = String.format("40123450%04d", b * 100 + v);
                BigDecimal price = BigDecimal.valueOf(89 + random.nextInt(400), 2);
                out.add(catalog.create(caller, unit, new ProductDraft(body + Gtin.checkDigit(body),
                        BRANDS[b][0] + " " + VARIANTS[v], BRANDS[b][0], BRANDS[b][2], category.id(), price,
                        price.multiply(new BigDecimal("0.55")).setScale(2, RoundingMode.HALF_UP))));
            }
        }
        return out;
    }
}
