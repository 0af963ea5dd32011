package org.openkam.hierarchy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.ExchangeRates;

/**
 * Converts sums per currency into the reporting currency at one day's rates, asking {@link ExchangeRates} once per
 * currency (a rollup touches few currencies and many nodes), and remembers the rates it used. One per answer.
 */
final class ReportingConverter {

    private static final int SCALE = 4;
    private final ExchangeRates rates;
    private final String currency;
    private final LocalDate day;
    private final Map<String, Optional<AppliedRate>> known = new HashMap<>();

    ReportingConverter(ExchangeRates rates, LocalDate day) {
        this.rates = rates;
        this.currency = rates.reportingCurrency();
        this.day = day;
    }

    String currency() {
        return currency;
    }

    Money convert(Amounts amounts) {
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> unconverted = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> e : amounts.byCurrency().entrySet()) {
            Optional<AppliedRate> rate = known.computeIfAbsent(e.getKey(), from -> rates.rate(from, currency, day));
            if (rate.isPresent()) {
                total = total.add(e.getValue().multiply(rate.get().rate()));
            } else {
                unconverted.put(e.getKey(), e.getValue());
            }
        }
        return new Money(total.setScale(SCALE, RoundingMode.HALF_EVEN), unconverted);
    }

    /** The rates used so far, other than the reporting currency's own, by currency. */
    List<AppliedRate> used() {
        List<AppliedRate> out = new ArrayList<>();
        new TreeMap<>(known).forEach((from, rate) -> rate.filter(r -> !from.equals(currency)).ifPresent(out::add));
        return out;
    }
}
