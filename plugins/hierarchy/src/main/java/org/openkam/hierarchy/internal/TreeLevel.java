package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One level of a hierarchy on a day: the children of {@code parentId} (the roots when {@code null}) the caller may
 * see, one page of them, and how many the caller may not see ({@code hidden}; their subtrees are out of reach).
 */
public record TreeLevel(String hierarchyId, String parentId, LocalDate asOf, List<NodeView> items, int total,
        int hidden) {
}
