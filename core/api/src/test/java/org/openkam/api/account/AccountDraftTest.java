package org.openkam.api.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkam.api.Violation;

class AccountDraftTest {

    private static AccountDraft draft(String country, String currency, BigDecimal sales, BigDecimal margin,
            BigDecimal potential) {
        return new AccountDraft("retail", "Alpine Retail", null, null, country, null, null, null, null, sales, margin,
                potential, currency, Map.of());
    }

    private static List<String> fields(AccountDraft d) {
        return d.normalized().validate().list().stream().map(Violation::field).collect(Collectors.toList());
    }

    @Test
    void normalizingTrimsUppercasesCodesAndFillsDefaults() {
        AccountDraft d = new AccountDraft(" retail ", "  Alpine  ", " ", null, "ch", null, null, null, "", null, null,
                null, "chf", null).normalized();
        assertEquals("retail", d.businessUnit());
        assertEquals("Alpine", d.name());
        assertNull(d.legalName());
        assertNull(d.owner());
        assertEquals("CH", d.country());
        assertEquals("CHF", d.currency());
        assertEquals(AccountStatus.PROSPECT, d.status());
        assertEquals(KeyAccountTier.NONE, d.tier());
        assertEquals(Map.of(), d.attributes());
    }

    @Test
    void aValidDraftHasNoViolations() {
        assertTrue(fields(draft("DE", "EUR", new BigDecimal("1250000.50"), new BigDecimal("-300.25"),
                new BigDecimal("4000000"))).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "country not ISO 3166, Germany, EUR, 1, country",
        "country unknown code, XX, EUR, 1, country",
        "currency not ISO 4217, DE, EURO, 1, currency",
        "currency unknown code, DE, ABC, 1, currency",
        "negative sales, DE, EUR, -1, annualSales",
        "five decimals, DE, EUR, 1.00001, annualSales",
        "sixteen digits, DE, EUR, 1000000000000000, annualSales"
    })
    void badFieldsAreNamed(String why, String country, String currency, String sales, String field) {
        assertEquals(List.of(field), fields(draft(country, currency, new BigDecimal(sales), null, null)));
    }

    @Test
    void figuresNeedACurrency() {
        assertEquals(List.of("currency"), fields(draft("DE", null, null, new BigDecimal("10"), null)));
        assertTrue(fields(draft("DE", null, null, null, null)).isEmpty());
    }

    @Test
    void marginMayBeNegativeButPotentialMayNot() {
        assertEquals(List.of("potential"), fields(draft("DE", "EUR", null, new BigDecimal("-5"), new BigDecimal("-5"))));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        AccountDraft d = new AccountDraft(null, "", null, null, "Germany", null, null, null, null,
                new BigDecimal("-1"), null, null, "EURO", Map.of("1bad", "x"));
        assertEquals(List.of("businessUnit", "name", "country", "annualSales", "currency", "attributes"), fields(d));
    }

    @Test
    void attributesAreBounded() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= AccountDraft.MAX_ATTRIBUTES; i++) {
            many.put("key" + i, "v");
        }
        AccountDraft tooMany = new AccountDraft("retail", "A", null, null, null, null, null, null, null, null, null,
                null, null, many);
        assertEquals(List.of("attributes"), fields(tooMany));
        AccountDraft longValue = new AccountDraft("retail", "A", null, null, null, null, null, null, null, null, null,
                null, null, Map.of("note", "x".repeat(AccountDraft.MAX_ATTRIBUTE_VALUE + 1)));
        assertEquals(List.of("attributes.note"), fields(longValue));
    }

    @Test
    void amountsAreKeptCanonical() {
        assertEquals("1200.5", AccountDraft.canonical(new BigDecimal("1200.50")).toPlainString());
        assertEquals("1000", AccountDraft.canonical(new BigDecimal("1E+3")).toPlainString());
        assertEquals(0, AccountDraft.canonical(new BigDecimal("0.000")).scale());
        assertNull(AccountDraft.canonical(null));
    }
}
