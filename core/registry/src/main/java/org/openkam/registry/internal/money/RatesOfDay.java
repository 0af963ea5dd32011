package org.openkam.registry.internal.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.Conversion;
import org.openkam.api.money.ExchangeRate;

/**
 * The euro rates in force on one day, one per currency, and the arithmetic on them: a cross rate goes through the
 * euro (1 FROM = perEuro(TO) / perEuro(FROM) TO), as the ECB's reference rates are meant to be used.
 */
final class RatesOfDay {

    /** Rates keep 10 significant digits; amounts 4 decimals, as the registry stores money. */
    private static final MathContext RATE = new MathContext(10, RoundingMode.HALF_EVEN);
    private static final int AMOUNT_SCALE = 4;
    static final String EURO = "EUR";

    private final LocalDate day;
    private final Map<String, ExchangeRate> byCurrency = new TreeMap<>();

    RatesOfDay(LocalDate day, List<ExchangeRate> rates) {
        this.day = day;
        rates.forEach(r -> byCurrency.put(r.currency(), r));
    }

    List<ExchangeRate> rates() {
        return List.copyOf(byCurrency.values());
    }

    Optional<AppliedRate> rate(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(new AppliedRate(from, to, BigDecimal.ONE, day));
        }
        Optional<ExchangeRate> f = leg(from);
        Optional<ExchangeRate> t = leg(to);
        if (f.isEmpty() || t.isEmpty()) {
            return Optional.empty();
        }
        LocalDate published = f.get().day().isBefore(t.get().day()) ? f.get().day() : t.get().day();
        return Optional.of(new AppliedRate(from, to, t.get().perEuro().divide(f.get().perEuro(), RATE), published));
    }

    Conversion convert(Map<String, BigDecimal> amounts, String currency) {
        BigDecimal total = BigDecimal.ZERO.setScale(AMOUNT_SCALE);
        List<AppliedRate> used = new ArrayList<>();
        Map<String, BigDecimal> unconverted = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> amount : new TreeMap<>(amounts).entrySet()) {
            if (amount.getKey().equals(currency)) {
                total = total.add(amount.getValue());
                continue;
            }
            Optional<AppliedRate> rate = rate(amount.getKey(), currency);
            if (rate.isEmpty()) {
                unconverted.merge(amount.getKey(), amount.getValue(), BigDecimal::add);
            } else {
                used.add(rate.get());
                total = total.add(amount.getValue().multiply(rate.get().rate()));
            }
        }
        return new Conversion(currency, day, total.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN), used, unconverted);
    }

    /** The euro is its own leg, with rate 1 on the day asked for. */
    private Optional<ExchangeRate> leg(String currency) {
        return currency.equals(EURO) ? Optional.of(new ExchangeRate(EURO, day, BigDecimal.ONE))
                : Optional.ofNullable(byCurrency.get(currency));
    }
}
