package org.openkam.registry.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.audit.FieldChange;

class AuditLogTest {

    @Test
    void diffListsChangedAddedAndRemovedFieldsInOrder() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("name", "Alpha");
        before.put("country", "DE");
        before.put("attributes.segment", "A");
        Map<String, String> after = new LinkedHashMap<>();
        after.put("name", "Alpha");
        after.put("country", "AT");
        after.put("region", "EMEA");
        assertEquals(List.of(new FieldChange("country", "DE", "AT"), new FieldChange("attributes.segment", "A", null),
                new FieldChange("region", null, "EMEA")), AuditLog.diff(before, after));
    }

    @Test
    void creationAndDeletionListEveryField() {
        assertEquals(List.of(new FieldChange("name", null, "Alpha")), AuditLog.diff(null, Map.of("name", "Alpha")));
        assertEquals(List.of(new FieldChange("name", "Alpha", null)), AuditLog.diff(Map.of("name", "Alpha"), null));
    }
}
