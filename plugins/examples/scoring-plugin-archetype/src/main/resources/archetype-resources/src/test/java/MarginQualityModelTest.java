package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.Score;

class MarginQualityModelTest {

    private final MarginQualityModel model = new MarginQualityModel(30);

    private static AccountFacts account(String sales, String margin) {
        return AccountFacts.builder("account-1", "industrial").currency("EUR").annualSales(new BigDecimal(sales))
                .contributionMargin(new BigDecimal(margin)).build();
    }

    @Test
    void aWorkedExample() {
        // 150,000 margin on 1,000,000 sales: a rate of 15 %, half the 30 % target
        Score s = model.score(account("1000000", "150000"));
        assertEquals(new BigDecimal("50.0"), s.value());
        assertEquals("below-target", s.classification().id());
        assertEquals(new BigDecimal("15.00"), s.measures().get("marginRate"));
        assertEquals("15 %", s.contributions().get(0).input());
        assertEquals(new BigDecimal("50.00"), s.contributions().get(0).contribution());
    }

    @Test
    void theScoreStaysWithin0And100() {
        assertEquals(new BigDecimal("100.0"), model.score(account("1000", "400")).value());
        assertEquals("on-target", model.score(account("1000", "300")).classification().id());
        assertEquals(new BigDecimal("0.0"), model.score(account("1000", "-50")).value());
    }

    @Test
    void unknownFactsGiveNoScore() {
        assertNull(model.score(AccountFacts.builder("a", "u").annualSales(BigDecimal.TEN).build()));
        assertNull(model.score(AccountFacts.builder("a", "u").contributionMargin(BigDecimal.TEN).build()));
        assertNull(model.score(account("0", "10")));
    }

    @Test
    void theIdAndTheParametersAreWhatTheEngineExpects() {
        assertTrue(model.id().matches("[a-z0-9](?:[a-z0-9.-]{0,98}[a-z0-9])?"), model.id());
        assertEquals("30", model.description().parameters().get("target.rate"));
        assertThrows(IllegalArgumentException.class, () -> new MarginQualityModel(0));
    }
}
