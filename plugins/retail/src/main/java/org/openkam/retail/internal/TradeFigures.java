package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the retail figures from what is stored: distribution over a store universe, a promotion's baseline and
 * evaluation, the price waterfall under the year's terms, and trade spend. The arithmetic is in the pure
 * {@link Distribution}, {@link PromotionEvaluation}, {@link PriceWaterfall} and {@link Baseline}.
 */
final class TradeFigures {

    /** Distribution of a product in a universe: the retailer's stores, of one banner and/or region. */
    record DistributionView(String retailerId, String productId, LocalDate date, String bannerId, String region,
            Distribution figures) {
    }

    /** A promotion with its baseline ({@code entered}, {@code sell-out}, or none) and, once actuals are in, its evaluation. */
    record PromotionView(Promotion promotion, BigDecimal baseline, String baselineSource, PromotionEvaluation evaluation) {
    }

    /** A SKU's waterfall at a retailer for a year, fixed amounts spread over {@code annualVolume}. */
    record WaterfallView(String retailerId, String productId, int year, BigDecimal annualVolume,
            PriceWaterfall waterfall) {
    }

    /**
     * Trade spend of a retailer and year: discounts on the sell-in (gross sales at list price less net sales), the
     * terms' yearly amounts and listing fees, and promotion spend (actual volume, else planned).
     */
    record TradeSpend(String retailerId, int year, BigDecimal grossSales, BigDecimal discounts, BigDecimal fixedAmounts,
            BigDecimal promotionSpend, BigDecimal total, BigDecimal percentOfGrossSales) {
    }

    /**
     * A joint business plan against its actuals on {@code asOf}: sell-in and sell-out of the year so far, the focus
     * product's ACV-weighted distribution that day, the entered share; attainment = actual / target x 100.
     */
    record PlanView(JointBusinessPlan plan, LocalDate asOf, Figures actuals, Figures attainmentPercent,
            List<PromotionView> promotions) {
    }

    /** One figure per target. */
    record Figures(BigDecimal sellIn, BigDecimal sellOut, BigDecimal distribution, BigDecimal share) {
    }

    private final ProductCatalog catalog;
    private final Listings listings;
    private final StoreAudits audits;
    private final PromotionCalendar promotions;
    private final TradeAgreements agreements;
    private final SalesLedger sales;
    private final RetailerStructure structure;

    TradeFigures(ProductCatalog catalog, RetailerStructure structure, Listings listings, StoreAudits audits,
            PromotionCalendar promotions, TradeAgreements agreements, SalesLedger sales) {
        this.catalog = catalog;
        this.structure = structure;
        this.listings = listings;
        this.audits = audits;
        this.promotions = promotions;
        this.agreements = agreements;
        this.sales = sales;
    }

    DistributionView distribution(RetailScope.Retailer retailer, String productId, LocalDate date, String bannerId,
            String region) {
        catalog.product(retailer.unit(), productId);
        List<Store> universe = structure.stores(retailer.id()).stream()
                .filter(s -> bannerId == null || bannerId.equals(s.bannerId()))
                .filter(s -> region == null || region.equalsIgnoreCase(s.region())).toList();
        List<Listing> active = listings.of(retailer.id(), productId).stream().filter(l -> l.activeOn(date)).toList();
        Map<String, Boolean> audited = audits.on(retailer.id(), productId, date);
        Set<String> unavailable = new HashSet<>();
        audited.forEach((store, available) -> {
            if (!available) {
                unavailable.add(store);
            }
        });
        return new DistributionView(retailer.id(), productId, date, bannerId, region, Distribution.of(universe,
                Listing.anyCovers(active), audited.keySet(), unavailable));
    }

    PromotionView view(RetailScope.Retailer retailer, Promotion p) {
        BigDecimal baseline = p.baselineVolume();
        String source = baseline == null ? null : "entered";
        if (baseline == null) {
            baseline = Baseline.fromSellOut(sales.weeklySellOut(retailer.id(), p.bannerId(), p.productIds(),
                    p.startsOn(), retailer.settings().baselineWeeks()), p.weeks());
            source = "sell-out";
        }
        PromotionEvaluation evaluation = p.actualVolume() == null ? null : PromotionEvaluation.of(baseline,
                p.actualVolume(), p.fixedSpend(), p.spendPerUnit(), unitGrossProfit(retailer, p));
        return new PromotionView(p, baseline, source, evaluation);
    }

    /** The average over the promotion's products of net price (under the year's terms) less cost. */
    private BigDecimal unitGrossProfit(RetailScope.Retailer retailer, Promotion p) {
        int year = p.startsOn().getYear();
        BigDecimal volume = annualVolume(retailer.id(), year);
        BigDecimal sum = BigDecimal.ZERO;
        for (String productId : p.productIds()) {
            PriceWaterfall w = waterfall(retailer, catalog.product(retailer.unit(), productId), year, volume);
            sum = sum.add(w.netPrice().subtract(w.cost()));
        }
        return sum.divide(BigDecimal.valueOf(p.productIds().size()), MathContext.DECIMAL64);
    }

    WaterfallView waterfall(RetailScope.Retailer retailer, String productId, int year, BigDecimal volume) {
        Product product = catalog.product(retailer.unit(), productId);
        BigDecimal annual = volume != null ? volume : annualVolume(retailer.id(), year);
        return new WaterfallView(retailer.id(), productId, year, annual, waterfall(retailer, product, year, annual));
    }

