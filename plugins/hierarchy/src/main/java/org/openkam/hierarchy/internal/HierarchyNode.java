package org.openkam.hierarchy.internal;

import java.time.Instant;

/**
 * A place in a hierarchy: an account ({@code accountId} set) or a grouping node that is no customer ("EMEA").
 * {@code businessUnit} is the account's unit when it was placed (the hierarchy's for a grouping node): who may
 * see the node.
 */
public record HierarchyNode(String id, String hierarchyId, String accountId, String name, String businessUnit,
        long version, Instant createdAt) {

    public boolean grouping() {
        return accountId == null;
    }
}
