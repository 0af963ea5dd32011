package org.openkam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTest {

    private final Caller kam = new Caller("u1", "kam", false, Map.of("retail", Set.of(Role.KEY_ACCOUNT_MANAGER),
            "pharma", Set.of(Role.VIEWER)));

    @Test
    void rightsFollowTheRoleInEachUnit() {
        assertTrue(kam.canRead("retail"));
        assertTrue(kam.canEdit("retail"));
        assertFalse(kam.canManage("retail"));
        assertTrue(kam.canRead("pharma"));
        assertFalse(kam.canEdit("pharma"));
        assertFalse(kam.canRead("industrial"));
        assertEquals(Set.of("pharma", "retail"), kam.readableUnits());
    }

    @Test
    void unitAdministratorsManageOnlyTheirUnit() {
        Caller buAdmin = new Caller("u2", "boss", false, Map.of("retail", Set.of(Role.BU_ADMIN)));
        assertTrue(buAdmin.canManage("retail"));
        assertTrue(buAdmin.canEdit("retail"));
        assertFalse(buAdmin.canManage("pharma"));
    }

    @Test
    void administratorsReachEveryUnit() {
        Caller admin = new Caller("u3", "admin", true, Map.of());
        assertTrue(admin.canManage("anything"));
        assertTrue(admin.canEdit("anything"));
    }

    @Test
    void grantsCannotBeChangedAfterTheFact() {
        Map<String, Set<Role>> grants = new HashMap<>();
        Set<Role> roles = new HashSet<>(Set.of(Role.VIEWER));
        grants.put("retail", roles);
        Caller c = new Caller("u4", "v", false, grants);
        roles.add(Role.BU_ADMIN);
        grants.put("pharma", Set.of(Role.BU_ADMIN));
        assertFalse(c.canEdit("retail"));
        assertFalse(c.canRead("pharma"));
        assertThrows(UnsupportedOperationException.class, () -> c.grants().put("x", Set.of()));
    }
}
