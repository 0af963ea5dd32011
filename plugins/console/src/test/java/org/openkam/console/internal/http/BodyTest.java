package org.openkam.console.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    @Test
    void datesAreIsoDays() {
        Body b = body("{\"due\": \"2027-03-31\", \"bad\": \"31.03.2027\", \"number\": 20270331, \"gone\": null}");
        assertEquals(LocalDate.of(2027, 3, 31), b.date("due", null));
        assertNull(b.date("gone", LocalDate.MIN));
        assertEquals(LocalDate.MIN, b.date("absent", LocalDate.MIN));
        b.date("bad", null);
        b.date("number", null);
        ValidationException e = assertThrows(ValidationException.class, b::throwIfAny);
        assertEquals(List.of("bad", "number"), e.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void nestedProblemsAreNamedByTheirPath() {
        Body b = body("{\"period\": {\"start\": \"x\", \"colour\": 1}, \"items\": [{\"n\": 1}, 7, {\"n\": \"two\"}],"
                + " \"tags\": [\"a\", 2], \"list\": {}}");
        b.object("period", null, p -> {
            p.allow(Set.of("start"), Set.of());
            return p.date("start", null);
        });
        List<Long> items = b.objects("items", List.of(), i -> i.whole("n"));
        assertEquals(List.of("a"), b.textList("tags", List.of()));
        b.objects("list", List.of(), i -> i);
        assertEquals(2, items.size());
        assertEquals(List.of(), b.objects("none", List.of(), i -> i));
        ValidationException e = assertThrows(ValidationException.class, b::throwIfAny);
        assertEquals(List.of("period.colour", "period.start", "items[1]", "items[2].n", "tags[1]", "list"),
                e.violations().stream().map(v -> v.field()).toList());
    }
}
