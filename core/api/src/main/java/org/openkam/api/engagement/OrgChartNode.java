package org.openkam.api.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.openkam.api.account.Attitude;
import org.openkam.api.account.BuyingCenterRole;

/**
 * A contact in the buying center's org chart, with the contacts who report to them.
 *
 * @param lastContactAt when a done activity with the contact last took place, or {@code null} if never
 * @param stale whether that is longer ago than the freshness window; for a contact never met, whether they were
 *        recorded longer ago than that
 * @param directReports the contacts whose {@code reportsTo} is this one, by name
 */
public record OrgChartNode(String contactId, String name, String jobTitle, Set<BuyingCenterRole> roles,
        Attitude attitude, Integer influence, String relationshipOwner, Integer relationshipStrength,
        Instant lastContactAt, boolean stale, List<OrgChartNode> directReports) {

    public OrgChartNode {
        Objects.requireNonNull(contactId, "contactId");
        roles = roles == null ? Set.of() : roles;
        directReports = directReports == null ? List.of() : List.copyOf(directReports);
    }
}
