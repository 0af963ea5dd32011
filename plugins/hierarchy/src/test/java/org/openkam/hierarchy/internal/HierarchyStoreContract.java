package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.testing.TestDatabase;

/** The hierarchy tables on every supported database: links with periods, as-of reads, refusals, moves, events. */
abstract class HierarchyStoreContract {

    static final Caller MANAGER = new Caller("user-kam", "kam", true, Map.of());
    static final LocalDate JAN = LocalDate.of(2027, 1, 1);
    static final LocalDate JUL = LocalDate.of(2027, 7, 1);

    HierarchyStore store;
    Hierarchy acme;
    HierarchyNode root;
    HierarchyNode emea;
    HierarchyNode de;

    abstract TestDatabase db();

    @BeforeEach
    void fixture() {
        store = new HierarchyStore(db().database());
        acme = store.create(MANAGER, "Acme global", "industrial");
        root = store.addNode(MANAGER, acme.id(), "acc-root", "Acme Holding", "industrial");
        emea = store.addNode(MANAGER, acme.id(), null, "EMEA", "industrial");
        de = store.addNode(MANAGER, acme.id(), "acc-de", "Acme GmbH", "retail");
        store.link(MANAGER, acme.id(), new LinkDraft(root.id(), emea.id(), LinkType.REGIONAL_GROUPING, JAN, null));
        store.link(MANAGER, acme.id(), new LinkDraft(emea.id(), de.id(), LinkType.SUBSIDIARY, JAN, null));
    }

    static List<String> names(List<HierarchyNode> nodes) {
        return nodes.stream().map(HierarchyNode::name).toList();
    }

    @Test
    void theTreeReadsLevelByLevelAsOfADay() {
        assertEquals(List.of("Acme Holding"), names(store.children(acme.id(), null, JAN)));
        assertEquals(List.of("EMEA"), names(store.children(acme.id(), root.id(), JAN)));
        assertEquals(List.of("Acme GmbH"), names(store.children(acme.id(), emea.id(), JUL)));
        assertEquals(List.of("Acme GmbH", "Acme Holding", "EMEA"), names(store.children(acme.id(), null,
                JAN.minusDays(1))), "before the links began every node was a root");
        assertEquals(Map.of(root.id(), 1, emea.id(), 1), store.childCounts(List.of(root.id(), emea.id(), de.id()), JAN));
        assertEquals(List.of("EMEA", "Acme Holding"), names(store.ancestors(acme.id(), de.id(), JUL)));
        assertEquals(List.of(acme), store.hierarchies().stream().filter(h -> h.id().equals(acme.id())).toList());
        assertEquals(List.of(de), store.nodesOfAccount("acc-de").stream()
                .filter(n -> n.hierarchyId().equals(acme.id())).toList());
    }

    @Test
    void aCycleIsRefusedNamingThePathAndNothingIsStored() {
        int before = store.links(acme.id()).size();
        ConflictException e = assertThrows(ConflictException.class, () -> store.link(MANAGER, acme.id(),
                new LinkDraft(de.id(), root.id(), LinkType.SUBSIDIARY, JUL, null)));
        assertEquals("parentId", e.field());
        assertTrue(e.getMessage().contains("Acme Holding > Acme GmbH > EMEA > Acme Holding"), e.getMessage());
        assertEquals(before, store.links(acme.id()).size());
    }

    @Test
    void aSecondParentOnADayOrAnUnknownNodeIsRefused() {
        HierarchyNode dach = store.addNode(MANAGER, acme.id(), null, "DACH", "industrial");
        ConflictException e = assertThrows(ConflictException.class, () -> store.link(MANAGER, acme.id(),
                new LinkDraft(dach.id(), de.id(), LinkType.REGIONAL_GROUPING, JUL, null)));
        assertEquals("validFrom", e.field());
        ValidationException unknown = assertThrows(ValidationException.class, () -> store.link(MANAGER, acme.id(),
                new LinkDraft("no-such-node", de.id(), LinkType.SUBSIDIARY, JUL, null)));
        assertEquals("parentId", unknown.violations().get(0).field());
        ConflictException twice = assertThrows(ConflictException.class,
                () -> store.addNode(MANAGER, acme.id(), "acc-de", "Acme GmbH", "retail"));
        assertEquals("accountId", twice.field());
    }

