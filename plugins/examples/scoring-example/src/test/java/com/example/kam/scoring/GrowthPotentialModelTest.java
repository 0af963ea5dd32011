package com.example.kam.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.Score;

class GrowthPotentialModelTest {

    private final GrowthPotentialModel model = new GrowthPotentialModel(70, 2);

    private static AccountFacts.Builder account(String sales, String potential) {
        return AccountFacts.builder("a-1", "industrial").currency("EUR").annualSales(new BigDecimal(sales))
                .potential(new BigDecimal(potential));
    }

    @Test
    void theWorkedExample() {
        // 6,000,000 over three years = 2,000,000 a year; we sell 1,000,000: 1,000,000 goes to others, 1 x sales.
        // Headroom rating 100 * 1 / 2 = 50; position 80. Score 0.7 * 50 + 0.3 * 80 = 35 + 24 = 59.
        Score s = model.score(account("1000000", "6000000").competitivePosition(new BigDecimal("80")).build());
        assertEquals(new BigDecimal("59.0"), s.value());
        assertEquals("develop", s.classification().id());
        assertEquals(new BigDecimal("1000000.00"), s.measures().get("headroom"));

        FactorContribution headroom = s.contributions().get(0);
        assertEquals("headroom", headroom.factor());
        assertEquals("1000000 EUR a year to others, 100 % of sales", headroom.input());
        assertEquals(new BigDecimal("50.0"), headroom.value());
        assertEquals(new BigDecimal("0.7000"), headroom.weight());
        assertEquals(new BigDecimal("35.00"), headroom.contribution());

        FactorContribution position = s.contributions().get(1);
        assertEquals("competitive-position", position.factor());
        assertEquals("80 of 100", position.input());
        assertEquals(new BigDecimal("0.3000"), position.weight());
        assertEquals(new BigDecimal("24.00"), position.contribution());
        assertEquals(0, s.value().compareTo(headroom.contribution().add(position.contribution())),
                "the contributions explain the whole score");
    }

    @Test
    void anUnknownPositionLeavesTheWholeScoreToTheHeadroom() {
        Score s = model.score(account("1000000", "6000000").build());
        assertEquals(new BigDecimal("50.0"), s.value());
        FactorContribution position = s.contributions().get(1);
        assertNull(position.value(), "unknown, not zero");
        assertNull(position.input());
        assertEquals(new BigDecimal("0.0000"), position.weight());
        assertEquals(new BigDecimal("1.0000"), s.contributions().get(0).weight());
    }

    @ParameterizedTest(name = "sales {0}, potential {1}, position {2} -> {3} ({4})")
    @CsvSource({
        // headroom 1,500,000 = 3 x sales: capped at 100; 0.7 * 100 + 0.3 * 100
        "500000, 6000000, 100, 100.0, grow",
        // sales above the annual spend: no headroom; 0.3 * 100 = 30 is the lower edge of develop
        "3000000, 6000000, 100, 30.0, develop",
        // headroom 400 = 0.5 x sales of 800: rating 25; 0.7 * 25 + 0.3 * 40 = 17.5 + 12 = 29.5
        "800, 3600, 40, 29.5, hold",
        // headroom 1,200 = 1.5 x sales: rating 75; 0.7 * 75 + 0.3 * 25 = 52.5 + 7.5 = 60, the lower edge of grow
        "800, 6000, 25, 60.0, grow",
        // no sales yet: all of the spend is headroom and rates 100; 0.7 * 100 + 0.3 * 0
        "0, 300, 0, 70.0, grow"
    })
    void workedExamples(String sales, String potential, String position, String score, String cls) {
        Score s = model.score(account(sales, potential).competitivePosition(new BigDecimal(position)).build());
        assertEquals(new BigDecimal(score), s.value());
        assertEquals(cls, s.classification().id());
    }

    @Test
    void theWeightAndTheSaturationAreParameters() {
        // all on the headroom, which rates 100 * 1 / 4 = 25 with a saturation of 4
        Score s = new GrowthPotentialModel(100, 4).score(account("1000000", "6000000")
                .competitivePosition(new BigDecimal("90")).build());
        assertEquals(new BigDecimal("25.0"), s.value());
        assertEquals("hold", s.classification().id());
        assertEquals(new BigDecimal("0.00"), s.contributions().get(1).contribution());
    }

    @Test
    void withoutSalesOrPotentialThereIsNoScore() {
        assertNull(model.score(AccountFacts.builder("a", "u").potential(BigDecimal.TEN).build()));
        assertNull(model.score(AccountFacts.builder("a", "u").annualSales(BigDecimal.TEN).build()));
        assertNull(model.score(account("10", "0").build()));
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GrowthPotentialModel(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> new GrowthPotentialModel(100.5, 2));
        assertThrows(IllegalArgumentException.class, () -> new GrowthPotentialModel(70, 0));
        assertThrows(IllegalArgumentException.class, () -> new GrowthPotentialModel(Double.NaN, 2));
    }

    @Test
    void theDescriptionNamesTheParameters() {
        ModelDescription d = new GrowthPotentialModel(60, 1.5).description();
        assertEquals("Growth potential (example)", d.name());
        assertEquals(List.of("headroom.weight", "headroom.saturation"), List.copyOf(d.parameters().keySet()));
        assertEquals("60", d.parameters().get("headroom.weight"));
        assertEquals("1.5", d.parameters().get("headroom.saturation"));
        assertTrue(d.summary().contains("competitive position 40 %"), d.summary());
        // the engine accepts lower-case words joined by hyphens or dots
        assertTrue(model.id().matches("[a-z0-9](?:[a-z0-9.-]{0,98}[a-z0-9])?"), model.id());
    }
}
