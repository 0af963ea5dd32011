package org.openkam.hierarchy.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Own, children and total figures for every node of a subtree, children before parents on an explicit stack: the
 * depth is unlimited, so no recursion. Linear in the subtree's size.
 */
public final class SubtreeSums {

    /** A node's own figures, the sum of its children's totals, and both together. */
    public record Parts(NodeFigures own, NodeFigures children, NodeFigures total) {
    }

    private SubtreeSums() {
    }

    /**
     * @param children each node's children on the day
     * @param own each node's own figures (absent: none)
     */
    public static Map<String, Parts> of(String root, Map<String, List<String>> children, Map<String, NodeFigures> own) {
        List<String> order = new ArrayList<>();
        Deque<String> stack = new ArrayDeque<>(List.of(root));
        while (!stack.isEmpty()) {
            String node = stack.pop();
            order.add(node);
            children.getOrDefault(node, List.of()).forEach(stack::push);
        }
        Map<String, Parts> out = new HashMap<>(order.size() * 2);
        for (int i = order.size() - 1; i >= 0; i--) { // pre-order reversed: every child before its parent
            String node = order.get(i);
            NodeFigures below = NodeFigures.NONE;
            for (String child : children.getOrDefault(node, List.of())) {
                below = below.plus(out.get(child).total());
            }
            NodeFigures mine = own.getOrDefault(node, NodeFigures.NONE);
            out.put(node, new Parts(mine, below, mine.plus(below)));
        }
        return out;
    }
}
