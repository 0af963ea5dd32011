package org.openkam.api.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A euro reference rate: on {@code day}, 1 EUR was {@code perEuro} units of {@code currency}.
 *
 * @param currency ISO 4217 code, never {@code EUR}
 * @param day the day the rate was published for
 * @param perEuro units of the currency per euro, positive
 */
public record ExchangeRate(String currency, LocalDate day, BigDecimal perEuro) {

    public ExchangeRate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(day, "day");
        if (perEuro == null || perEuro.signum() <= 0) {
            throw new IllegalArgumentException("perEuro must be positive");
        }
    }
}
