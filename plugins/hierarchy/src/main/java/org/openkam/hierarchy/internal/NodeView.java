package org.openkam.hierarchy.internal;

/** A node as a caller sees it in a level of the tree: with how many children it has that day. */
public record NodeView(String id, String accountId, String name, String businessUnit, boolean grouping,
        int childCount) {

    static NodeView of(HierarchyNode node, int childCount) {
        return new NodeView(node.id(), node.accountId(), node.name(), node.businessUnit(), node.grouping(),
                childCount);
    }
}
