package org.openkam.hierarchy.internal;

import java.util.List;
import java.util.Map;

import org.openkam.api.ValidationException;

/**
 * The shape of a subtree on one day, as a rollup needs it: each node's children, and the account of each account
 * node (grouping nodes have none).
 */
public record Subtree(String root, Map<String, List<String>> children, Map<String, String> accountOfNode, int size) {

    /**
     * Refuses a subtree of more than {@code max} accounts for work that reads each account on its own;
     * {@code reads} says what it reads, for the message.
     */
    public Subtree requireAccountsAtMost(int max, String reads) {
        if (accountOfNode.size() > max) {
            throw new ValidationException("nodeId", reads + ": choose a subtree of at most " + max + " accounts, not "
                    + accountOfNode.size());
        }
        return this;
    }
}
