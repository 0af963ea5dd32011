package org.openkam.hierarchy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.openkam.api.engagement.ContactRef;

/**
 * Where the buying centers of a subtree's accounts are thin on a day, as the core's buying-center report of each
 * account tells it: per visible node the counts of unfilled roles, key contacts without an owner and stale contacts,
 * own, children (summed up the tree) and total; and for the subtree as a whole the lists behind the counts. Nodes
 * whose account the caller may not read are left out and counted in {@code hiddenNodes}; {@code freshnessDays} is
 * the window the reports judged staleness by ({@code null} when no account was read).
 *
 * @param unfilledRoles per buying-center role (wire name), the nodes whose account has no contact holding it
 */
public record BuyingCenterGaps(String hierarchyId, String nodeId, LocalDate asOf, Integer freshnessDays,
        List<NodeGaps> nodes, Map<String, List<String>> unfilledRoles, List<NodeContact> keyContactsWithoutOwner,
        List<NodeContact> staleContacts, int hiddenNodes) {

    /** One node's gap counts: own (its account's), children (the sum of its children's totals) and total. */
    public record NodeGaps(String nodeId, String name, Rollup.Part<Integer> unfilledRoles,
            Rollup.Part<Integer> keyContactsWithoutOwner, Rollup.Part<Integer> staleContacts) {
    }

    /** A contact named by a gap, with the node of its account. */
    public record NodeContact(String nodeId, String contactId, String name, Instant lastContactAt) {

        static NodeContact of(String nodeId, ContactRef contact) {
            return new NodeContact(nodeId, contact.contactId(), contact.name(), contact.lastContactAt());
        }
    }

    /** The three counts of one account, or of a subtree's accounts summed. */
    record Counts(int unfilledRoles, int keyContactsWithoutOwner, int staleContacts) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(unfilledRoles + other.unfilledRoles, keyContactsWithoutOwner
                    + other.keyContactsWithoutOwner, staleContacts + other.staleContacts);
        }
    }
}
