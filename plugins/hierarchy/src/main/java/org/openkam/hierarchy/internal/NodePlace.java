package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A node's place on a day: the node, its ancestors the caller may see (the root first) and how many above it are
 * hidden, the links to its parents over time.
 */
public record NodePlace(String hierarchyId, String hierarchyName, LocalDate asOf, NodeView node, List<NodeView> path,
        int hiddenAncestors, List<HierarchyLink> parentLinks) {
}
