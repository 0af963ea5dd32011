package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.account.AccountTeamMember;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.account.TeamFunction;

/**
 * Coverage of a subtree: the responsible team members of each account node (read through {@link AccountTeams} as
 * the caller, one account at a time, hence the limit), handed down from the node's ancestors and through the
 * subtree by {@link CoverageWalk}. Accounts the caller may not read are left out and counted.
 */
final class HierarchyCoverage {

    static final int MAX_ACCOUNTS = 2000;
    private final HierarchyStore store;
    private final AccountTeams teams;

    HierarchyCoverage(HierarchyStore store, AccountTeams teams) {
        this.store = store;
        this.teams = teams;
    }

    Coverage of(Caller caller, String hierarchyId, String nodeId, LocalDate day) {
        Subtree subtree = store.subtree(hierarchyId, nodeId, day).requireAccountsAtMost(MAX_ACCOUNTS,
                "coverage reads every account's team");
        Map<String, HierarchyNode> nodes = store.nodes(hierarchyId);
        List<HierarchyNode> ancestors = new ArrayList<>(store.ancestors(hierarchyId, nodeId, day));
        Collections.reverse(ancestors); // the top first, so nearer ancestors override
        Map<String, Coverage.Responsible> above = new TreeMap<>();
        for (HierarchyNode a : ancestors) {
            if (!a.grouping()) {
                responsible(caller, a.accountId()).forEach((f, user) -> above.put(f,
                        new Coverage.Responsible(user, a.id(), true)));
            }
        }
        Map<String, Map<String, String>> own = new HashMap<>();
        List<String> hidden = new ArrayList<>();
        subtree.accountOfNode().forEach((node, account) -> {
            Map<String, String> mine = caller.canRead(nodes.get(node).businessUnit()) ? responsible(caller, account)
                    : null;
            if (mine == null) {
                hidden.add(node);
            } else {
                own.put(node, mine);
            }
        });
        Map<String, List<String>> uncovered = new TreeMap<>();
        for (TeamFunction f : TeamFunction.values()) {
            uncovered.put(wire(f), new ArrayList<>());
        }
        List<Coverage.NodeCoverage> out = new ArrayList<>();
        CoverageWalk.of(nodeId, subtree.children(), own, above).forEach((node, functions) -> {
            if (hidden.contains(node)) {
                return;
            }
            out.add(new Coverage.NodeCoverage(node, nodes.get(node).name(), functions));
            uncovered.forEach((f, list) -> {
                if (!functions.containsKey(f)) {
                    list.add(node);
                }
            });
        });
        return new Coverage(hierarchyId, nodeId, day, out, uncovered, hidden.size());
    }

    /** The account's responsible user per function, or {@code null} if the caller may not read the account. */
    private Map<String, String> responsible(Caller caller, String accountId) {
        try {
            Map<String, String> out = new TreeMap<>();
            for (AccountTeamMember m : teams.list(caller, accountId)) {
                if (m.responsible()) {
                    out.put(wire(m.function()), m.userId());
                }
            }
            return out;
        } catch (NotFoundException e) {
            return null;
        }
    }

    static String wire(TeamFunction f) {
        return f.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
