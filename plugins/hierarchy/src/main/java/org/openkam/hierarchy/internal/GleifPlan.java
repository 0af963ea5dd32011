package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openkam.api.job.JobProblem;

/**
 * What GLEIF's relationships say a hierarchy should hold: a link per direct consolidation (subsidiary) and per
 * international branch, over the relationship period. An inactive relationship is history when its period ends,
 * and is left out (reported) when it does not; ultimate consolidations build nothing but check the direct chain's
 * top, and every disagreement is reported; a node without an entity record becomes a placeholder, reported.
 */
record GleifPlan(List<Edge> edges, Map<String, Long> placeholders, List<JobProblem> problems) {

    /** Links before GLEIF knows of a start: the relationship holds from the beginning of the records. */
    static final LocalDate SINCE_EVER = LocalDate.of(1900, 1, 1);

    /** Child under parent from {@code from} until {@code to} (exclusive, {@code null}: open), read on {@code line}. */
    record Edge(String child, String parent, LinkType type, LocalDate from, LocalDate to, long line) {
    }

    static GleifPlan of(List<GleifRelationship> relationships, Map<String, GleifEntity> entities, String file) {
        List<Edge> edges = new ArrayList<>();
        Map<String, Long> placeholders = new LinkedHashMap<>();
        List<JobProblem> problems = new ArrayList<>();
        Map<String, String> parentNow = new HashMap<>();
        for (GleifRelationship r : relationships) {
            LinkType type = switch (r.type()) {
                case GleifRelationship.DIRECT -> LinkType.SUBSIDIARY;
                case GleifRelationship.BRANCH -> LinkType.BRANCH;
                default -> null;
            };
            if (type == null) {
                if (!r.type().equals(GleifRelationship.ULTIMATE)) {
                    problems.add(new JobProblem(r.line(), file + ".Relationship.RelationshipType", "unknown type "
                            + r.type() + ": left out"));
                }
                continue;
            }
            if (!r.active() && r.to() == null) {
                problems.add(new JobProblem(r.line(), file + ".Relationship.RelationshipStatus", "inactive without an "
                        + "end of its relationship period: left out"));
                continue;
            }
            LocalDate from = r.from() == null ? SINCE_EVER : r.from();
            if (r.to() != null && !r.to().isAfter(from)) {
                problems.add(new JobProblem(r.line(), file + ".Relationship.Period.endDate", "ends before it starts: "
                        + "left out"));
                continue;
            }
            for (String lei : List.of(r.start(), r.end())) {
                if (!entities.containsKey(lei) && !placeholders.containsKey(lei)) {
                    placeholders.put(lei, r.line());
                    problems.add(new JobProblem(r.line(), file + "." + (lei.equals(r.start()) ? GleifFiles.RR_START
                            : "Relationship.EndNode.NodeID"), "no entity record for " + lei
                            + ": a placeholder node stands in"));
                }
            }
            edges.add(new Edge(r.start(), r.end(), type, from, r.to(), r.line()));
            if (r.to() == null) {
                parentNow.put(r.start(), r.end());
            }
        }
        for (GleifRelationship r : relationships) {
            if (r.type().equals(GleifRelationship.ULTIMATE) && r.active()) {
                List<String> chain = chain(r.start(), parentNow);
                String top = chain.get(chain.size() - 1);
                if (!top.equals(r.end())) {
                    problems.add(new JobProblem(r.line(), file + ".Relationship.EndNode.NodeID", "the ultimate parent "
                            + r.end() + " disagrees with the direct chain " + String.join(" > ", chain)));
                }
            }
        }
        return new GleifPlan(edges, placeholders, problems);
    }

    /** The node and its current parents up to the top (a cycle in the data stops the walk). */
    private static List<String> chain(String start, Map<String, String> parent) {
        Set<String> seen = new LinkedHashSet<>(List.of(start));
        String at = start;
        while (parent.containsKey(at) && seen.add(parent.get(at))) {
            at = parent.get(at);
        }
        return List.copyOf(seen);
    }

    /** Every LEI the plan places. */
    Set<String> leis() {
        Set<String> out = new LinkedHashSet<>();
        edges.forEach(e -> {
            out.add(e.child());
            out.add(e.parent());
        });
        return out;
    }
}
