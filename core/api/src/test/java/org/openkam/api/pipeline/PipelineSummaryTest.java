package org.openkam.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PipelineSummaryTest {

    private static Opportunity opportunity(String value, String currency, int probability, OpportunityStatus status) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new Opportunity("o-" + value, "a-1", "Line " + value, null, new BigDecimal(value), currency, "develop",
                probability, null, LocalDate.of(2026, 9, 30), status, status.equals(OpportunityStatus.OPEN) ? null : "why",
                null, "call", LocalDate.of(2026, 4, 1), OurPosition.CHALLENGER, List.of(), "u-1", 1, now, now);
    }

    @Test
    void sumsOpenOpportunitiesPerCurrency() {
        PipelineSummary s = PipelineSummary.of(List.of(
                opportunity("1000", "EUR", 25, OpportunityStatus.OPEN),        // weighted 250.00
                opportunity("333.33", "EUR", 33, OpportunityStatus.OPEN),      // weighted 110.00 (109.9989)
                opportunity("250000.50", "USD", 50, OpportunityStatus.OPEN),   // weighted 125000.25
                opportunity("90000", "EUR", 100, OpportunityStatus.WON),       // closed: left out
                opportunity("70000", "USD", 0, OpportunityStatus.LOST)));      // closed: left out
        assertEquals(3, s.openCount());
        assertEquals(Map.of("EUR", new BigDecimal("1333.33"), "USD", new BigDecimal("250000.5")), s.openValue());
        assertEquals(Map.of("EUR", new BigDecimal("360.00"), "USD", new BigDecimal("125000.25")), s.weightedValue());
        assertEquals(List.of("EUR", "USD"), List.copyOf(s.openValue().keySet()));
    }

    @Test
    void weightedTotalAddsTheRoundedFiguresAReaderSees() {
        // 0.005 + 0.005 is 0.01 exactly, but each rounds to 0.01 on its own: the total shows 0.02
        PipelineSummary s = PipelineSummary.of(List.of(opportunity("0.05", "EUR", 10, OpportunityStatus.OPEN),
                opportunity("0.050", "EUR", 10, OpportunityStatus.OPEN)));
        assertEquals(new BigDecimal("0.02"), s.weightedValue().get("EUR"));
        assertEquals(new BigDecimal("0.1"), s.openValue().get("EUR"));
    }

    @Test
    void noOpenOpportunitiesIsAnEmptyPipeline() {
        PipelineSummary s = PipelineSummary.of(List.of(opportunity("5", "EUR", 100, OpportunityStatus.WON)));
        assertEquals(new PipelineSummary(0, Map.of(), Map.of()), s);
    }

    @Test
    void anOpportunityCarriesItsDerivedWeightedValueOnly() {
        Opportunity o = opportunity("1000", "EUR", 25, OpportunityStatus.OPEN);
        assertEquals(new BigDecimal("250.00"), o.weightedValue());
        assertThrows(IllegalArgumentException.class, () -> new Opportunity(o.id(), o.accountId(), o.name(), null,
                o.value(), o.currency(), o.stage(), 25, new BigDecimal("300"), o.expectedCloseDate(), o.status(), null,
                null, o.nextStep(), o.nextStepDue(), o.ourPosition(), List.of(), o.owner(), 1, o.createdAt(),
                o.updatedAt()));
    }
}
