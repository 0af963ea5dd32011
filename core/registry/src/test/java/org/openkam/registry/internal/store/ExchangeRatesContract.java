package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.AccessDeniedException;
import org.openkam.api.ValidationException;
import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.Conversion;
import org.openkam.api.money.ExchangeRate;
import org.openkam.api.money.RateImport;
import org.openkam.registry.internal.money.ExchangeRateService;

/**
 * Exchange rates on every supported database: the ECB file imported all or nothing, re-imported days replaced, a
 * day's rate the latest within the look-back. Rates are global, so each test uses a year of its own.
 */
abstract class ExchangeRatesContract {

    StoreFixture f;
    ExchangeRateService rates;

    abstract DataSource dataSource();

    @BeforeEach
    void fixture() {
        f = new StoreFixture(dataSource());
        rates = new ExchangeRateService(f.database, "EUR", 7);
    }

    @Test
    void importedRatesAreReadAsOfADayWithTheLatestPublishedBeforeIt() throws Exception {
        RateImport result = rates.importEcb(f.admin, new StringReader("""
                Date,USD,GBP,CYP,
                2031-03-06,1.2,0.8,N/A,
                2031-03-05,1.1,0.79,N/A,
                """));
        assertEquals(new RateImport(2, 4, 2), result);
        LocalDate sunday = LocalDate.of(2031, 3, 9);
        assertEquals(List.of(new ExchangeRate("GBP", LocalDate.of(2031, 3, 6), new BigDecimal("0.8")),
                new ExchangeRate("USD", LocalDate.of(2031, 3, 6), new BigDecimal("1.2"))), rates.rates(sunday));
        assertEquals(Optional.of(new AppliedRate("USD", "EUR", new BigDecimal("0.8333333333"),
                LocalDate.of(2031, 3, 6))), rates.rate("USD", "EUR", sunday));
        assertEquals(Optional.empty(), rates.rate("USD", "EUR", LocalDate.of(2031, 3, 14)), "beyond the look-back");
        Conversion c = rates.convert(Map.of("USD", new BigDecimal("120"), "CHF", BigDecimal.TEN), "EUR", sunday);
        assertEquals(new BigDecimal("100.0000"), c.total());
        assertEquals(Map.of("CHF", BigDecimal.TEN), c.unconverted());
    }

    @Test
    void aReimportReplacesTheDaysItHoldsAndABadFileStoresNothing() throws Exception {
        rates.importEcb(f.admin, new StringReader("Date,USD,JPY\n2032-01-05,1.1,150\n"));
        rates.importEcb(f.admin, new StringReader("Date,USD\n2032-01-05,1.3\n"));
        LocalDate day = LocalDate.of(2032, 1, 5);
        assertEquals(List.of(new ExchangeRate("USD", day, new BigDecimal("1.3"))), rates.rates(day));

        ValidationException e = assertThrows(ValidationException.class, () -> rates.importEcb(f.admin,
                new StringReader("Date,USD\n2032-01-06,1.4\n2032-01-07,x\n")));
        assertEquals("line 3.USD", e.violations().get(0).field());
        assertEquals(day, rates.rates(LocalDate.of(2032, 1, 6)).get(0).day(), "nothing of the bad file stored");
        assertThrows(AccessDeniedException.class,
                () -> rates.importEcb(f.kamA, new StringReader("Date,USD\n2032-01-06,1.4\n")));
        assertTrue(rates.rates(LocalDate.of(2032, 2, 1)).isEmpty());
    }
}
