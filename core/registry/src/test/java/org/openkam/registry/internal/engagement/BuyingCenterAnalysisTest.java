package org.openkam.registry.internal.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openkam.api.account.Attitude;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.account.Contact;
import org.openkam.api.engagement.BuyingCenter;
import org.openkam.api.engagement.ContactRef;
import org.openkam.api.engagement.Coverage;
import org.openkam.api.engagement.OrgChartNode;

/**
 * A worked buying center on 2027-06-30 with a 90-day window (fresh: last met on 2027-04-01 or later):
 * <pre>
 * Carla CEO    economic buyer             owner kam (on the team)     met 2027-06-01
 *   Frank CFO  decision maker, influence 5  owner gone (left the team)  met 2027-04-01
 *     Bea Buyer  gatekeeper, user           no owner                    met 2027-03-31
 * Tom CTO      technical buyer, influence 4 no owner                    never met
 * Ida          influencer, influence 2      no owner                    never met
 * </pre>
 */
class BuyingCenterAnalysisTest {

    private static final LocalDate TODAY = LocalDate.parse("2027-06-30");
    private static final Set<String> TEAM = Set.of("kam", "sales");

    private static Contact contact(String id, String first, String reportsTo, Set<BuyingCenterRole> roles,
            Integer influence, String owner) {
        return new Contact(id, "acc", first, "X", first + " title", null, null, 1, Instant.EPOCH, Instant.EPOCH, roles,
                Attitude.NEUTRAL, influence, reportsTo, owner, owner == null ? null : 3);
    }

    private static final List<Contact> CONTACTS = List.of(
            contact("carla", "Carla", null, Set.of(BuyingCenterRole.ECONOMIC_BUYER), null, "kam"),
            contact("frank", "Frank", "carla", Set.of(BuyingCenterRole.DECISION_MAKER), 5, "gone"),
            contact("bea", "Bea", "frank", Set.of(BuyingCenterRole.GATEKEEPER, BuyingCenterRole.USER), null, null),
            contact("tom", "Tom", null, Set.of(BuyingCenterRole.TECHNICAL_BUYER), 4, null),
            contact("ida", "Ida", null, Set.of(BuyingCenterRole.INFLUENCER), 2, null));
    private static final Map<String, Instant> LAST = Map.of(
            "carla", Instant.parse("2027-06-01T08:00:00Z"),
            "frank", Instant.parse("2027-04-01T00:00:00Z"),
            "bea", Instant.parse("2027-03-31T23:59:59Z"));

    @Test
    void freshnessCountsCalendarDaysInUtc() {
        assertFalse(stale(Instant.parse("2027-04-01T00:00:00Z"), TODAY, 90), "90 days ago");
        assertTrue(stale(Instant.parse("2027-03-31T23:59:59Z"), TODAY, 90), "91 days ago");
        assertFalse(stale(Instant.parse("2027-06-30T12:00:00Z"), TODAY, 90), "today");
        assertTrue(stale(null, TODAY, 90), "never met");
        assertFalse(stale(Instant.parse("2027-06-23T00:00:00Z"), TODAY, 7));
        assertTrue(stale(Instant.parse("2027-06-22T23:00:00Z"), TODAY, 7));
    }

    private static boolean stale(Instant lastContact, LocalDate today, int days) {
        return BuyingCenterAnalysis.stale(lastContact, Instant.EPOCH, today, days);
    }

