package org.openkam.registry.internal.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who reports to whom among an account's contacts: a forest, so a change must not close a cycle. */
final class ReportingLines {

    private ReportingLines() {
    }

    /**
     * The cycle that letting {@code contactId} report to {@code reportsTo} would close, as the contact ids
     * along the line from {@code contactId} back to itself (e.g. {@code [a, b, c, a]}); empty if none.
     *
     * @param current every contact's current {@code reportsTo} by contact id (the entry of {@code contactId}
     *        itself is ignored: it is the one changing)
     */
    static List<String> cycle(String contactId, String reportsTo, Map<String, String> current) {
        List<String> line = new ArrayList<>();
        line.add(contactId);
        Set<String> seen = new HashSet<>();
        String next = reportsTo;
        while (next != null) {
            line.add(next);
            if (next.equals(contactId)) {
                return line;
            }
            if (!seen.add(next)) {
                return List.of(); // a loop above that does not pass through the contact; stored data never has one
            }
            next = current.get(next);
        }
        return List.of();
    }
}
