package org.openkam.api.money;

/**
 * What an import of euro reference rates stored: the days of the file (each replaces the rates stored for that
 * day) and the rates; cells marked {@code N/A} are no rate and are counted in {@code missing}.
 */
public record RateImport(int days, int rates, int missing) {
}
