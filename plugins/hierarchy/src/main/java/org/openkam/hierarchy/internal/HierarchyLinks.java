package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.openkam.api.ConflictException;

/**
 * The links of one hierarchy in memory and the rules every change keeps: at most one parent per node and day,
 * and no cycle on any day. Links change only on their boundary days, so checking a new link's first day and every
 * boundary inside its period checks every day of it.
 */
public final class HierarchyLinks {

    private final Map<String, List<HierarchyLink>> byChild = new HashMap<>();
    private final Map<String, HierarchyLink> byId = new HashMap<>();

    public HierarchyLinks(Collection<HierarchyLink> links) {
        links.forEach(this::put);
    }

    private void put(HierarchyLink link) {
        byId.put(link.id(), link);
        byChild.computeIfAbsent(link.childId(), c -> new ArrayList<>()).add(link);
    }

    public Optional<HierarchyLink> link(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The link to the node's parent on the day, if it has one. */
    public Optional<HierarchyLink> parentLink(String child, LocalDate day) {
        return byChild.getOrDefault(child, List.of()).stream().filter(l -> l.validOn(day)).findFirst();
    }

    /** The node's ancestors on the day, its parent first. */
    public List<String> ancestors(String node, LocalDate day) {
        List<String> out = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>(List.of(node));
        Optional<HierarchyLink> up = parentLink(node, day);
        while (up.isPresent() && seen.add(up.get().parentId())) {
            out.add(up.get().parentId());
            up = parentLink(up.get().parentId(), day);
        }
        return out;
    }

    /**
     * Refuses a new link that would give its child a second parent on some day ({@code validFrom} is named) or
     * close a cycle ({@code parentId} is named, with the path in the message, in {@code label}s).
     */
    public void check(LinkDraft draft, Function<String, String> label) {
        for (HierarchyLink other : byChild.getOrDefault(draft.childId(), List.of())) {
            if (other.overlaps(draft.validFrom(), draft.validTo())) {
                throw new ConflictException("validFrom", label.apply(draft.childId()) + " already has the parent "
                        + label.apply(other.parentId()) + " from " + other.validFrom()
                        + (other.validTo() == null ? "" : " until " + other.validTo())
                        + "; a node has at most one parent per day");
            }
        }
        for (LocalDate day : boundaries(draft.validFrom(), draft.validTo())) {
            List<String> above = ancestors(draft.parentId(), day);
            int at = above.indexOf(draft.childId());
            if (at >= 0 || draft.parentId().equals(draft.childId())) {
                List<String> path = new ArrayList<>();
                path.add(draft.childId());
                path.add(draft.parentId());
                path.addAll(above.subList(0, at + 1));
                throw new ConflictException("parentId", "linking " + label.apply(draft.childId()) + " under "
                        + label.apply(draft.parentId()) + " would close the cycle "
                        + String.join(" > ", path.stream().map(label).toList()) + " on " + day);
            }
        }
    }

    /** The new state after a change: {@code removed} gone, {@code added} in (each may be {@code null}). */
    public HierarchyLinks with(HierarchyLink removed, HierarchyLink added) {
        List<HierarchyLink> links = new ArrayList<>(byId.values());
        if (removed != null) {
            links.removeIf(l -> l.id().equals(removed.id()));
        }
        if (added != null) {
            links.add(added);
        }
        return new HierarchyLinks(links);
    }

    /** The first day and every day inside [from, to) on which some link starts or ends. */
    private List<LocalDate> boundaries(LocalDate from, LocalDate to) {
        TreeSet<LocalDate> days = new TreeSet<>(List.of(from));
        for (HierarchyLink l : byId.values()) {
            for (LocalDate d : new LocalDate[] {l.validFrom(), l.validTo()}) {
                if (d != null && d.isAfter(from) && (to == null || d.isBefore(to))) {
                    days.add(d);
                }
            }
        }
        return List.copyOf(days);
    }
}
