package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Role;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.engagement.BuyingCenter;
import org.openkam.api.engagement.BuyingCenters;
import org.openkam.api.engagement.ContactRef;
import org.openkam.api.engagement.Coverage;
import org.openkam.testing.TestDatabase;

/**
 * Buying-center gaps summed up a worked example: holding (A) > EMEA (grouping) > DE (A), UK (unit B) > UK branch (A).
 * The administrator sees every gap; a reader of unit A alone loses the UK node's gaps (hidden, counted) but keeps
 * the branch below it.
 */
class BuyingCenterGapsTest {

    static final LocalDate DAY = LocalDate.of(2027, 3, 8);
    static final Caller ADMIN = new Caller("admin", "admin", true, Map.of());
    static final Caller READER = new Caller("reader", "reader", false, Map.of("a", Set.of(Role.VIEWER)));
    static final Instant LONG_AGO = Instant.parse("2026-01-05T10:00:00Z");

    @RegisterExtension
    final TestDatabase db = TestDatabase.h2(HierarchyStore.class);

    /** The core's report per account: unfilled roles, key contacts without owner, stale contacts. */
    final Map<String, Coverage> reports = Map.of(
            "acc-holding", report(List.of(BuyingCenterRole.TECHNICAL_BUYER, BuyingCenterRole.COACH),
                    List.of(contact("c-cfo")), List.of(contact("c-cfo"), contact("c-buyer"))),
            "acc-de", report(List.of(BuyingCenterRole.COACH), List.of(), List.of(contact("c-de"))),
            "acc-uk", report(List.of(BuyingCenterRole.ECONOMIC_BUYER), List.of(contact("c-uk")), List.of()),
            "acc-branch", report(List.of(BuyingCenterRole.values()), List.of(), List.of()));
    final Map<String, String> unitOf = Map.of("acc-holding", "a", "acc-de", "a", "acc-uk", "b", "acc-branch", "a");

    /** As the registry answers: an account of a unit the caller does not read is not found. */
    final BuyingCenters buyingCenters = (caller, accountId, today) -> {
        if (!caller.canRead(unitOf.get(accountId))) {
            throw new NotFoundException("account", accountId);
        }
        assertEquals(DAY, today, "staleness is judged on the day asked for");
        return new BuyingCenter(List.of(), reports.get(accountId));
    };

    record Tree(String id, String holding, String emea, String de, String uk, String branch) {
    }

    Tree tree(HierarchyStore store) {
        Hierarchy h = store.create(ADMIN, "Acme", "a");
        String holding = store.addNode(ADMIN, h.id(), "acc-holding", "Acme Holding", "a").id();
        String emea = store.addNode(ADMIN, h.id(), null, "EMEA", "a").id();
        String de = store.addNode(ADMIN, h.id(), "acc-de", "Acme DE", "a").id();
        String uk = store.addNode(ADMIN, h.id(), "acc-uk", "Acme UK", "b").id();
        String branch = store.addNode(ADMIN, h.id(), "acc-branch", "Acme UK branch", "a").id();
        link(store, h.id(), holding, emea);
        link(store, h.id(), emea, de);
        link(store, h.id(), emea, uk);
        link(store, h.id(), uk, branch);
        return new Tree(h.id(), holding, emea, de, uk, branch);
    }

