package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** A promotion's baseline from sell-out: what the weeks before it sold on average, over the promotion's weeks. */
final class Baseline {

    private Baseline() {
    }

    /**
     * @param weeklyVolumes the sell-out of each of the N weeks before the promotion (a week without sales is zero)
     * @param promotionWeeks how many weeks the promotion runs
     * @return the weekly average times the promotion's weeks, or {@code null} without any week
     */
    static BigDecimal fromSellOut(List<BigDecimal> weeklyVolumes, int promotionWeeks) {
        if (weeklyVolumes.isEmpty()) {
            return null;
        }
        BigDecimal total = weeklyVolumes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.plain(total.multiply(BigDecimal.valueOf(promotionWeeks))
                .divide(BigDecimal.valueOf(weeklyVolumes.size()), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP));
    }
}
