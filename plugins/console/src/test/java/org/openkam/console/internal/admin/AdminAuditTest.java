package org.openkam.console.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AdminAuditTest {

    @Test
    void secretsNeverReachTheTrailButAChangedOneSaysSo() {
        Map<String, List<String>> before = new LinkedHashMap<>();
        before.put("url", List.of("jdbc:postgresql://db/kam"));
        before.put("password", List.of("old-secret"));
        before.put("api.token", List.of("t-1"));
        before.put("service.pid", List.of("org.openkam.database"));
        before.put("felix.fileinstall.filename", List.of("file:/opt/openkam/etc/org.openkam.database.cfg"));
        Map<String, List<String>> after = new LinkedHashMap<>(before);
        after.put("password", List.of("new-secret"));
        after.put("hosts", List.of("a", "b"));

        assertEquals(Map.of("url", "jdbc:postgresql://db/kam", "password", AdminAudit.SECRET, "api.token",
                AdminAudit.SECRET), AdminAudit.settings(before, null, Set.of()), "bookkeeping left out, secrets masked");
        assertEquals(Map.of("url", "jdbc:postgresql://db/kam", "password", AdminAudit.SECRET_CHANGED, "api.token",
                AdminAudit.SECRET, "hosts", "a, b"), AdminAudit.settings(after, before, Set.of()));
        assertEquals(Map.of("pin", AdminAudit.SECRET), AdminAudit.settings(Map.of("pin", List.of("1234")), null,
                Set.of("pin")), "an attribute the definition types as a password");
        assertNull(AdminAudit.settings(null, before, Set.of()), "deleted");
    }
}
