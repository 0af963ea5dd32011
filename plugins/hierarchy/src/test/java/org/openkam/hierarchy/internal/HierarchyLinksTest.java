package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openkam.api.ConflictException;

/** The rules on links alone: one parent per day, no cycle on any day, as-of reads. */
class HierarchyLinksTest {

    static final LocalDate JAN = LocalDate.of(2027, 1, 1);
    static final LocalDate JUL = LocalDate.of(2027, 7, 1);
    static final LocalDate DEC = LocalDate.of(2027, 12, 1);
    static final Function<String, String> NAME = id -> id.toUpperCase();

    final List<HierarchyLink> links = new ArrayList<>();

    HierarchyLink link(String parent, String child, LocalDate from, LocalDate to) {
        HierarchyLink l = new HierarchyLink(parent + "-" + child + "-" + from, "h", parent, child, LinkType.SUBSIDIARY,
                from, to, 1, null);
        links.add(l);
        return l;
    }

    static LinkDraft draft(String parent, String child, LocalDate from, LocalDate to) {
        return new LinkDraft(parent, child, LinkType.SUBSIDIARY, from, to);
    }

    @Test
    void aLinkThatClosesACycleIsRefusedNamingThePath() {
        link("root", "emea", JAN, null);
        link("emea", "de", JAN, null);
        ConflictException e = assertThrows(ConflictException.class,
                () -> new HierarchyLinks(links).check(draft("de", "root", JAN, null), NAME));
        assertEquals("parentId", e.field());
        assertEquals("linking ROOT under DE would close the cycle ROOT > DE > EMEA > ROOT on 2027-01-01",
                e.getMessage());
    }

    @Test
    void aCycleOnlyOnALaterDayIsFoundAtThatDaysBoundary() {
        link("root", "emea", JAN, null);
        link("emea", "de", JUL, null); // de joins emea in July
        HierarchyLinks now = new HierarchyLinks(links);
        assertDoesNotThrow(() -> now.check(draft("de", "root", JAN, JUL), NAME), "before July no cycle");
        ConflictException e = assertThrows(ConflictException.class,
                () -> now.check(draft("de", "root", JAN, null), NAME));
        assertEquals("linking ROOT under DE would close the cycle ROOT > DE > EMEA > ROOT on 2027-07-01",
                e.getMessage());
    }

    @Test
    void aSecondParentOnTheSameDayIsRefusedAndAdjacentPeriodsAreNot() {
        link("emea", "de", JAN, JUL);
        HierarchyLinks now = new HierarchyLinks(links);
        ConflictException e = assertThrows(ConflictException.class,
                () -> now.check(draft("dach", "de", LocalDate.of(2027, 6, 30), null), NAME));
        assertEquals("validFrom", e.field());
        assertDoesNotThrow(() -> now.check(draft("dach", "de", JUL, null), NAME), "the old link ends on July 1st");
    }

    @Test
    void asOfReadsFollowThePeriods() {
        link("emea", "de", JAN, JUL);
        link("dach", "de", JUL, null);
        link("root", "emea", JAN, null);
        HierarchyLinks now = new HierarchyLinks(links);
        assertEquals(List.of("emea", "root"), now.ancestors("de", JAN));
        assertEquals(List.of("dach"), now.ancestors("de", DEC));
        assertEquals(List.of(), now.ancestors("de", JAN.minusDays(1)), "before any link a root");
    }

    @Test
    void aMoveEndsTheOldLinkSoTheNewOneFits() {
        HierarchyLink old = link("emea", "de", JAN, null);
        link("root", "emea", JAN, null);
        link("root", "dach", JAN, null);
        HierarchyLinks before = new HierarchyLinks(links);
        assertThrows(ConflictException.class, () -> before.check(draft("dach", "de", JUL, null), NAME));
        HierarchyLinks after = before.with(old, old.endingOn(JUL));
        after.check(draft("dach", "de", JUL, null), NAME);
        assertEquals(List.of("emea", "root"), after.ancestors("de", JAN));
    }

    @Test
    void movingANodeUnderItsOwnDescendantIsACycle() {
        HierarchyLink old = link("root", "emea", JAN, null);
        link("emea", "de", JAN, null);
        HierarchyLinks after = new HierarchyLinks(links).with(old, old.endingOn(JUL));
        ConflictException e = assertThrows(ConflictException.class,
                () -> after.check(draft("de", "emea", JUL, null), NAME));
        assertEquals("linking EMEA under DE would close the cycle EMEA > DE > EMEA on 2027-07-01", e.getMessage());
    }

    @Test
    void badDraftsNameTheirFields() {
        assertEquals(List.of("parentId", "validTo"), draft("a", "a", JUL, JAN).violations().list().stream()
                .map(v -> v.field()).toList());
        assertEquals(List.of("childId", "type", "validFrom"), new LinkDraft("a", null, null, null, null).violations()
                .list().stream().map(v -> v.field()).toList());
    }
}
