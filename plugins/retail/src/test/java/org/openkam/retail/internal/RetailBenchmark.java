package org.openkam.retail.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.testing.TestDatabase;

/**
 * Weighted distribution on a generated retailer in embedded H2 (run by the benchmark command of
 * {@code distribution/bench}; prints figures, asserts nothing): 5,000 stores in 10 banners with their ACV and PCV,
 * 1,000 SKUs, listed in turn retailer-wide, in half the banners, or store by store in every other store (833,000
 * store listings), and a store audit in every 20th store for each SKU. Measures the distribution of every SKU over
 * the whole retailer on one day, one SKU at a time as {@code GET /retail/retailers/{id}/distribution} computes it.
 */
public final class RetailBenchmark {

    static final Caller MANAGER = new Caller("bench", "bench", true, Map.of());
    static final LocalDate DAY = LocalDate.of(2027, 3, 8);
    private static final int BANNERS = 10;

    /** The figures of one run, in ms; the benchmark command (distribution/bench) prints them in its table. */
    public record Figures(int stores, int products, long listings, long generate, long allProducts,
            long allProductsSecondPass, BigDecimal checksum) {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 5_000, args.length > 1 ? Integer.parseInt(args[1]) : 1_000,
                System.out);
    }

    /** Generates the retailer, computes every SKU's distribution twice and prints each figure as it comes. */
    public static Figures run(int stores, int products, PrintStream out) throws Exception {
        return TestDatabase.onH2(RetailResource.class, database -> run(database, stores, products, out));
    }

    private static Figures run(Database database, int storeCount, int productCount, PrintStream out) {
        ProductCatalog catalog = new ProductCatalog(database);
        RetailerStructure structure = new RetailerStructure(database);
        TradeFigures figures = new TradeFigures(catalog, structure, new Listings(database), new StoreAudits(database),
                new PromotionCalendar(database), new TradeAgreements(database), new SalesLedger(database));
        String unit = "bench-retail";
        Account account = new Account(UUID.randomUUID().toString(), unit, "Benchmark retailer", null, null, null, null,
                AccountStatus.ACTIVE, KeyAccountTier.KEY, null, null, null, null, "EUR", Map.of(), 1, null, null);
        RetailScope.Retailer retailer = new RetailScope.Retailer(account,
                new RetailSettings(TestSettings.of(true, 4)));

        long t0 = System.nanoTime();
        List<Banner> banners = new ArrayList<>();
        for (int b = 0; b < BANNERS; b++) {
            banners.add(structure.createBanner(MANAGER, retailer.id(), unit, "Banner " + b, "supermarket"));
        }
        List<Store> stores = stores(database, retailer, banners, storeCount);
        List<Product> skus = new ArrayList<>();
        for (int p = 0; p < productCount; p++) {
            String body = String.format("400%09d", p);
            skus.add(catalog.create(MANAGER, unit, new ProductDraft(body + Gtin.checkDigit(body), "SKU " + p, "Brand",
                    null, null, new BigDecimal("2.49"), new BigDecimal("1.20"))));
        }
        long listings = listAndAudit(database, retailer, banners, stores, skus);
        long generated = millis(t0);
        out.printf("generated %,d stores, %,d SKUs and %,d listings in %,d ms%n", storeCount, productCount, listings,
                generated);

        long[] passes = new long[2];
        BigDecimal checksum = BigDecimal.ZERO;
        for (int pass = 0; pass < 2; pass++) {
            long t = System.nanoTime();
            checksum = BigDecimal.ZERO;
            for (Product sku : skus) {
                Distribution d = figures.distribution(retailer, sku.id(), DAY, null, null).figures();
                checksum = checksum.add(d.acvWeighted());
            }
            passes[pass] = millis(t);
            out.printf("weighted distribution of %,d SKUs over %,d stores, pass %d: %,d ms (sum of ACV-weighted %s)%n",
                    productCount, storeCount, pass + 1, passes[pass], checksum.toPlainString());
        }
        return new Figures(storeCount, productCount, listings, generated, passes[0], passes[1], checksum);
    }

    /** The stores, ACV from 200,000 to about 37,000,000, in JDBC batches: the generation is not what is measured. */
    private static List<Store> stores(Database database, RetailScope.Retailer retailer, List<Banner> banners,
            int count) {
        List<Store> stores = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            BigDecimal acv = BigDecimal.valueOf(200_000 + 37L * (s % 1_000) * 1_000);
            stores.add(new Store(UUID.randomUUID().toString(), retailer.id(), banners.get(s % banners.size()).id(),
                    retailer.unit(), "S" + s, "Store " + s, "region " + s % 7, "supermarket", acv,
                    acv.divide(BigDecimal.TEN), 1));
        }
        return database.write(MANAGER, tx -> {
            RetailerStructure.insertStores(tx.connection(), stores);
            return stores;
        });
    }

    /**
     * SKU i is listed retailer-wide (i % 3 == 0), in the even banners (1), or store by store in every other store
     * (2); every 20th store has an audit of each SKU, one in five of them finding it missing. Written in JDBC
     * batches: the generation is not what is measured.
     */
    private static long listAndAudit(Database database, RetailScope.Retailer retailer, List<Banner> banners,
            List<Store> stores, List<Product> skus) {
        long count = 0;
        for (int i = 0; i < skus.size(); i++) {
            int kind = i % 3;
            String sku = skus.get(i).id();
            // a transaction per SKU: H2 commits one of a million rows far slower than a thousand of a thousand
            count += database.write(MANAGER, tx -> {
                int listed = 0;
                try (PreparedStatement listing = tx.connection().prepareStatement("INSERT INTO retail_listing (id, "
                        + "retailer_id, business_unit, product_id, banner_id, store_id, listed_from, listed_to, "
                        + "listing_fee, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, 1, ?)");
                        PreparedStatement audit = tx.connection().prepareStatement("INSERT INTO retail_store_audit "
                                + "(store_id, product_id, audited_on, retailer_id, business_unit, available) VALUES "
                                + "(?, ?, ?, ?, ?, ?)")) {
                    switch (kind) {
                        case 0 -> listed += add(listing, retailer, sku, null, null);
                        case 1 -> {
                            for (int b = 0; b < banners.size(); b += 2) {
                                listed += add(listing, retailer, sku, banners.get(b).id(), null);
                            }
                        }
                        default -> {
                            for (int s = 0; s < stores.size(); s += 2) {
                                listed += add(listing, retailer, sku, null, stores.get(s).id());
                            }
                        }
                    }
                    for (int s = 0; s < stores.size(); s += 20) {
                        audit.setString(1, stores.get(s).id());
                        audit.setString(2, sku);
                        audit.setObject(3, DAY);
                        audit.setString(4, retailer.id());
                        audit.setString(5, retailer.unit());
                        audit.setBoolean(6, s % 100 != 0);
                        audit.addBatch();
                    }
                    listing.executeBatch();
                    audit.executeBatch();
                }
                return listed;
            });
        }
        return count;
    }

    private static int add(PreparedStatement listing, RetailScope.Retailer retailer, String sku, String bannerId,
            String storeId) throws java.sql.SQLException {
        listing.setString(1, Rows.newId()); // time-ordered: appended to the primary key
        listing.setString(2, retailer.id());
        listing.setString(3, retailer.unit());
        listing.setString(4, sku);
        listing.setString(5, bannerId);
        listing.setString(6, storeId);
        listing.setObject(7, DAY.minusDays(30));
        Rows.setInstant(listing, 8, Rows.now());
        listing.addBatch();
        return 1;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
