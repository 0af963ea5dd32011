package org.openkam.console.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openkam.api.Role;
import org.openkam.api.ValidationException;
import org.openkam.api.account.KeyAccountTier;

import com.google.gson.JsonParser;

class BodyTest {

    private static Body body(String json) {
        return new Body(JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void everyBadFieldIsNamed() {
        Body b = body("{\"name\": 3, \"tier\": \"gold\", \"annualSales\": \"lots\", \"colour\": \"red\", \"id\": \"x\"}");
        b.allow(Set.of("name", "tier", "annualSales"), Set.of("id"));
        b.text("name", null);
        b.choice("tier", KeyAccountTier.class, null);
        b.decimal("annualSales", null);
        ValidationException e = assertThrows(ValidationException.class, b::throwIfAny);
        assertEquals(Set.of("colour", "name", "tier", "annualSales"),
                Set.copyOf(e.violations().stream().map(v -> v.field()).toList()));
    }

    @Test
    void absentFieldsKeepTheBaseAndNullClears() {
        Body b = body("{\"legalName\": null, \"annualSales\": \"1200.50\", \"tier\": \"strategic\"}");
        assertEquals("Kept", b.text("name", "Kept"));
        assertNull(b.text("legalName", "Old"));
        assertEquals(new BigDecimal("1200.50"), b.decimal("annualSales", null));
        assertEquals(KeyAccountTier.STRATEGIC, b.choice("tier", KeyAccountTier.class, KeyAccountTier.NONE));
        b.throwIfAny();
    }

    @Test
    void grantsUseRoleNames() {
        Body b = body("{\"grants\": {\"retail\": [\"key-account-manager\", \"viewer\"], \"pharma\": [\"boss\"]}}");
        Map<String, Set<Role>> grants = b.grants("grants", Map.of());
        assertEquals(Set.of(Role.KEY_ACCOUNT_MANAGER, Role.VIEWER), grants.get("retail"));
        ValidationException e = assertThrows(ValidationException.class, b::throwIfAny);
        assertEquals("grants.pharma", e.violations().get(0).field());
    }
}
