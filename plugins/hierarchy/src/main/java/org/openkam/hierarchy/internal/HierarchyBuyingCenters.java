package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.engagement.BuyingCenters;
import org.openkam.api.engagement.ContactRef;
import org.openkam.api.engagement.Coverage;
import org.openkam.http.api.Json;

/**
 * Buying-center coverage across a subtree: each account node's buying-center report read through
 * {@link BuyingCenters} as the caller (one account at a time, hence the limit; staleness as that contract defines
 * it, with its configured freshness window), its gaps counted and summed up the tree by {@link SubtreeSums}.
 * Accounts the caller may not read are left out and counted; grouping nodes have no gaps of their own.
 */
final class HierarchyBuyingCenters {

    static final int MAX_ACCOUNTS = HierarchyCoverage.MAX_ACCOUNTS;
    private final HierarchyStore store;
    private final BuyingCenters buyingCenters;

    HierarchyBuyingCenters(HierarchyStore store, BuyingCenters buyingCenters) {
        this.store = store;
        this.buyingCenters = buyingCenters;
    }

    BuyingCenterGaps of(Caller caller, String hierarchyId, String nodeId, LocalDate day) {
        Subtree subtree = store.subtree(hierarchyId, nodeId, day).requireAccountsAtMost(MAX_ACCOUNTS,
                "buying-center coverage reads every account's buying center");
        Map<String, HierarchyNode> nodes = store.nodes(hierarchyId);
        Map<String, Coverage> reports = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        subtree.accountOfNode().forEach((node, account) -> {
            Coverage report = caller.canRead(nodes.get(node).businessUnit()) ? report(caller, account, day) : null;
            if (report == null) {
                hidden.add(node);
            } else {
                reports.put(node, report);
            }
        });
        Map<String, BuyingCenterGaps.Counts> own = new HashMap<>();
        reports.forEach((node, r) -> own.put(node, new BuyingCenterGaps.Counts(r.unfilledRoles().size(),
                r.keyContactsWithoutOwner().size(), r.staleContacts().size())));
        Map<String, SubtreeSums.Parts<BuyingCenterGaps.Counts>> sums = SubtreeSums.of(nodeId, subtree.children(), own,
                BuyingCenterGaps.Counts.NONE, BuyingCenterGaps.Counts::plus);

        Map<String, List<String>> unfilled = new TreeMap<>();
        for (BuyingCenterRole role : BuyingCenterRole.values()) {
            unfilled.put(Json.wire(role), new ArrayList<>());
        }
        List<BuyingCenterGaps.NodeGaps> out = new ArrayList<>();
        List<BuyingCenterGaps.NodeContact> unowned = new ArrayList<>();
        List<BuyingCenterGaps.NodeContact> stale = new ArrayList<>();
        sums.forEach((node, parts) -> { // parents before children
            if (hidden.contains(node)) {
                return;
            }
            out.add(new BuyingCenterGaps.NodeGaps(node, nodes.get(node).name(),
                    part(parts, BuyingCenterGaps.Counts::unfilledRoles),
                    part(parts, BuyingCenterGaps.Counts::keyContactsWithoutOwner),
                    part(parts, BuyingCenterGaps.Counts::staleContacts)));
            Coverage r = reports.get(node);
            if (r != null) {
                r.unfilledRoles().forEach(role -> unfilled.get(Json.wire(role)).add(node));
                for (ContactRef c : r.keyContactsWithoutOwner()) {
                    unowned.add(BuyingCenterGaps.NodeContact.of(node, c));
                }
                for (ContactRef c : r.staleContacts()) {
                    stale.add(BuyingCenterGaps.NodeContact.of(node, c));
                }
            }
        });
        Integer freshness = reports.values().stream().findAny().map(Coverage::freshnessDays).orElse(null);
        return new BuyingCenterGaps(hierarchyId, nodeId, day, freshness, out, unfilled, unowned, stale,
                hidden.size());
    }

    /** The account's buying-center report on the day, or {@code null} if the caller may not read the account. */
    private Coverage report(Caller caller, String accountId, LocalDate day) {
        try {
            return buyingCenters.buyingCenter(caller, accountId, day).coverage();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static Rollup.Part<Integer> part(SubtreeSums.Parts<BuyingCenterGaps.Counts> parts,
            Function<BuyingCenterGaps.Counts, Integer> count) {
        return new Rollup.Part<>(count.apply(parts.own()), count.apply(parts.children()),
                count.apply(parts.total()));
    }
}
