package org.openkam.registry.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The org chart ceo <- cfo <- buyer, cto <- engineer, worked through. */
class ReportingLinesTest {

    private static final Map<String, String> LINES = Map.of("cfo", "ceo", "buyer", "cfo", "engineer", "cto");

    @Test
    void reportingUpOrSidewaysClosesNoCycle() {
        assertEquals(List.of(), ReportingLines.cycle("buyer", "ceo", LINES));
        assertEquals(List.of(), ReportingLines.cycle("engineer", "buyer", LINES));
        assertEquals(List.of(), ReportingLines.cycle("cto", "ceo", LINES));
        assertEquals(List.of(), ReportingLines.cycle("newcomer", "buyer", LINES));
    }

    @Test
    void reportingToOneBelowClosesTheCycleThroughEveryoneBetween() {
        assertEquals(List.of("ceo", "buyer", "cfo", "ceo"), ReportingLines.cycle("ceo", "buyer", LINES));
        assertEquals(List.of("cfo", "buyer", "cfo"), ReportingLines.cycle("cfo", "buyer", LINES));
        assertEquals(List.of("cto", "engineer", "cto"), ReportingLines.cycle("cto", "engineer", LINES));
    }

    @Test
    void reportingToItselfIsTheShortestCycle() {
        assertEquals(List.of("cfo", "cfo"), ReportingLines.cycle("cfo", "cfo", LINES));
    }

    @Test
    void theContactsOwnCurrentLineIsTheOneChanging() {
        // cfo reports to ceo today; letting ceo report to cfo closes a cycle, letting cfo report to cto does not
        assertEquals(List.of("ceo", "cfo", "ceo"), ReportingLines.cycle("ceo", "cfo", LINES));
        assertEquals(List.of(), ReportingLines.cycle("cfo", "cto", LINES));
    }

    @Test
    void aLoopElsewhereEndsTheWalk() {
        assertEquals(List.of(), ReportingLines.cycle("x", "a", Map.of("a", "b", "b", "a")));
    }
}
