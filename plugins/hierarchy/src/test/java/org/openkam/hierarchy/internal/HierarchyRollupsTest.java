package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.Conversion;
import org.openkam.api.money.ExchangeRate;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.money.RateImport;

/**
 * A worked example: a holding in EUR over EMEA (a grouping node) with a German (EUR), a British (GBP) and a Swiss
 * (CHF) subsidiary. 1 GBP = 1.25 EUR on the day; there is no CHF rate, so the Swiss sales stay apart.
 */
class HierarchyRollupsTest {

    static final LocalDate DAY = LocalDate.of(2027, 3, 8);
    static final AppliedRate GBP_EUR = new AppliedRate("GBP", "EUR", new BigDecimal("1.25"), DAY.minusDays(3));

    /** EUR reporting; GBP known; nothing else. */
    static final ExchangeRates RATES = new ExchangeRates() {
        @Override
        public String reportingCurrency() {
            return "EUR";
        }

        @Override
        public Optional<AppliedRate> rate(String from, String to, LocalDate day) {
            if (from.equals(to)) {
                return Optional.of(new AppliedRate(from, to, BigDecimal.ONE, day));
            }
            return from.equals("GBP") && day.equals(DAY) ? Optional.of(GBP_EUR) : Optional.empty();
        }

        @Override
        public List<ExchangeRate> rates(LocalDate day) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Conversion convert(Map<String, BigDecimal> amounts, String currency, LocalDate day) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RateImport importEcb(Caller caller, Reader csv) {
            throw new UnsupportedOperationException();
        }
    };

    static NodeFigures account(String currency, String sales, Map<String, BigDecimal> pipeline, int opportunities) {
        return new NodeFigures(Amounts.of(new BigDecimal(sales), currency), Amounts.NONE, Amounts.NONE,
                Amounts.of(pipeline), Amounts.NONE, 1, opportunities);
    }

    final Map<String, List<String>> tree = Map.of("holding", List.of("emea"), "emea", List.of("de", "uk", "ch"));
    final Map<String, NodeFigures> own = Map.of(
            "holding", account("EUR", "1000", Map.of(), 0),
            "de", account("EUR", "200", Map.of("EUR", new BigDecimal("100"), "GBP", new BigDecimal("40")), 2),
            "uk", account("GBP", "80", Map.of(), 0),
            "ch", account("CHF", "500", Map.of(), 1));

    static Money money(String amount, Map<String, BigDecimal> unconverted) {
        return new Money(new BigDecimal(amount), unconverted);
    }

    @Test
    void ownChildrenAndTotalInTheReportingCurrencyWithTheRatesUsedAndTheMissingRateApart() {
        SubtreeSums.Parts<NodeFigures> parts = SubtreeSums.of("holding", tree, own).get("holding");
        Rollup rollup = new HierarchyRollups(null, null, null, RATES).report("h", "holding", DAY, parts, 5, 0);

        assertEquals("EUR", rollup.currency());
        assertEquals(new Rollup.Part<>(money("1000.0000", Map.of()),
                money("300.0000", Map.of("CHF", new BigDecimal("500"))),
                money("1300.0000", Map.of("CHF", new BigDecimal("500")))), rollup.money().get("sales"));
        assertEquals(new Rollup.Part<>(money("0.0000", Map.of()), money("150.0000", Map.of()),
                money("150.0000", Map.of())), rollup.money().get("openPipeline"), "100 EUR + 40 GBP at 1.25");
        assertEquals(new Rollup.Part<>(1, 3, 4), rollup.counts().get("accounts"));
        assertEquals(new Rollup.Part<>(0, 3, 3), rollup.counts().get("opportunities"));
        assertEquals(List.of(GBP_EUR), rollup.rates(), "the one rate used; EUR needs none, CHF had none");
    }

    @Test
    void aGroupingNodeHasNoOwnFiguresAndALeafNoChildren() {
        Map<String, SubtreeSums.Parts<NodeFigures>> all = SubtreeSums.of("holding", tree, own);
        assertEquals(NodeFigures.NONE, all.get("emea").own());
        assertEquals(Amounts.of(Map.of("EUR", new BigDecimal("200"), "GBP", new BigDecimal("80"),
                "CHF", new BigDecimal("500"))), all.get("emea").total().sales());
        assertEquals(NodeFigures.NONE, all.get("uk").children());
        assertEquals(5, all.size());
    }

    @Test
    void onADayWithoutTheGbpRateTheBritishFiguresStayApartToo() {
        SubtreeSums.Parts<NodeFigures> parts = SubtreeSums.of("holding", tree, own).get("holding");
        Rollup rollup = new HierarchyRollups(null, null, null, RATES).report("h", "holding", DAY.plusDays(1), parts,
                5, 0);
        assertEquals(money("1200.0000", Map.of("CHF", new BigDecimal("500"), "GBP", new BigDecimal("80"))),
                rollup.money().get("sales").total());
        assertEquals(List.of(), rollup.rates());
    }

    @Test
    void aDeepChainSumsWithoutRecursion() {
        Map<String, List<String>> chain = new java.util.HashMap<>();
        Map<String, NodeFigures> figures = new java.util.HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            chain.put("n" + i, List.of("n" + (i + 1)));
            figures.put("n" + i, account("EUR", "1", Map.of(), 0));
        }
        assertEquals(200_000, SubtreeSums.of("n0", chain, figures).get("n0").total().accounts());
    }
}
