package org.openkam.hierarchy.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Own, children and total of a figure for every node of a subtree, children before parents on an explicit stack: the
 * depth is unlimited, so no recursion. Linear in the subtree's size.
 */
public final class SubtreeSums {

    /** A node's own figures, the sum of its children's totals, and both together. */
    public record Parts<T>(T own, T children, T total) {
    }

    private SubtreeSums() {
    }

    /** The rollup figures: {@link #of(String, Map, Map, Object, BinaryOperator)} of {@link NodeFigures}. */
    public static Map<String, Parts<NodeFigures>> of(String root, Map<String, List<String>> children,
            Map<String, NodeFigures> own) {
        return of(root, children, own, NodeFigures.NONE, NodeFigures::plus);
    }

    /**
     * @param children each node's children on the day
     * @param own each node's own figures (absent: {@code none})
     * @return every node's parts, parents before children (the root first)
     */
    public static <T> Map<String, Parts<T>> of(String root, Map<String, List<String>> children, Map<String, T> own,
            T none, BinaryOperator<T> plus) {
        List<String> order = new ArrayList<>();
        Deque<String> stack = new ArrayDeque<>(List.of(root));
        while (!stack.isEmpty()) {
            String node = stack.pop();
            order.add(node);
            List<String> kids = children.getOrDefault(node, List.of());
            for (int i = kids.size() - 1; i >= 0; i--) { // the first child is walked first
                stack.push(kids.get(i));
            }
        }
        Map<String, Parts<T>> sums = new HashMap<>(order.size() * 2);
        for (int i = order.size() - 1; i >= 0; i--) { // pre-order reversed: every child before its parent
            String node = order.get(i);
            T below = none;
            for (String child : children.getOrDefault(node, List.of())) {
                below = plus.apply(below, sums.get(child).total());
            }
            T mine = own.getOrDefault(node, none);
            sums.put(node, new Parts<>(mine, below, plus.apply(mine, below)));
        }
        Map<String, Parts<T>> out = new LinkedHashMap<>(order.size() * 2);
        order.forEach(node -> out.put(node, sums.get(node)));
        return out;
    }
}
