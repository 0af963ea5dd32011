package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What a trade promotion brought, from its baseline (what would have sold without it) and its actual volume.
 * A promotion that lost volume has a negative incremental volume and lift; figures that divide by the incremental
 * volume or the baseline are undefined ({@code null}) where that is not positive or zero respectively.
 *
 * <p>ROI convention: {@value #ROI_CONVENTION}. A ROI of 1 means the incremental gross profit paid back the spend;
 * below 1 the promotion cost more than it earned.
 *
 * @param incrementalVolume actual - baseline
 * @param liftPercent incremental / baseline x 100
 * @param spend fixed spend + spend per unit x actual volume
 * @param costPerIncrementalUnit spend / incremental volume, when the promotion added volume
 * @param incrementalGrossProfit incremental volume x (net price - cost) per unit
 * @param roi incremental gross profit / spend
 */
public record PromotionEvaluation(BigDecimal baseline, BigDecimal actual, BigDecimal incrementalVolume,
        BigDecimal liftPercent, BigDecimal spend, BigDecimal costPerIncrementalUnit, BigDecimal incrementalGrossProfit,
        BigDecimal roi, String roiConvention) {

    public static final String ROI_CONVENTION = "incremental gross profit / trade spend (gross ROI, a ratio)";

    /**
     * @param unitGrossProfit what one more unit earns: the net price to the retailer minus the cost of goods
     */
    public static PromotionEvaluation of(BigDecimal baseline, BigDecimal actual, BigDecimal fixedSpend,
            BigDecimal spendPerUnit, BigDecimal unitGrossProfit) {
        BigDecimal incremental = actual.subtract(baseline);
        BigDecimal spend = fixedSpend.add(spendPerUnit.multiply(actual));
        BigDecimal profit = incremental.multiply(unitGrossProfit);
        BigDecimal costPerUnit = incremental.signum() > 0
                ? spend.divide(incremental, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP) : null;
        return new PromotionEvaluation(Money.plain(baseline), Money.plain(actual), Money.plain(incremental),
                Percent.of(incremental, baseline), Money.plain(spend), Money.plain(costPerUnit), Money.plain(profit),
                Percent.ratio(profit, spend), ROI_CONVENTION);
    }
}
