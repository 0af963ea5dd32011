package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Who is responsible for a subtree's nodes on a day, per team function: for every visible node the responsible
 * user per function, own ({@code from} is the node) or inherited from the nearest ancestor that has one; and per
 * function the nodes nobody covers.
 */
public record Coverage(String hierarchyId, String nodeId, LocalDate asOf, List<NodeCoverage> nodes,
        Map<String, List<String>> uncovered, int hiddenNodes) {

    /** One node's responsible users by function (the wire name of the team function). */
    public record NodeCoverage(String nodeId, String name, Map<String, Responsible> functions) {
    }

    /** A responsible user and the node whose team names the user. */
    public record Responsible(String userId, String from, boolean inherited) {
    }
}
