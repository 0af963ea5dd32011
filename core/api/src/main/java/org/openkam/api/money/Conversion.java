package org.openkam.api.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Amounts in several currencies converted into {@code currency} on {@code asOf}. {@code total} sums only what
 * could be converted; amounts of a currency without a rate stay in {@code unconverted}, per currency, never summed
 * into the total.
 *
 * @param currency the target currency
 * @param asOf the day whose rates were asked for
 * @param total the converted amounts' sum, in {@code currency}
 * @param rates the rates used, one per source currency converted
 * @param unconverted per currency, the amounts no rate was found for
 */
public record Conversion(String currency, LocalDate asOf, BigDecimal total, List<AppliedRate> rates,
        Map<String, BigDecimal> unconverted) {

    public Conversion {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
        rates = List.copyOf(rates);
        unconverted = Map.copyOf(unconverted);
    }

    /** True if every amount was converted, so {@code total} is the whole figure. */
    public boolean complete() {
        return unconverted.isEmpty();
    }
}
