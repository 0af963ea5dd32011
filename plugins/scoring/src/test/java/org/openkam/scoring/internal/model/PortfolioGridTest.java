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

    @Test
    void theNineCellsOfTheGridAgreeWithThePlacementAndTileTheMatrix() {
        java.util.List<PortfolioGrid.Cell> cells = PortfolioGrid.cells(java.util.Map.of("scheme", "millman-wilson",
                "grid.lower", "33.3", "grid.upper", "66.7"));
        assertEquals(9, cells.size());
        double area = 0;
        for (PortfolioGrid.Cell c : cells) {
            area += (c.attractivenessTo() - c.attractivenessFrom()) * (c.strengthTo() - c.strengthFrom());
            double a = (c.attractivenessFrom() + c.attractivenessTo()) / 2;
            double s = (c.strengthFrom() + c.strengthTo()) / 2;
            assertEquals(PortfolioGrid.millmanWilson(a, s, 33.3, 66.7).id(), c.id());
        }
        assertEquals(10_000, area, 1e-6);
        PortfolioGrid.Cell top = cells.stream().filter(c -> c.id().equals("high-high")).findFirst().orElseThrow();
        assertEquals("Invest for growth", top.strategy());
        assertEquals(66.7, top.attractivenessFrom());
        assertEquals(100, top.strengthTo());
        assertEquals("Withdraw", cells.get(0).strategy());
    }

    @Test
    void theFourBoxesCarryTheirNames() {
        java.util.List<PortfolioGrid.Cell> cells = PortfolioGrid.cells(java.util.Map.of("scheme", "four-box",
                "fourBox.threshold", "40"));
        assertEquals(java.util.List.of("streamline", "status", "star", "strategic"),
                cells.stream().map(PortfolioGrid.Cell::id).toList());
        assertEquals(java.util.List.of("Streamline", "Status", "Star", "Strategic"),
                cells.stream().map(PortfolioGrid.Cell::strategy).toList());
        assertEquals(40, cells.get(3).attractivenessFrom());
        assertEquals(1, PortfolioGrid.cells(java.util.Map.of("scheme", "four-box", "fourBox.threshold", "100"))
                .size(), "a threshold on the border leaves one box");
    }

    @Test
    void parametersOfAnotherModelConfigureNoGrid() {
        assertEquals(null, PortfolioGrid.cells(java.util.Map.of("a.cutoff", "80")));
        assertEquals(null, PortfolioGrid.cells(java.util.Map.of("scheme", "four-box")));
    }
}
