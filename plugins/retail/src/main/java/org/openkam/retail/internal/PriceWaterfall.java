package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The price waterfall of a SKU at a retailer, per unit: list price, less on-invoice discounts = invoice price,
 * less off-invoice percentages (volume bonus, payment discount) = net price, less fixed amounts spread over the
 * volume (co-op advertising, listing fees) = pocket price (net-net). Prices are kept to four decimals.
 *
 * <p>{@code compound}: each percentage applies to the price the ones before left (10 % then 5 % of 10.00 leaves
 * 8.55); otherwise the percentages add up and apply to the list price (15 % of 10.00 leaves 8.50).
 *
 * @param steps each deduction, in order, with what it took off per unit
 * @param pocketMarginPercent (pocket - cost) / pocket x 100; {@code null} for a pocket price of zero
 */
public record PriceWaterfall(BigDecimal listPrice, BigDecimal invoicePrice, BigDecimal netPrice,
        BigDecimal pocketPrice, BigDecimal cost, BigDecimal pocketMarginPercent, boolean compound,
        List<Step> steps) {

    /** A deduction: {@code stage} is {@code on-invoice}, {@code off-invoice} or {@code fixed}. */
    public record Step(String name, String stage, BigDecimal percent, BigDecimal amount) {
    }

    /** A percentage condition of the terms, e.g. a 10 % on-invoice discount. */
    public record Discount(String name, BigDecimal percent) {
    }

    /** A fixed amount of the terms spread per unit, e.g. co-op advertising over the year's volume. */
    public record Allowance(String name, BigDecimal perUnit) {
    }

    public PriceWaterfall {
        steps = List.copyOf(steps);
    }

    public static PriceWaterfall of(BigDecimal listPrice, BigDecimal cost, List<Discount> onInvoice,
            List<Discount> offInvoice, List<Allowance> fixed, boolean compound) {
        List<Step> steps = new ArrayList<>();
        BigDecimal[] price = {listPrice};
        BigDecimal invoice = deduct(listPrice, price, onInvoice, "on-invoice", compound, steps);
        BigDecimal net = deduct(listPrice, price, offInvoice, "off-invoice", compound, steps);
        BigDecimal pocket = net;
        for (Allowance allowance : fixed) {
            BigDecimal amount = scaled(allowance.perUnit());
            pocket = pocket.subtract(amount);
            steps.add(new Step(allowance.name(), "fixed", null, Money.plain(amount)));
        }
        return new PriceWaterfall(Money.plain(listPrice), Money.plain(invoice), Money.plain(net), Money.plain(pocket),
                Money.plain(cost), Percent.of(pocket.subtract(cost), pocket), compound, steps);
    }

    /** Applies a stage's percentages to {@code price[0]}; returns the price the stage leaves. */
    private static BigDecimal deduct(BigDecimal list, BigDecimal[] price, List<Discount> discounts, String stage,
            boolean compound, List<Step> steps) {
        for (Discount d : discounts) {
            BigDecimal base = compound ? price[0] : list;
            BigDecimal amount = scaled(base.multiply(d.percent()).divide(Percent.HUNDRED));
            price[0] = price[0].subtract(amount);
            steps.add(new Step(d.name(), stage, Money.plain(d.percent()), Money.plain(amount)));
        }
        return price[0];
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }
}
