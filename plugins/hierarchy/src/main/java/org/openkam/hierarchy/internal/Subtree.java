package org.openkam.hierarchy.internal;

import java.util.List;
import java.util.Map;

/**
 * The shape of a subtree on one day, as a rollup needs it: each node's children, and the account of each account
 * node (grouping nodes have none).
 */
public record Subtree(String root, Map<String, List<String>> children, Map<String, String> accountOfNode, int size) {
}
