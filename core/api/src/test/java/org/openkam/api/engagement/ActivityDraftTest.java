package org.openkam.api.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActivityDraftTest {

    private static final Instant AT = Instant.parse("2027-03-10T09:30:00Z");

    @Test
    void anActivityWithoutStatusIsDoneAndIdsAreTrimmedSortedAndDistinct() {
        ActivityDraft d = new ActivityDraft(ActivityType.CALL, null, "  Price review ", " ", AT,
                Arrays.asList(" c2", "c1", "c2", null, " "), List.of("u9", "u1")).normalized();
        assertEquals(ActivityStatus.DONE, d.status());
        assertEquals("Price review", d.subject());
        assertEquals(null, d.notes());
        assertEquals(List.of("c1", "c2"), d.contactIds());
        assertEquals(List.of("u1", "u9"), d.participants());
        assertTrue(d.validate().isEmpty());
    }

    @Test
    void aDoneActivityNeedsAContactAPlannedOneDoesNot() {
        ActivityDraft done = new ActivityDraft(ActivityType.VISIT, ActivityStatus.DONE, "Plant tour", null, AT,
                List.of(), List.of()).normalized();
        assertEquals(List.of("contactIds"), done.validate().list().stream().map(v -> v.field()).toList());
        ActivityDraft planned = new ActivityDraft(ActivityType.VISIT, ActivityStatus.PLANNED, "Plant tour", null, AT,
                List.of(), List.of()).normalized();
        assertTrue(planned.validate().isEmpty());
    }

    @Test
    void everyMissingFieldIsNamed() {
        ActivityDraft d = new ActivityDraft(null, ActivityStatus.PLANNED, " ", "n".repeat(4001), null, null, null)
                .normalized();
        assertEquals(List.of("type", "subject", "notes", "occurredAt"),
                d.validate().list().stream().map(v -> v.field()).toList());
    }
}
