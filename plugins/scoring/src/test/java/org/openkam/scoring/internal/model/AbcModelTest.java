package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.PortfolioContext;
import org.openkam.api.scoring.Score;

class AbcModelTest {

    private static final BigDecimal A = new BigDecimal("0.80");
    private static final BigDecimal B = new BigDecimal("0.95");

    @ParameterizedTest(name = "share before {0} -> {1}")
    @CsvSource({
        "0, A",
        "0.5, A",
        "0.799999, A",
        "0.8, B",
        "0.800001, B",
        "0.949999, B",
        "0.95, C",
        "0.999, C"
    })
    void classesAtTheCutOffs(String shareBefore, String abc) {
        assertEquals(abc, AbcModel.classify(new BigDecimal(shareBefore), A, B).name());
    }

    /** Sales 50, 30, 15, 5: cumulative 50, 80, 95, 100 % -> A, A, B, C; scores 100, 50, 20, 5. */
    @Test
    void theWorkedExampleWithCumulativeSharesExactlyAtTheCutOffs() {
        List<Score> scores = scores(new AbcModel(80, 95), 50, 30, 15, 5);
        assertEquals(List.of("A", "A", "B", "C"), classes(scores));
        assertEquals(List.of(new BigDecimal("100.0"), new BigDecimal("50.0"), new BigDecimal("20.0"),
                new BigDecimal("5.0")), scores.stream().map(Score::value).toList());
        assertEquals(new BigDecimal("80.00"), scores.get(1).measures().get("cumulativeSalesShare"));
        assertEquals(new BigDecimal("2"), scores.get(1).measures().get("salesRank"));
    }

    @Test
    void theAccountCrossingALineBelongsToTheBetterClass() {
        // 90, 5, 5: the first account alone crosses 80 % and is A; the second crosses 95 % and is B
        assertEquals(List.of("A", "B", "C"), classes(scores(new AbcModel(80, 95), 90, 5, 5)));
        // 80, 15, 5: exactly 80 % after the first: the second starts at 80 % and is B, the third starts at 95 %: C
        assertEquals(List.of("A", "B", "C"), classes(scores(new AbcModel(80, 95), 80, 15, 5)));
        // configurable cut-offs, on shares before of 0, 50, 80 and 95 %: 70 / 90 -> A, A, B, C; 50 / 80 -> A, B, C, C
        assertEquals(List.of("A", "A", "B", "C"), classes(scores(new AbcModel(70, 90), 50, 30, 15, 5)));
        assertEquals(List.of("A", "B", "C", "C"), classes(scores(new AbcModel(50, 80), 50, 30, 15, 5)));
    }

    @Test
    void accountsWithoutKnownSalesAreNotClassified() {
        assertNull(new AbcModel(80, 95).score(AccountFacts.builder("a", "u").build()));
        assertThrows(IllegalArgumentException.class, () -> new AbcModel(90, 80));
        assertThrows(IllegalArgumentException.class, () -> new AbcModel(0, 80));
    }

    /** Scores accounts with these sales, given largest first, as the engine would rank them. */
    static List<Score> scores(AbcModel model, long... sales) {
        long total = 0;
        for (long s : sales) {
            total += s;
        }
        List<Score> out = new ArrayList<>();
        long cumulative = 0;
        for (int i = 0; i < sales.length; i++) {
            cumulative += sales[i];
            PortfolioContext p = PortfolioContext.builder().peers(sales.length).totalSales(BigDecimal.valueOf(total))
                    .salesRank(i + 1).salesShare(BigDecimal.valueOf(sales[i]).divide(BigDecimal.valueOf(total)))
                    .cumulativeSalesShare(BigDecimal.valueOf(cumulative).divide(BigDecimal.valueOf(total))).build();
            out.add(model.score(AccountFacts.builder("a" + i, "u").annualSales(BigDecimal.valueOf(sales[i]))
                    .currency("EUR").attributes(Map.of()).portfolio(p).build()));
        }
        return out;
    }

    private static List<String> classes(List<Score> scores) {
        return scores.stream().map(s -> s.classification().id()).toList();
    }
}
