package org.openkam.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkam.api.Violation;

class OpportunityDraftTest {

    static final List<PipelineStage> STAGES = List.of(new PipelineStage("qualify", 10),
            new PipelineStage("develop", 25), new PipelineStage("propose", 50), new PipelineStage("negotiate", 75),
            new PipelineStage("commit", 90));

    static OpportunityDraft draft(String value, String currency, String stage, Integer probability, String nextStep,
            LocalDate nextStepDue, List<Competitor> competitors) {
        return new OpportunityDraft("Line 3 retrofit", null, value == null ? null : new BigDecimal(value), currency,
                stage, probability, LocalDate.of(2026, 9, 30), nextStep, nextStepDue, OurPosition.TOP_SUPPLIER,
                competitors, null);
    }

    static OpportunityDraft valid() {
        return draft("480000", "EUR", "develop", null, "Site visit with the plant manager", LocalDate.of(2026, 4, 2),
                List.of(new Competitor("Konkurrent AG", "price", "service", OurPosition.INCUMBENT)));
    }

    private static List<String> fields(OpportunityDraft d) {
        return d.normalized().validate(STAGES).list().stream().map(Violation::field).collect(Collectors.toList());
    }

    @Test
    void aValidDraftHasNoViolations() {
        assertTrue(fields(valid()).isEmpty(), () -> fields(valid()).toString());
    }

    @Test
    void normalizingTrimsAndCanonicalizes() {
        OpportunityDraft d = new OpportunityDraft("  Line 3 ", " ", new BigDecimal("480000.500"), " eur ",
                " Develop ", null, null, "  call  ", null, null,
                List.of(new Competitor(" Konkurrent AG ", "", " cheap ", null)), " ").normalized();
        assertEquals("Line 3", d.name());
        assertNull(d.description());
        assertEquals(new BigDecimal("480000.5"), d.value());
        assertEquals("EUR", d.currency());
        assertEquals("develop", d.stage());
        assertEquals("call", d.nextStep());
        assertNull(d.owner());
        assertEquals(new Competitor("Konkurrent AG", null, "cheap", null), d.competitors().get(0));
    }

    @Test
    void theProbabilityFollowsTheStageUnlessOverridden() {
        assertEquals(25, valid().effectiveProbability(STAGES));
        assertEquals(40, draft("1", "EUR", "develop", 40, "x", LocalDate.now(), null).effectiveProbability(STAGES));
        assertEquals(0, draft("1", "EUR", "develop", 0, "x", LocalDate.now(), null).effectiveProbability(STAGES));
        assertNull(draft("1", "EUR", "won", null, "x", LocalDate.now(), null).effectiveProbability(STAGES));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "probability below 0, 1000, EUR, develop, -1, probability",
        "probability above 100, 1000, EUR, develop, 101, probability",
        "currency not ISO 4217, 1000, EURO, develop, , currency",
        "currency unknown code, 1000, ABC, develop, , currency",
        "currency missing, 1000, , develop, , currency",
        "unknown stage, 1000, EUR, closing, , stage",
        "stage missing, 1000, EUR, , , stage",
        "value zero, 0, EUR, develop, , value",
        "value negative, -5, EUR, develop, , value",
        "value five decimals, 1.00001, EUR, develop, , value",
        "value missing, , EUR, develop, , value"
    })
    void badFieldsAreNamed(String why, String value, String currency, String stage, Integer probability,
            String field) {
        assertEquals(List.of(field), fields(draft(value, currency, stage, probability, "call",
                LocalDate.of(2026, 4, 2), List.of())));
    }

    @Test
    void anUnknownStageListsTheAllowedOnes() {
        String message = draft("1", "EUR", "closing", null, "x", LocalDate.now(), null).normalized().validate(STAGES)
                .list().get(0).message();
        assertEquals("must be one of qualify, develop, propose, negotiate, commit", message);
    }

    @Test
    void anOpenOpportunityNeedsANextStepWithADueDate() {
        assertEquals(List.of("nextStep", "nextStepDue"), fields(draft("1000", "EUR", "develop", null, "  ", null,
                List.of())));
        assertEquals(List.of("nextStepDue"), fields(draft("1000", "EUR", "develop", null, "call", null, List.of())));
    }

    @Test
    void atMostTenCompetitors() {
        List<Competitor> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> new Competitor("Supplier " + i, null,
                null, null)).toList();
        assertEquals(List.of("competitors"), fields(draft("1000", "EUR", "develop", null, "call",
                LocalDate.of(2026, 4, 2), eleven)));
        assertTrue(fields(draft("1000", "EUR", "develop", null, "call", LocalDate.of(2026, 4, 2),
                eleven.subList(0, 10))).isEmpty());
    }

    @Test
    void competitorNamesAreUniqueIgnoringCaseAndRequired() {
        List<Competitor> competitors = new ArrayList<>();
        competitors.add(new Competitor("Konkurrent AG", null, null, OurPosition.INCUMBENT));
        competitors.add(new Competitor("Other Corp", null, null, null));
        competitors.add(new Competitor(" konkurrent ag ", null, null, null));
        competitors.add(new Competitor(" ", "x".repeat(2001), null, null));
        competitors.add(null);
        OpportunityDraft d = draft("1000", "EUR", "develop", null, "call", LocalDate.of(2026, 4, 2), competitors);
        List<Violation> violations = d.normalized().validate(STAGES).list();
        assertEquals(List.of("competitors[2].name", "competitors[3].name", "competitors[3].strengths", "competitors[4]"),
                violations.stream().map(Violation::field).toList());
        assertEquals("is already listed as competitors[0]", violations.get(0).message());
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        OpportunityDraft d = new OpportunityDraft(" ", null, new BigDecimal("-1"), "EURO", "closing", 150, null, null,
                null, null, List.of(new Competitor(null, null, null, null)), null);
        assertEquals(List.of("name", "value", "currency", "stage", "probability", "expectedCloseDate", "nextStep",
                "nextStepDue", "ourPosition", "competitors[0].name"), fields(d));
    }
}