    @Test
    void aContactNeverMetCountsFromTheDayTheyWereRecorded() {
        Instant recorded = Instant.parse("2027-04-01T09:00:00Z");
        assertFalse(BuyingCenterAnalysis.stale(null, recorded, TODAY, 90), "recorded 90 days ago");
        assertTrue(BuyingCenterAnalysis.stale(null, Instant.parse("2027-03-31T23:00:00Z"), TODAY, 90),
                "recorded 91 days ago and never met");
        assertFalse(BuyingCenterAnalysis.stale(null, Instant.parse("2027-06-30T08:00:00Z"), TODAY, 90),
                "recorded today");
        assertTrue(BuyingCenterAnalysis.stale(Instant.parse("2027-03-01T00:00:00Z"), recorded, TODAY, 90),
                "met long ago, whenever they were recorded");
        assertTrue(BuyingCenterAnalysis.stale(null, null, TODAY, 90), "no date at all");

        Contact fresh = new Contact("new", "acc", "Nina", "New", null, null, null, 1, Instant.parse(
                "2027-06-29T10:00:00Z"), Instant.parse("2027-06-29T10:00:00Z"), Set.of(), null, null, null, null,
                null);
        BuyingCenter bc = BuyingCenterAnalysis.of(List.of(fresh), Map.of(), TEAM, TODAY, 90);
        assertFalse(bc.roots().get(0).stale(), "nobody could have met Nina yet");
        assertEquals(List.of(), bc.coverage().staleContacts());
        assertTrue(BuyingCenterAnalysis.of(List.of(fresh), Map.of(), TEAM, TODAY.plusDays(91), 90).roots().get(0)
                .stale(), "91 days after she was recorded, still never met");
    }

    @Test
    void theOrgChartNestsReportsUnderTheirManagerInTheGivenOrder() {
        BuyingCenter bc = BuyingCenterAnalysis.of(CONTACTS, LAST, TEAM, TODAY, 90);
        assertEquals(List.of("carla", "tom", "ida"), bc.roots().stream().map(OrgChartNode::contactId).toList());
        OrgChartNode carla = bc.roots().get(0);
        assertEquals("Carla X", carla.name());
        assertEquals("Carla title", carla.jobTitle());
        assertEquals(Instant.parse("2027-06-01T08:00:00Z"), carla.lastContactAt());
        assertFalse(carla.stale());
        OrgChartNode frank = carla.directReports().get(0);
        assertEquals("frank", frank.contactId());
        assertEquals(5, frank.influence());
        assertEquals("gone", frank.relationshipOwner());
        assertFalse(frank.stale());
        OrgChartNode bea = frank.directReports().get(0);
        assertEquals("bea", bea.contactId());
        assertTrue(bea.stale());
        assertEquals(List.of(), bea.directReports());
        assertNull(bc.roots().get(1).lastContactAt());
        assertTrue(bc.roots().get(1).stale());
    }

    @Test
    void coverageNamesUnfilledRolesUnownedKeyContactsAndStaleOnes() {
        Coverage c = BuyingCenterAnalysis.of(CONTACTS, LAST, TEAM, TODAY, 90).coverage();
        assertEquals(5, c.contacts());
        assertEquals(List.of(BuyingCenterRole.COACH), c.unfilledRoles());
        // frank's owner left the team, tom weighs 4 without an owner; ida (influence 2) and bea are not key
        assertEquals(List.of("frank", "tom"), c.keyContactsWithoutOwner().stream().map(ContactRef::contactId).toList());
        assertEquals(List.of("bea", "tom", "ida"), c.staleContacts().stream().map(ContactRef::contactId).toList());
        assertEquals(Instant.parse("2027-03-31T23:59:59Z"), c.staleContacts().get(0).lastContactAt());
        assertEquals(90, c.freshnessDays());
        assertEquals(1 + 2 + 3, c.gaps());
    }

    @Test
    void anEmptyBuyingCenterLacksEveryRoleAndHasNobodyStale() {
        BuyingCenter bc = BuyingCenterAnalysis.of(List.of(), Map.of(), TEAM, TODAY, 90);
        assertEquals(List.of(), bc.roots());
        assertEquals(List.of(BuyingCenterRole.values()), bc.coverage().unfilledRoles());
        assertEquals(List.of(), bc.coverage().staleContacts());
        assertEquals(7, bc.coverage().gaps());
    }

    @Test
    void aLongerWindowMakesTheSameContactsFresh() {
        Coverage c = BuyingCenterAnalysis.of(CONTACTS, LAST, TEAM, TODAY, 365).coverage();
        assertEquals(List.of("tom", "ida"), c.staleContacts().stream().map(ContactRef::contactId).toList());
    }

    @Test
    void aReportingLineToSomeoneUnknownMakesARoot() {
        Contact orphan = contact("o", "Otto", "deleted", Set.of(), null, null);
        assertEquals(List.of("o"), BuyingCenterAnalysis.of(List.of(orphan), Map.of(), TEAM, TODAY, 90).roots().stream()
                .map(OrgChartNode::contactId).toList());
    }
}
