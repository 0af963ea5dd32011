package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The worked examples for distribution, promotions, the price waterfall and volume bonuses. */
class RetailFiguresTest {

    static Store store(String id, String acv, String pcv) {
        return new Store(id, "r", "b", "cg", id, id, "north", "super", new BigDecimal(acv), new BigDecimal(pcv), 1);
    }

    static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void threeOfFiveStoresCarryingIsSixtyPercentNumericDistribution() {
        List<Store> universe = List.of(store("a", "100", "1"), store("b", "100", "1"), store("c", "100", "1"),
                store("d", "100", "1"), store("e", "100", "1"));
        Set<String> carrying = Set.of("a", "b", "c");
        Distribution d = Distribution.of(universe, s -> carrying.contains(s.id()), Set.of(), Set.of());
        assertEquals(5, d.stores());
        assertEquals(3, d.carrying());
        assertEquals(n("60"), d.numeric());
    }

    @Test
    void storesWithAcv800OfAUniverseOf1000AreEightyPercentWeighted() {
        List<Store> universe = List.of(store("big", "500", "40"), store("mid", "300", "40"), store("s1", "100", "10"),
                store("s2", "100", "10"));
        Set<String> carrying = Set.of("big", "mid");
        Distribution d = Distribution.of(universe, s -> carrying.contains(s.id()), Set.of(), Set.of());
        assertEquals(n("50"), d.numeric(), "2 of 4 stores");
        assertEquals(n("80"), d.acvWeighted(), "ACV 800 of 1,000");
        assertEquals(n("80"), d.pcvWeighted(), "PCV 80 of 100");
    }

    @Test
    void distributionIsRecomputedForTheUniverseNotAveragedOverItsParts() {
        // banner A: 1 of 1 store (100 %), banner B: 1 of 3 (33.33 %); the retailer: 2 of 4 = 50 %, not 66.67 %
        List<Store> universe = List.of(store("a1", "100", "1"), store("b1", "100", "1"), store("b2", "100", "1"),
                store("b3", "100", "1"));
        Set<String> carrying = Set.of("a1", "b1");
        assertEquals(n("50"), Distribution.of(universe, s -> carrying.contains(s.id()), Set.of(), Set.of()).numeric());
        assertEquals(n("33.33"), Distribution.of(universe.subList(1, 4), s -> carrying.contains(s.id()), Set.of(),
                Set.of()).numeric());
    }

    @Test
    void outOfStockIsListedButUnavailableOverListedAndAudited() {
        List<Store> universe = List.of(store("a", "600", "1"), store("b", "300", "1"), store("c", "100", "1"),
                store("d", "100", "1"));
        Set<String> carrying = Set.of("a", "b", "c");
        Distribution d = Distribution.of(universe, s -> carrying.contains(s.id()), Set.of("a", "b", "c", "d"),
                Set.of("b", "d"));
        assertEquals(3, d.audited(), "only stores carrying count");
        assertEquals(1, d.outOfStock(), "d is not listed: not out of stock");
        assertEquals(n("33.33"), d.outOfStockNumeric());
        assertEquals(n("30"), d.outOfStockAcvWeighted(), "ACV 300 of 1,000");
    }

    @Test
    void anEmptyUniverseHasNoDistribution() {
        Distribution d = Distribution.of(List.of(), s -> true, Set.of(), Set.of());
        assertNull(d.numeric());
        assertNull(d.acvWeighted());
        assertNull(d.outOfStockNumeric());
    }

    @Test
    void baseline400Actual1100IsIncremental700AndLift175Percent() {
        PromotionEvaluation e = PromotionEvaluation.of(n("400"), n("1100"), n("1000"), n("0"), n("2.5"));
        assertEquals(n("700"), e.incrementalVolume());
        assertEquals(n("175"), e.liftPercent());
        assertEquals(n("1750"), e.incrementalGrossProfit(), "700 x 2.50");
        assertEquals(n("1.75"), e.roi(), "1,750 / 1,000");
        assertEquals(PromotionEvaluation.ROI_CONVENTION, e.roiConvention());
    }

