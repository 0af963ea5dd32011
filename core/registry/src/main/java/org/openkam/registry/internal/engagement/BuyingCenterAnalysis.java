package org.openkam.registry.internal.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.account.Contact;
import org.openkam.api.engagement.BuyingCenter;
import org.openkam.api.engagement.ContactRef;
import org.openkam.api.engagement.Coverage;
import org.openkam.api.engagement.OrgChartNode;

/** The org chart and coverage report of a buying center, from its contacts, team and last contacts. */
final class BuyingCenterAnalysis {

    private BuyingCenterAnalysis() {
    }

    /**
     * A contact is stale if they were last met in a done activity on a day (UTC) before {@code today} minus
     * {@code freshnessDays}: with 90 days and today 2027-06-30, a contact last met on 2027-04-01 is fresh, one last
     * met on 2027-03-31 is stale. One never met counts from the day they were recorded, so a new contact is not
     * flagged before anyone could meet them.
     */
    static boolean stale(Instant lastContact, Instant createdAt, LocalDate today, int freshnessDays) {
        Instant since = lastContact != null ? lastContact : createdAt;
        return since == null || LocalDate.ofInstant(since, ZoneOffset.UTC).isBefore(today.minusDays(freshnessDays));
    }

    /**
     * The buying center of an account.
     *
     * @param contacts the account's contacts, in the order siblings are to be shown
     * @param lastContacts when a done activity last took place with each contact, by contact id (absent: never)
     * @param team the user ids of the account team; an owner outside it counts as no owner
     */
    static BuyingCenter of(List<Contact> contacts, Map<String, Instant> lastContacts, Set<String> team,
            LocalDate today, int freshnessDays) {
        Map<String, Contact> byId = new LinkedHashMap<>();
        contacts.forEach(c -> byId.put(c.id(), c));
        Map<String, List<Contact>> reports = new LinkedHashMap<>();
        List<Contact> roots = new ArrayList<>();
        for (Contact c : contacts) {
            if (c.reportsTo() != null && byId.containsKey(c.reportsTo())) {
                reports.computeIfAbsent(c.reportsTo(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        Set<String> placed = new HashSet<>();
        List<OrgChartNode> tree = new ArrayList<>();
        for (Contact root : roots) {
            tree.add(node(root, reports, lastContacts, today, freshnessDays, placed));
        }
        // Stored lines form no cycle; should one slip in, its members still show, as roots.
        for (Contact c : contacts) {
            if (!placed.contains(c.id())) {
                tree.add(node(c, reports, lastContacts, today, freshnessDays, placed));
            }
        }
        return new BuyingCenter(tree, coverage(contacts, lastContacts, team, today, freshnessDays));
    }

    static Coverage coverage(List<Contact> contacts, Map<String, Instant> lastContacts, Set<String> team,
            LocalDate today, int freshnessDays) {
        Set<BuyingCenterRole> unfilled = EnumSet.allOf(BuyingCenterRole.class);
        List<ContactRef> unowned = new ArrayList<>();
        List<ContactRef> stale = new ArrayList<>();
        for (Contact c : contacts) {
            unfilled.removeAll(c.roles());
            Instant last = lastContacts.get(c.id());
            ContactRef ref = new ContactRef(c.id(), c.name(), last);
            if (c.isKey() && (c.relationshipOwner() == null || !team.contains(c.relationshipOwner()))) {
                unowned.add(ref);
            }
            if (stale(last, c.createdAt(), today, freshnessDays)) {
                stale.add(ref);
            }
        }
        return new Coverage(contacts.size(), List.copyOf(unfilled), unowned, stale, freshnessDays);
    }

    private static OrgChartNode node(Contact c, Map<String, List<Contact>> reports, Map<String, Instant> lastContacts,
            LocalDate today, int freshnessDays, Set<String> placed) {
        placed.add(c.id());
        List<OrgChartNode> children = new ArrayList<>();
        for (Contact report : reports.getOrDefault(c.id(), List.of())) {
            if (!placed.contains(report.id())) {
                children.add(node(report, reports, lastContacts, today, freshnessDays, placed));
            }
        }
        Instant last = lastContacts.get(c.id());
        return new OrgChartNode(c.id(), c.name(), c.jobTitle(), c.roles(), c.attitude(), c.influence(),
                c.relationshipOwner(), c.relationshipStrength(), last,
                stale(last, c.createdAt(), today, freshnessDays), children);
    }
}