    private PriceWaterfall waterfall(RetailScope.Retailer retailer, Product product, int year, BigDecimal volume) {
        TradeTerms terms = agreements.of(retailer.id(), year).orElse(null);
        List<PriceWaterfall.Discount> on = new ArrayList<>();
        List<PriceWaterfall.Discount> off = new ArrayList<>();
        List<PriceWaterfall.Allowance> fixed = new ArrayList<>();
        if (terms != null) {
            BigDecimal bonus = VolumeBonus.rate(terms.volumeTiers(), volume);
            if (bonus.signum() > 0) {
                off.add(new PriceWaterfall.Discount("volume bonus", bonus));
            }
            for (TradeTerms.Condition c : terms.conditions()) {
                switch (c.kind()) {
                    case ON_INVOICE -> on.add(new PriceWaterfall.Discount(c.name(), c.percent()));
                    case PAYMENT_DISCOUNT, OFF_INVOICE -> off.add(new PriceWaterfall.Discount(c.name(), c.percent()));
                    case CO_OP_ADVERTISING -> spread(fixed, c.name(), c.amount(), volume);
                }
            }
        }
        spread(fixed, "listing fees", listingFees(retailer.id(), year), volume);
        return PriceWaterfall.of(product.listPrice(), product.cost(), on, off, fixed, retailer.settings().compound());
    }

    /** A yearly amount per unit of the year's volume; left out without volume (nothing to spread it over). */
    private static void spread(List<PriceWaterfall.Allowance> fixed, String name, BigDecimal amount, BigDecimal volume) {
        if (amount.signum() > 0 && volume.signum() > 0) {
            fixed.add(new PriceWaterfall.Allowance(name, amount.divide(volume, MathContext.DECIMAL64)));
        }
    }

    TradeSpend tradeSpend(RetailScope.Retailer retailer, int year) {
        Map<String, BigDecimal> sellIn = sales.sellInByProduct(retailer.id(), year);
        BigDecimal annual = sellIn.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : sellIn.entrySet()) {
            Product product = catalog.product(retailer.unit(), e.getKey());
            PriceWaterfall w = waterfall(retailer, product, year, annual);
            gross = gross.add(product.listPrice().multiply(e.getValue()));
            discounts = discounts.add(product.listPrice().subtract(w.netPrice()).multiply(e.getValue()));
        }
        BigDecimal fixedAmounts = listingFees(retailer.id(), year);
        TradeTerms terms = agreements.of(retailer.id(), year).orElse(null);
        if (terms != null) {
            fixedAmounts = fixedAmounts.add(terms.conditions().stream().filter(c -> !c.kind().percentage())
                    .map(TradeTerms.Condition::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        BigDecimal promotionSpend = promotions.between(retailer.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream().filter(p -> p.startsOn().getYear() == year)
                .map(p -> p.fixedSpend().add(p.spendPerUnit().multiply(p.actualVolume() != null ? p.actualVolume()
                        : p.plannedVolume()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = discounts.add(fixedAmounts).add(promotionSpend);
        return new TradeSpend(retailer.id(), year, Money.plain(gross.setScale(2, RoundingMode.HALF_UP)),
                Money.plain(discounts.setScale(2, RoundingMode.HALF_UP)), Money.plain(fixedAmounts),
                Money.plain(promotionSpend), Money.plain(total.setScale(2, RoundingMode.HALF_UP)),
                Percent.of(total, gross));
    }

    PlanView plan(RetailScope.Retailer retailer, JointBusinessPlan plan, LocalDate asOf) {
        // the year so far: the weeks that started by asOf (all of them once the year is over, none before it)
        LocalDate from = LocalDate.of(plan.year(), 1, 1);
        LocalDate yearEnd = from.plusYears(1);
        LocalDate until = asOf.isBefore(yearEnd) ? asOf.plusDays(1) : yearEnd;
        BigDecimal sellIn = sales.sellInByProduct(retailer.id(), from, until).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sellOut = sales.sellOutTotal(retailer.id(), from, until);
        BigDecimal distribution = plan.distributionProductId() == null ? null : distribution(retailer,
                plan.distributionProductId(), asOf, null, null).figures().acvWeighted();
        Figures actuals = new Figures(sellIn, sellOut, distribution, plan.shareActual());
        Figures attainment = new Figures(attainment(sellIn, plan.sellInTarget()),
                attainment(sellOut, plan.sellOutTarget()), attainment(distribution, plan.distributionTarget()),
                attainment(plan.shareActual(), plan.shareTarget()));
        List<PromotionView> linked = plan.promotionIds().stream()
                .map(id -> view(retailer, promotions.get(retailer.id(), id))).toList();
        return new PlanView(plan, asOf, actuals, attainment, linked);
    }

    private static BigDecimal attainment(BigDecimal actual, BigDecimal target) {
        return actual == null || target == null ? null : Percent.of(actual, target);
    }

    private BigDecimal annualVolume(String retailerId, int year) {
        return sales.sellInByProduct(retailerId, year).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal listingFees(String retailerId, int year) {
        return listings.of(retailerId, null).stream().filter(l -> l.listedFrom().getYear() == year)
                .map(Listing::listingFee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
