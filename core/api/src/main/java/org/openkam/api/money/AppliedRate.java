package org.openkam.api.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rate a conversion used: 1 {@code from} = {@code rate} {@code to}, from the euro rates published on
 * {@code publishedOn} (the latest day on or before the conversion's day; the older leg for a cross rate).
 */
public record AppliedRate(String from, String to, BigDecimal rate, LocalDate publishedOn) {
}
