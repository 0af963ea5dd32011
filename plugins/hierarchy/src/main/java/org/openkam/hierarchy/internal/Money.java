package org.openkam.hierarchy.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A figure in the reporting currency: {@code amount} sums what could be converted; {@code unconverted} holds, per
 * currency, what had no rate on the day and is therefore not in {@code amount}.
 */
public record Money(BigDecimal amount, Map<String, BigDecimal> unconverted) {
}
