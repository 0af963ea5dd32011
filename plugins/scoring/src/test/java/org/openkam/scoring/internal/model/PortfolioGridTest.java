package org.openkam.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PortfolioGridTest {

    @ParameterizedTest(name = "attractiveness {0}, strength {1} -> {2} ({3})")
    @CsvSource({
        "66.7, 66.7, high-high, invest-for-growth",
        "100, 100, high-high, invest-for-growth",
        "66.7, 33.3, high-medium, invest-for-growth",
        "66.7, 33.2, high-low, invest-selectively",
        "66.6, 66.7, medium-high, invest-selectively",
        "66.6, 66.6, medium-medium, maintain",
        "33.3, 33.3, medium-medium, maintain",
        "33.2, 66.7, low-high, maintain",
        "33.3, 33.2, medium-low, manage-for-cash",
        "33.2, 33.3, low-medium, manage-for-cash",
        "33.2, 33.2, low-low, withdraw",
        "0, 0, low-low, withdraw"
    })
    void millmanWilsonCellsAndTheirEdges(double a, double s, String cell, String strategy) {
        var c = PortfolioGrid.millmanWilson(a, s, 33.3, 66.7);
        assertEquals(cell, c.id());
        assertEquals(strategy, PortfolioGrid.strategyOf(c.id()).key());
        assertEquals(PortfolioGrid.strategyOf(c.id()).recommendation(), c.recommendation());
    }

    @ParameterizedTest(name = "attractiveness {0}, strength {1} -> {2}")
    @CsvSource({
        "50, 50, strategic",
        "100, 100, strategic",
        "50, 49.9, star",
        "49.9, 50, status",
        "49.9, 49.9, streamline",
        "0, 0, streamline"
    })
    void fourBoxCellsAndTheirEdges(double a, double s, String cell) {
        assertEquals(cell, PortfolioGrid.fourBox(a, s, 50).id());
    }

    @Test
    void schemesByKeyAndBadGridLines() {
        assertEquals(PortfolioGrid.Scheme.FOUR_BOX, PortfolioGrid.Scheme.of(" Four-Box "));
        assertEquals(PortfolioGrid.Scheme.MILLMAN_WILSON, PortfolioGrid.Scheme.of("millman-wilson"));
        assertThrows(IllegalArgumentException.class, () -> PortfolioGrid.Scheme.of("bcg"));
        assertThrows(IllegalArgumentException.class, () -> PortfolioGrid.millmanWilson(50, 50, 60, 40));
        assertNull(PortfolioGrid.strategyOf("strategic"));
        assertNull(PortfolioGrid.strategyOf("A"));
    }
}
