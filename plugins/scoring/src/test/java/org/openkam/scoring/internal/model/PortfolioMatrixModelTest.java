package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.PortfolioContext;
import org.openkam.api.scoring.Score;

class PortfolioMatrixModelTest {

    private static AccountFacts facts(long sales, long largest, long potential) {
        return AccountFacts.builder("a-1", "u").annualSales(BigDecimal.valueOf(sales))
                .potential(BigDecimal.valueOf(potential))
                .portfolio(PortfolioContext.builder().peers(3).largestSales(BigDecimal.valueOf(largest)).build()).build();
    }

    /**
     * Sales two thirds of the largest rate 66.67 on the linear scale (the only known attractiveness criterion
     * besides potential, which is unknown here); shown as 66.7, so the account is high, although 66.666... lies
     * below the upper line of 66.7: the cell follows the numbers shown.
     */
    @Test
    void theCellFollowsTheRoundedCoordinates() {
        AccountFacts f = AccountFacts.builder("a-1", "u").annualSales(BigDecimal.valueOf(200))
                .potential(BigDecimal.valueOf(600)) // share of wallet 200 / 200 = 100 %
                .portfolio(PortfolioContext.builder().peers(3).largestSales(BigDecimal.valueOf(300)).build()).build();
        Score s = new PortfolioMatrixModel(ModelFixtures.defaults(MoneyScale.LINEAR), PortfolioGrid.Scheme.MILLMAN_WILSON,
                33.3, 66.7, 50).score(f);
        assertEquals(new BigDecimal("66.7"), s.measures().get("attractiveness"));
        assertEquals(new BigDecimal("100.0"), s.measures().get("strength"));
        assertEquals("high-high", s.classification().id());
        assertEquals(new BigDecimal("83.3"), s.value(), "the score is the mean of both axes");
    }

    @Test
    void fourBoxPlacement() {
        // sales a quarter of the largest (linear 25), share of wallet 100 / 400 = 25 %: streamline
        Score low = new PortfolioMatrixModel(ModelFixtures.defaults(MoneyScale.LINEAR), PortfolioGrid.Scheme.FOUR_BOX,
                33.3, 66.7, 50).score(facts(100, 400, 1200));
        assertEquals("streamline", low.classification().id());
        // sales the largest (100), share of wallet 400 / 400 = 100 %: strategic
        Score high = new PortfolioMatrixModel(ModelFixtures.defaults(MoneyScale.LINEAR), PortfolioGrid.Scheme.FOUR_BOX,
                33.3, 66.7, 50).score(facts(400, 400, 1200));
        assertEquals("strategic", high.classification().id());
    }

    @Test
    void anAccountIsPlacedOnlyWhenBothAxesAreKnown() {
        AccountFacts noPotential = AccountFacts.builder("a-1", "u").annualSales(BigDecimal.TEN)
                .portfolio(PortfolioContext.builder().largestSales(BigDecimal.TEN).build()).build();
        assertNull(new PortfolioMatrixModel(ModelFixtures.defaults(MoneyScale.LINEAR), PortfolioGrid.Scheme.FOUR_BOX,
                33.3, 66.7, 50).score(noPotential));
    }

    @Test
    void badGridLinesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PortfolioMatrixModel(
                ModelFixtures.defaults(MoneyScale.LINEAR), PortfolioGrid.Scheme.MILLMAN_WILSON, 70, 60, 50));
        assertThrows(IllegalArgumentException.class, () -> new PortfolioMatrixModel(
                ModelFixtures.defaults(MoneyScale.LINEAR), PortfolioGrid.Scheme.FOUR_BOX, 33.3, 66.7, 101));
    }
}
