package org.openkam.api.money;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Exchange rates and the reporting currency. Rates are euro reference rates by day; the rate for a day is the one
 * published on the latest day on or before it, within a few days (the ECB publishes on working days only). Every
 * caller may read rates; importing them needs an administrator.
 */
@ProviderType
public interface ExchangeRates {

    /** The currency figures are reported in, as configured (ISO 4217). */
    String reportingCurrency();

    /** The rate from one currency to another for the day, if the rates of both are known. */
    Optional<AppliedRate> rate(String from, String to, LocalDate day);

    /** The rates in force on the day, one per currency, by currency. */
    List<ExchangeRate> rates(LocalDate day);

    /**
     * Converts amounts per currency into {@code currency} at the rates of the day; what has no rate is reported
     * per currency in {@link Conversion#unconverted()}.
     */
    Conversion convert(Map<String, BigDecimal> amounts, String currency, LocalDate day);

    /**
     * Imports euro reference rates in the layout the ECB publishes ({@code eurofxref-hist.csv}: a header
     * {@code Date,USD,JPY,...}, one line per day, {@code N/A} or empty where there is no rate). All or nothing: a
     * bad line fails the import naming {@code line <n>.<column>} and nothing is stored.
     *
     * @throws org.openkam.api.ValidationException naming every bad cell
     * @throws org.openkam.api.AccessDeniedException unless the caller is an administrator
     */
    RateImport importEcb(Caller caller, Reader csv) throws IOException;
}
