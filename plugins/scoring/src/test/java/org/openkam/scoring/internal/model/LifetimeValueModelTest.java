package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.PortfolioContext;
import org.openkam.api.scoring.Score;

class LifetimeValueModelTest {

    @Test
    void theWorkedExampleOfTheIssue() {
        // m = 100, r = 0.8, d = 0.1: 100 * 0.8 / (1 + 0.1 - 0.8) = 80 / 0.3 = 266.67
        assertEquals(new BigDecimal("266.67"), LifetimeValueModel.clv(new BigDecimal("100"), new BigDecimal("0.8"),
                new BigDecimal("0.1")));
    }

    @Test
    void edgesOfTheFormula() {
        // no retention: nothing after this period
        assertEquals(new BigDecimal("0.00"), LifetimeValueModel.clv(new BigDecimal("100"), BigDecimal.ZERO,
                new BigDecimal("0.1")));
        // no discounting: m * r / (1 - r) = 100 * 0.5 / 0.5
        assertEquals(new BigDecimal("100.00"), LifetimeValueModel.clv(new BigDecimal("100"), new BigDecimal("0.5"),
                BigDecimal.ZERO));
        // a loss stays a loss
        assertEquals(new BigDecimal("-266.67"), LifetimeValueModel.clv(new BigDecimal("-100"), new BigDecimal("0.8"),
                new BigDecimal("0.1")));
        assertThrows(IllegalArgumentException.class, () -> LifetimeValueModel.clv(BigDecimal.TEN, BigDecimal.ONE,
                BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> LifetimeValueModel.clv(BigDecimal.TEN,
                new BigDecimal("0.5"), new BigDecimal("-0.1")));
        assertThrows(IllegalArgumentException.class, () -> new LifetimeValueModel(100, 10));
    }

    @Test
    void theScoreRatesTheClvAgainstTheLargest() {
        LifetimeValueModel model = new LifetimeValueModel(80, 10);
        PortfolioContext peers = PortfolioContext.builder().peers(2).largestContributionMargin(BigDecimal.valueOf(400))
                .build();
        Score s = model.score(AccountFacts.builder("a", "u").contributionMargin(BigDecimal.valueOf(100)).currency("EUR")
                .portfolio(peers).build());
        assertEquals(new BigDecimal("25.0"), s.value());
        assertEquals(new BigDecimal("266.67"), s.measures().get("customerLifetimeValue"));
        assertEquals("m = 100 EUR per year, CLV = 266.67 EUR, largest CLV 1066.67 EUR", s.contributions().get(0).input());
        Score loss = model.score(AccountFacts.builder("a", "u").contributionMargin(BigDecimal.valueOf(-50))
                .portfolio(peers).build());
        assertEquals(new BigDecimal("0.0"), loss.value());
        assertNull(model.score(AccountFacts.builder("a", "u").portfolio(peers).build()));
    }
}
