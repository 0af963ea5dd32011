package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Distribution of a product over a store universe on one day. Each figure is computed from the universe and the
 * stores themselves, never by adding figures of other products, days or sub-universes: percentages do not add.
 *
 * @param stores stores in the universe
 * @param carrying stores where the product is listed on the day
 * @param numeric stores carrying / stores in the universe x 100
 * @param acvWeighted ACV of the stores carrying / ACV of the universe x 100
 * @param pcvWeighted PCV of the stores carrying / PCV of the universe x 100
 * @param audited stores carrying with a store audit on the day
 * @param outOfStock audited stores carrying where the product was not on the shelf
 * @param outOfStockNumeric out of stock / audited x 100
 * @param outOfStockAcvWeighted ACV out of stock / ACV audited x 100
 */
public record Distribution(int stores, int carrying, BigDecimal numeric, BigDecimal acvWeighted,
        BigDecimal pcvWeighted, int audited, int outOfStock, BigDecimal outOfStockNumeric,
        BigDecimal outOfStockAcvWeighted) {

    /**
     * @param universe the stores of the retailer, banner or region
     * @param carries whether the product is listed at a store on the day
     * @param audits the ids of carrying stores audited on the day
     * @param unavailable the ids of stores whose audit found the product missing
     */
    public static Distribution of(Collection<Store> universe, Predicate<Store> carries, Set<String> audits,
            Set<String> unavailable) {
        List<Store> carrying = universe.stream().filter(carries).toList();
        List<Store> audited = carrying.stream().filter(s -> audits.contains(s.id())).toList();
        List<Store> missing = audited.stream().filter(s -> unavailable.contains(s.id())).toList();
        return new Distribution(universe.size(), carrying.size(),
                Percent.of(BigDecimal.valueOf(carrying.size()), BigDecimal.valueOf(universe.size())),
                Percent.of(sum(carrying, Store::acv), sum(universe, Store::acv)),
                Percent.of(sum(carrying, Store::pcv), sum(universe, Store::pcv)),
                audited.size(), missing.size(),
                Percent.of(BigDecimal.valueOf(missing.size()), BigDecimal.valueOf(audited.size())),
                Percent.of(sum(missing, Store::acv), sum(audited, Store::acv)));
    }

    private static BigDecimal sum(Collection<Store> stores, Function<Store, BigDecimal> weight) {
        return stores.stream().map(weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
