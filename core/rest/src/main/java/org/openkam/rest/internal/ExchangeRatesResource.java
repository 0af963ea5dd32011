package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.ValidationException;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.money.RateImport;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /exchange-rates}: the rates in force on a day with the reporting currency, and the import of the ECB's
 * euro reference rates file (administrators; all or nothing).
 */
@Component
public final class ExchangeRatesResource implements ApiRoutes {

    private final ExchangeRates rates;

    @Activate
    public ExchangeRatesResource(@Reference ExchangeRates rates) {
        this.rates = rates;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("exchange-rates");
    }

    @Override
    public void define(RouteTable router) {
        router.get("/exchange-rates", ex -> {
            LocalDate day = day(ex);
            return Map.of("reportingCurrency", rates.reportingCurrency(), "asOf", day, "rates", rates.rates(day));
        }).post("/exchange-rates/ecb", this::importEcb);
    }

    private RateImport importEcb(Exchange ex) throws IOException {
        String type = ex.request().getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the ECB's eurofxref-hist.csv as the body with Content-Type text/csv"));
        }
        try (Reader in = new InputStreamReader(ex.request().getInputStream(), StandardCharsets.UTF_8)) {
            return rates.importEcb(ex.caller(), in);
        }
    }

    private static LocalDate day(Exchange ex) {
        String text = ex.query("date");
        if (text == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("date", "must be a date such as 2027-03-31");
        }
    }
}