    @Test
    void aMoveCarriesTheSubtreeAndKeepsHistory() {
        HierarchyNode dach = store.addNode(MANAGER, acme.id(), null, "DACH", "industrial");
        store.link(MANAGER, acme.id(), new LinkDraft(root.id(), dach.id(), LinkType.REGIONAL_GROUPING, JAN, null));
        HierarchyNode plant = store.addNode(MANAGER, acme.id(), "acc-plant", "Acme Werk Köln", "retail");
        store.link(MANAGER, acme.id(), new LinkDraft(de.id(), plant.id(), LinkType.BRANCH, JAN, null));

        HierarchyLink moved = store.move(MANAGER, acme.id(), de.id(), dach.id(), JUL, null);

        assertEquals(LinkType.SUBSIDIARY, moved.type(), "the old link's type carries over");
        assertEquals(List.of("Acme GmbH", "EMEA", "Acme Holding"), names(store.ancestors(acme.id(), plant.id(), JAN)));
        assertEquals(List.of("Acme GmbH", "DACH", "Acme Holding"), names(store.ancestors(acme.id(), plant.id(), JUL)));
        List<HierarchyLink> history = store.parentLinks(acme.id(), de.id());
        assertEquals(2, history.size());
        assertEquals(JUL, history.get(0).validTo());
        assertEquals(2, history.get(0).version());
        // 2 links in the fixture, 2 above, 1 by the move, which also ended the old one
        assertEquals(5, db().events(HierarchyStore.TOPIC + "/link/CREATED").size());
        assertEquals(1, db().events(HierarchyStore.TOPIC + "/link/UPDATED").size());
    }

    @Test
    void aMoveUnderItsOwnSubtreeChangesNothing() {
        assertThrows(ConflictException.class, () -> store.move(MANAGER, acme.id(), emea.id(), de.id(), JUL, null));
        assertEquals(List.of("EMEA", "Acme Holding"), names(store.ancestors(acme.id(), de.id(), JUL.plusDays(1))));
        assertEquals(1, store.parentLinks(acme.id(), emea.id()).size());
        assertEquals(null, store.parentLinks(acme.id(), emea.id()).get(0).validTo());
    }

    @Test
    void aSubtreeIsReadOnItsDayWithTheAccountsOfItsNodes() {
        Subtree now = store.subtree(acme.id(), root.id(), JAN);
        assertEquals(3, now.size());
        assertEquals(Map.of(root.id(), List.of(emea.id()), emea.id(), List.of(de.id())), now.children());
        assertEquals(Map.of(root.id(), "acc-root", de.id(), "acc-de"), now.accountOfNode(), "EMEA groups, no account");
        assertEquals(1, store.subtree(acme.id(), root.id(), JAN.minusDays(1)).size(), "before the links began");
        assertEquals(2, store.subtree(acme.id(), emea.id(), JUL).size());
    }

    @Test
    void theShapeInMemoryFollowsOwnChangesInPlaceAndOtherNodesChangesByItsVersion() {
        assertEquals(3, store.subtree(acme.id(), root.id(), JUL).size()); // now held in memory
        HierarchyShape held = store.shape(acme.id());
        HierarchyNode fr = store.addNode(MANAGER, acme.id(), "acc-fr", "Acme SARL", "industrial");
        store.link(MANAGER, acme.id(), new LinkDraft(emea.id(), fr.id(), LinkType.SUBSIDIARY, JAN, null));
        store.move(MANAGER, acme.id(), de.id(), root.id(), JUL, null);
        assertTrue(held == store.shape(acme.id()), "own changes are applied to the shape, not reloaded");
        assertEquals(Map.of(root.id(), List.of(emea.id(), de.id()), emea.id(), List.of(fr.id())),
                store.subtree(acme.id(), root.id(), JUL).children());
        assertEquals(Map.of(root.id(), List.of(emea.id()), emea.id(), List.of(de.id(), fr.id())),
                store.subtree(acme.id(), root.id(), JAN).children(), "the day before the move is unchanged");

        HierarchyStore otherNode = new HierarchyStore(db().database()); // another node of the cluster
        HierarchyLink frLink = otherNode.parentLinks(acme.id(), fr.id()).get(0);
        otherNode.unlink(MANAGER, acme.id(), frLink.id(), frLink.version());
        HierarchyShape.Walk walk = store.walk(acme.id(), root.id(), JUL);
        assertEquals(3, walk.size(), "the other node's unlink is seen on the next read");
        assertEquals("acc-root", walk.rootAccount());
        assertEquals(List.of("acc-root", "acc-de"), walk.accounts(), "the root's account first");
        assertEquals(1, store.subtree(acme.id(), fr.id(), JUL).size());
    }

    @Test
    void unlinkNeedsTheCurrentVersion() {
        HierarchyLink link = store.parentLinks(acme.id(), de.id()).get(0);
        assertThrows(StaleVersionException.class, () -> store.unlink(MANAGER, acme.id(), link.id(), 7));
        store.unlink(MANAGER, acme.id(), link.id(), 1);
        assertEquals(List.of(), store.ancestors(acme.id(), de.id(), JUL));
        assertEquals(List.of("created", "deleted"), db().audit("hierarchy-link", link.id()).stream()
                .map(a -> a.action()).sorted().toList());
    }
}