    @Test
    void spend50000For20000IncrementalUnitsIs2Point50PerUnit() {
        PromotionEvaluation e = PromotionEvaluation.of(n("30000"), n("50000"), n("40000"), n("0.2"), n("3"));
        assertEquals(n("50000"), e.spend(), "40,000 fixed + 0.20 x 50,000 units");
        assertEquals(n("20000"), e.incrementalVolume());
        assertEquals(n("2.5"), e.costPerIncrementalUnit());
        assertEquals(n("1.2"), e.roi(), "60,000 / 50,000");
    }

    @Test
    void aPromotionThatLostVolumeHasANegativeLiftAndNoCostPerUnit() {
        PromotionEvaluation e = PromotionEvaluation.of(n("1000"), n("900"), n("5000"), n("0"), n("2"));
        assertEquals(n("-100"), e.incrementalVolume());
        assertEquals(n("-10"), e.liftPercent());
        assertNull(e.costPerIncrementalUnit());
        assertEquals(n("-200"), e.incrementalGrossProfit());
        assertEquals(n("-0.04"), e.roi());
    }

    @Test
    void withoutBaselineOrSpendLiftAndRoiAreUndefined() {
        PromotionEvaluation e = PromotionEvaluation.of(n("0"), n("100"), n("0"), n("0"), n("2"));
        assertNull(e.liftPercent());
        assertNull(e.roi());
        assertEquals(n("0"), e.costPerIncrementalUnit());
    }

    @Test
    void aBaselineIsTheWeeklyAverageOverThePromotionsWeeks() {
        assertEquals(n("400"), Baseline.fromSellOut(List.of(n("180"), n("220"), n("200"), n("200")), 2));
        assertEquals(n("66.67"), Baseline.fromSellOut(List.of(n("100"), n("100"), n("0")), 1));
        assertNull(Baseline.fromSellOut(List.of(), 2));
    }

    @Test
    void aCompoundingWaterfall() {
        PriceWaterfall w = PriceWaterfall.of(n("10.00"), n("6"),
                List.of(new PriceWaterfall.Discount("on-invoice discount", n("10"))),
                List.of(new PriceWaterfall.Discount("volume bonus", n("5")),
                        new PriceWaterfall.Discount("payment discount", n("2"))),
                List.of(new PriceWaterfall.Allowance("co-op advertising", n("0.2"))), true);
        assertEquals(n("10"), w.listPrice());
        assertEquals(n("9"), w.invoicePrice(), "10.00 - 10 %");
        assertEquals(n("8.379"), w.netPrice(), "9.00 - 5 % = 8.55, - 2 % = 8.379");
        assertEquals(n("8.179"), w.pocketPrice(), "8.379 - 0.20");
        assertEquals(n("26.64"), w.pocketMarginPercent(), "(8.179 - 6) / 8.179");
        assertEquals(List.of(n("1"), n("0.45"), n("0.171"), n("0.2")),
                w.steps().stream().map(PriceWaterfall.Step::amount).toList());
    }

    @Test
    void anAdditiveWaterfall() {
        PriceWaterfall w = PriceWaterfall.of(n("10.00"), n("6"),
                List.of(new PriceWaterfall.Discount("on-invoice discount", n("10"))),
                List.of(new PriceWaterfall.Discount("volume bonus", n("5")),
                        new PriceWaterfall.Discount("payment discount", n("2"))),
                List.of(new PriceWaterfall.Allowance("co-op advertising", n("0.2"))), false);
        assertEquals(n("9"), w.invoicePrice());
        assertEquals(n("8.3"), w.netPrice(), "10.00 - (10 + 5 + 2) % of 10.00");
        assertEquals(n("8.1"), w.pocketPrice());
        assertEquals(n("25.93"), w.pocketMarginPercent(), "(8.10 - 6) / 8.10");
    }

    @Test
    void theHighestVolumeBonusTierReachedAppliesToAllVolume() {
        List<VolumeBonus.Tier> tiers = List.of(new VolumeBonus.Tier(n("100000"), n("3")),
                new VolumeBonus.Tier(n("50000"), n("1.5")));
        assertEquals(n("0"), VolumeBonus.rate(tiers, n("49999")));
        assertEquals(n("1.5"), VolumeBonus.rate(tiers, n("50000")));
        assertEquals(n("3"), VolumeBonus.rate(tiers, n("250000")));
    }

    @Test
    void tradeSpendIsAShareOfGrossSales() {
        assertEquals(n("18.5"), Percent.of(n("185000"), n("1000000")));
        assertNull(Percent.of(n("5"), n("0")));
    }
}
