package org.openkam.hierarchy.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands responsibility down a subtree, parents before children on an explicit stack (depth is unlimited): a node's
 * own responsible user for a function wins, otherwise the nearest ancestor's holds.
 */
final class CoverageWalk {

    private CoverageWalk() {
    }

    /**
     * @param above the responsibility the root inherits from its own ancestors
     * @param own each node's own responsible users by function
     * @return every node's responsibility by function, in walk order (the root first)
     */
    static Map<String, Map<String, Coverage.Responsible>> of(String root, Map<String, List<String>> children,
            Map<String, Map<String, String>> own, Map<String, Coverage.Responsible> above) {
        Map<String, Map<String, Coverage.Responsible>> out = new LinkedHashMap<>();
        Deque<String> stack = new ArrayDeque<>(List.of(root));
        Map<String, Map<String, Coverage.Responsible>> handedDown = new java.util.HashMap<>();
        handedDown.put(root, above);
        while (!stack.isEmpty()) {
            String node = stack.pop();
            Map<String, Coverage.Responsible> mine = new TreeMap<>();
            handedDown.remove(node).forEach((function, r) -> mine.put(function,
                    new Coverage.Responsible(r.userId(), r.from(), true)));
            own.getOrDefault(node, Map.of()).forEach((function, user) -> mine.put(function,
                    new Coverage.Responsible(user, node, false)));
            out.put(node, mine);
            List<String> kids = new ArrayList<>(children.getOrDefault(node, List.of()));
            for (int i = kids.size() - 1; i >= 0; i--) {
                handedDown.put(kids.get(i), mine);
                stack.push(kids.get(i));
            }
        }
        return out;
    }
}
