package org.openkam.registry.internal.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.Conversion;
import org.openkam.api.money.ExchangeRate;

/** Conversions on a worked example: through the euro, with the rates named and a currency without a rate. */
class RatesOfDayTest {

    static final LocalDate FRIDAY = LocalDate.of(2027, 3, 5);
    static final LocalDate MONDAY = LocalDate.of(2027, 3, 8);

    final RatesOfDay rates = new RatesOfDay(MONDAY, List.of(
            new ExchangeRate("USD", MONDAY, new BigDecimal("1.25")),
            new ExchangeRate("GBP", FRIDAY, new BigDecimal("0.8")),
            new ExchangeRate("JPY", MONDAY, new BigDecimal("160"))));

    @Test
    void mixedCurrenciesConvertThroughTheEuroAndAMissingRateStaysApart() {
        // 1000 EUR + 250 USD (= 200 EUR) + 80 GBP (= 100 EUR) + 500 CHF (no rate)
        Conversion c = rates.convert(Map.of("EUR", new BigDecimal("1000"), "USD", new BigDecimal("250"),
                "GBP", new BigDecimal("80"), "CHF", new BigDecimal("500")), "EUR");
        assertEquals(new BigDecimal("1300.0000"), c.total());
        assertEquals(Map.of("CHF", new BigDecimal("500")), c.unconverted());
        assertFalse(c.complete());
        assertEquals(List.of(new AppliedRate("GBP", "EUR", new BigDecimal("1.25"), FRIDAY),
                new AppliedRate("USD", "EUR", new BigDecimal("0.8"), MONDAY)), c.rates());
    }

    @Test
    void aCrossRateTakesBothLegsAndTheOlderDay() {
        // 1 GBP = 1.25 / 0.8 USD; the GBP leg was published on Friday
        assertEquals(new AppliedRate("GBP", "USD", new BigDecimal("1.5625"), FRIDAY),
                rates.rate("GBP", "USD").orElseThrow());
        Conversion c = rates.convert(Map.of("GBP", new BigDecimal("100"), "USD", new BigDecimal("10")), "USD");
        assertEquals(new BigDecimal("166.2500"), c.total());
        assertEquals(new BigDecimal("0.0078125"), rates.rate("JPY", "USD").orElseThrow().rate());
        assertEquals(List.of(), rates.convert(Map.of(), "USD").rates());
    }
}
