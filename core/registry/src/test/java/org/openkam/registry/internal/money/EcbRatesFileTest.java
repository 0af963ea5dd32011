package org.openkam.registry.internal.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.money.ExchangeRate;

/** The ECB's published layout: the trailing comma, N/A cells, and every bad cell named by line and column. */
class EcbRatesFileTest {

    @Test
    void thePublishedLayoutReadsWithNaCellsCountedAsMissing() throws Exception {
        EcbRatesFile file = EcbRatesFile.read(new StringReader("""
                Date,USD,JPY,CYP,GBP,
                2027-03-08,1.0823,161.47,N/A,0.8412,
                2027-03-05,1.0801,160.9,N/A,0.8399,
                """));
        assertEquals(Set.of(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 5)), file.days());
        assertEquals(6, file.rates().size());
        assertEquals(2, file.missing());
        assertEquals(new ExchangeRate("USD", LocalDate.of(2027, 3, 8), new BigDecimal("1.0823")), file.rates().get(0));
    }

    @Test
    void badCellsAreNamedByLineAndColumn() {
        ValidationException e = assertThrows(ValidationException.class, () -> EcbRatesFile.read(new StringReader("""
                Date,USD,JPY
                2027-03-08,1.0823,abc
                08.03.2027,-1,160
                """)));
        assertEquals(List.of(new Violation("line 2.JPY", "must be a rate such as 1.0823 or N/A"),
                new Violation("line 3.Date", "must be a date such as 2027-03-31"),
                new Violation("line 3.USD", "must be a positive rate")), e.violations());
    }

    @Test
    void aHeaderThatIsNotTheEcbsIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> EcbRatesFile.read(new StringReader("Day,USD\n2027-03-08,1.1\n")));
        assertEquals("line 1.Date", e.violations().get(0).field());
        ValidationException euro = assertThrows(ValidationException.class,
                () -> EcbRatesFile.read(new StringReader("Date,EUR,XYZ\n")));
        assertEquals(List.of("line 1.EUR", "line 1.XYZ"), euro.violations().stream().map(Violation::field).toList());
    }
}
