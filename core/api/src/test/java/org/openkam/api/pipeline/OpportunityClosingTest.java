package org.openkam.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.api.Violation;

class OpportunityClosingTest {

    private static List<String> fields(OpportunityClosing c) {
        return c.normalized().validate().list().stream().map(Violation::field).toList();
    }

    @Test
    void closingNeedsAReason() {
        assertEquals(List.of("closeReason"), fields(new OpportunityClosing(OpportunityStatus.WON, null, false)));
        assertEquals(List.of("closeReason"), fields(new OpportunityClosing(OpportunityStatus.LOST, "   ", true)));
        assertEquals(List.of("closeReason"), fields(new OpportunityClosing(OpportunityStatus.LOST, "x".repeat(2001),
                false)));
        assertTrue(fields(new OpportunityClosing(OpportunityStatus.WON, "Best service offer", false)).isEmpty());
    }

    @Test
    void closingIsWonOrLost() {
        assertEquals(List.of("status", "closeReason"), fields(new OpportunityClosing(null, null, false)));
        assertEquals(List.of("status"), fields(new OpportunityClosing(OpportunityStatus.OPEN, "changed my mind",
                false)));
    }

    @Test
    void theReasonIsTrimmed() {
        assertEquals("Price", new OpportunityClosing(OpportunityStatus.LOST, "  Price ", false).normalized()
                .closeReason());
    }
}
