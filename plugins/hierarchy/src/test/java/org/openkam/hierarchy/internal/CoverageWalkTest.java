package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Responsibility handed down: own wins, the nearest ancestor's otherwise, and from above the subtree too. */
class CoverageWalkTest {

    final Map<String, List<String>> tree = Map.of("holding", List.of("emea"), "emea", List.of("de", "uk"));

    @Test
    void aNodesOwnResponsibleWinsAndTheNearestAncestorsIsInherited() {
        Map<String, Map<String, Coverage.Responsible>> c = CoverageWalk.of("holding", tree, Map.of(
                "holding", Map.of("key-account-manager", "gkam", "sales", "global-sales"),
                "de", Map.of("sales", "local-sales")), Map.of());

        assertEquals(List.of("holding", "emea", "de", "uk"), List.copyOf(c.keySet()), "parents before children");
        assertEquals(new Coverage.Responsible("gkam", "holding", false), c.get("holding").get("key-account-manager"));
        assertEquals(new Coverage.Responsible("gkam", "holding", true), c.get("de").get("key-account-manager"));
        assertEquals(new Coverage.Responsible("local-sales", "de", false), c.get("de").get("sales"));
        assertEquals(new Coverage.Responsible("global-sales", "holding", true), c.get("uk").get("sales"));
        assertEquals(Map.of(), Map.copyOf(CoverageWalk.of("emea", tree, Map.of(), Map.of()).get("uk")),
                "nobody covers a subtree without responsible members");
    }

    @Test
    void responsibilityFromAboveTheSubtreeIsInherited() {
        Map<String, Coverage.Responsible> above = Map.of("key-account-manager",
                new Coverage.Responsible("gkam", "holding", true));
        Map<String, Map<String, Coverage.Responsible>> c = CoverageWalk.of("emea", tree, Map.of(), above);
        assertEquals(new Coverage.Responsible("gkam", "holding", true), c.get("uk").get("key-account-manager"));
    }
}
