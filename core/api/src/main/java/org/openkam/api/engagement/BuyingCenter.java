package org.openkam.api.engagement;

import java.util.List;
import java.util.Objects;

/**
 * An account's buying center: the org chart of its contacts and how well the team covers it.
 *
 * @param roots the contacts who report to no one, each with the tree of those reporting to them
 */
public record BuyingCenter(List<OrgChartNode> roots, Coverage coverage) {

    public BuyingCenter {
        roots = List.copyOf(roots);
        Objects.requireNonNull(coverage, "coverage");
    }
}
