package org.openkam.api.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Urgency and days overdue, worked through on 2027-03-10. */
class FollowUpTest {

    private static final LocalDate TODAY = LocalDate.parse("2027-03-10");

    private static FollowUp followUp(String id, String due, FollowUpStatus status) {
        return new FollowUp(id, "acc", null, null, "Call back " + id, null, "u1", LocalDate.parse(due), status, null,
                1, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void daysOverdueCountsFromTheDueDateForOpenFollowUpsOnly() {
        assertEquals(9, followUp("a", "2027-03-01", FollowUpStatus.OPEN).daysOverdue(TODAY));
        assertEquals(1, followUp("b", "2027-03-09", FollowUpStatus.OPEN).daysOverdue(TODAY));
        // due today is not overdue yet, nor is anything due later
        assertEquals(0, followUp("c", "2027-03-10", FollowUpStatus.OPEN).daysOverdue(TODAY));
        assertFalse(followUp("c", "2027-03-10", FollowUpStatus.OPEN).isOverdue(TODAY));
        assertEquals(0, followUp("d", "2027-03-20", FollowUpStatus.OPEN).daysOverdue(TODAY));
        // closed follow-ups are never overdue, however old their due date
        assertEquals(0, followUp("e", "2027-01-01", FollowUpStatus.DONE).daysOverdue(TODAY));
        assertFalse(followUp("f", "2027-01-01", FollowUpStatus.CANCELLED).isOverdue(TODAY));
        assertTrue(followUp("g", "2026-12-31", FollowUpStatus.OPEN).isOverdue(TODAY));
        assertEquals(69, followUp("g", "2026-12-31", FollowUpStatus.OPEN).daysOverdue(TODAY));
    }

    @Test
    void urgencyPutsTheLongestOverdueFirstThenTheSoonestDueThenClosedOnes() {
        FollowUp overdue9 = followUp("a", "2027-03-01", FollowUpStatus.OPEN);
        FollowUp overdue1 = followUp("b", "2027-03-09", FollowUpStatus.OPEN);
        FollowUp dueToday = followUp("c", "2027-03-10", FollowUpStatus.OPEN);
        FollowUp dueNextWeek = followUp("d", "2027-03-17", FollowUpStatus.OPEN);
        FollowUp doneLongAgo = followUp("e", "2027-01-01", FollowUpStatus.DONE);
        FollowUp cancelled = followUp("f", "2027-03-02", FollowUpStatus.CANCELLED);
        List<FollowUp> all = new ArrayList<>(List.of(cancelled, dueNextWeek, doneLongAgo, overdue1, dueToday,
                overdue9));
        all.sort(FollowUp.URGENCY);
        assertEquals(List.of(overdue9, overdue1, dueToday, dueNextWeek, doneLongAgo, cancelled), all);
    }

    @Test
    void equalDueDatesAreOrderedById() {
        FollowUp x = followUp("x", "2027-03-05", FollowUpStatus.OPEN);
        FollowUp y = followUp("y", "2027-03-05", FollowUpStatus.OPEN);
        List<FollowUp> all = new ArrayList<>(List.of(y, x));
        all.sort(FollowUp.URGENCY);
        assertEquals(List.of(x, y), all);
    }

    @Test
    void aDraftIsOpenByDefaultAndNamesEveryBadField() {
        FollowUpDraft d = new FollowUpDraft(" ", "x".repeat(37), " ", null, null, null, null).normalized();
        assertEquals(FollowUpStatus.OPEN, d.status());
        assertEquals(null, d.opportunityId());
        assertEquals(List.of("planActionId", "title", "dueDate"),
                d.validate().list().stream().map(v -> v.field()).toList());
    }
}