    @Test
    void gapsAreSummedOwnChildrenAndTotalWithTheListsBehindThem() {
        HierarchyStore store = new HierarchyStore(db.database());
        Tree t = tree(store);
        BuyingCenterGaps gaps = new HierarchyBuyingCenters(store, buyingCenters).of(ADMIN, t.id(), t.holding(), DAY);

        assertEquals(List.of(t.holding(), t.emea(), t.de(), t.uk(), t.branch()),
                gaps.nodes().stream().map(BuyingCenterGaps.NodeGaps::nodeId).toList(), "parents before children");
        BuyingCenterGaps.NodeGaps holding = gaps.nodes().get(0);
        assertEquals(new Rollup.Part<>(2, 9, 11), holding.unfilledRoles(), "2 own; DE 1 + UK 1 + branch 7");
        assertEquals(new Rollup.Part<>(1, 1, 2), holding.keyContactsWithoutOwner());
        assertEquals(new Rollup.Part<>(2, 1, 3), holding.staleContacts());
        BuyingCenterGaps.NodeGaps emea = gaps.nodes().get(1);
        assertEquals(new Rollup.Part<>(0, 9, 9), emea.unfilledRoles(), "a grouping node has no gaps of its own");
        BuyingCenterGaps.NodeGaps uk = gaps.nodes().get(3);
        assertEquals(new Rollup.Part<>(1, 7, 8), uk.unfilledRoles());
        assertEquals(new Rollup.Part<>(1, 0, 1), uk.keyContactsWithoutOwner());

        assertEquals(List.of(t.holding(), t.de(), t.branch()), gaps.unfilledRoles().get("coach"));
        assertEquals(List.of(t.uk(), t.branch()), gaps.unfilledRoles().get("economic-buyer"));
        assertEquals(BuyingCenterRole.values().length, gaps.unfilledRoles().size(), "every role is listed");
        assertEquals(List.of("c-cfo", "c-uk"), gaps.keyContactsWithoutOwner().stream()
                .map(BuyingCenterGaps.NodeContact::contactId).toList());
        assertEquals(List.of(t.holding(), t.holding(), t.de()), gaps.staleContacts().stream()
                .map(BuyingCenterGaps.NodeContact::nodeId).toList());
        assertEquals(90, gaps.freshnessDays());
        assertEquals(0, gaps.hiddenNodes());
    }

    @Test
    void nodesTheCallerMayNotReadAreHiddenAndCountedAndTheirGapsLeftOut() {
        HierarchyStore store = new HierarchyStore(db.database());
        Tree t = tree(store);
        BuyingCenterGaps gaps = new HierarchyBuyingCenters(store, buyingCenters).of(READER, t.id(), t.holding(), DAY);

        assertEquals(1, gaps.hiddenNodes());
        assertEquals(List.of(t.holding(), t.emea(), t.de(), t.branch()),
                gaps.nodes().stream().map(BuyingCenterGaps.NodeGaps::nodeId).toList(), "the branch below UK stays");
        assertEquals(new Rollup.Part<>(2, 8, 10), gaps.nodes().get(0).unfilledRoles(), "DE 1 + branch 7");
        assertEquals(new Rollup.Part<>(1, 0, 1), gaps.nodes().get(0).keyContactsWithoutOwner(), "UK's is hidden");
        assertEquals(List.of(t.branch()), gaps.unfilledRoles().get("economic-buyer"));
        assertEquals(List.of("c-cfo"), gaps.keyContactsWithoutOwner().stream()
                .map(BuyingCenterGaps.NodeContact::contactId).toList());
    }

    @Test
    void aSubtreeCountsFromItsOwnRoot() {
        HierarchyStore store = new HierarchyStore(db.database());
        Tree t = tree(store);
        BuyingCenterGaps gaps = new HierarchyBuyingCenters(store, buyingCenters).of(ADMIN, t.id(), t.uk(), DAY);
        assertEquals(List.of(t.uk(), t.branch()), gaps.nodes().stream().map(BuyingCenterGaps.NodeGaps::nodeId)
                .toList());
        assertEquals(new Rollup.Part<>(1, 0, 1), gaps.nodes().get(0).keyContactsWithoutOwner());
        assertEquals(List.of(), gaps.staleContacts());
    }

    private static void link(HierarchyStore store, String hierarchy, String parent, String child) {
        store.link(ADMIN, hierarchy, new LinkDraft(parent, child, LinkType.SUBSIDIARY, DAY.minusDays(30), null));
    }

    private static Coverage report(List<BuyingCenterRole> unfilled, List<ContactRef> unowned, List<ContactRef> stale) {
        return new Coverage(3, unfilled, unowned, stale, 90);
    }

    private static ContactRef contact(String id) {
        return new ContactRef(id, "Contact " + id, LONG_AGO);
    }
}
