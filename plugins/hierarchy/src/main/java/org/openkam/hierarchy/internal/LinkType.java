package org.openkam.hierarchy.internal;

/** Why a node hangs under its parent. */
public enum LinkType {
    /** A legal entity owned by its parent. */
    SUBSIDIARY,
    /** A branch of its parent, not a legal entity of its own. */
    BRANCH,
    /** Placed under a grouping node (a region, a country) for steering, not by ownership. */
    REGIONAL_GROUPING
}
