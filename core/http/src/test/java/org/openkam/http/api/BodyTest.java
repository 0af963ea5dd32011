package org.openkam.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openkam.api.Role;
import org.openkam.api.ValidationException;
import org.openkam.api.account.Attitude;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.pipeline.OurPosition;

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
    void datesAreIsoTexts() {
        Body b = body("{\"due\": \"2027-03-31\", \"gone\": null, \"bad\": \"31.03.2027\", \"number\": 20270331}");
        assertEquals(LocalDate.of(2027, 3, 31), b.date("due", null));
        assertNull(b.date("gone", LocalDate.MIN));
        assertEquals(LocalDate.MAX, b.date("absent", LocalDate.MAX));
        b.date("bad", null);
        b.date("number", null);
        ValidationException e = assertThrows(ValidationException.class, b::throwIfAny);
        assertEquals(List.of("bad", "number"), e.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void listsOfObjectsNameTheItemOfEveryProblem() {
        Body b = body("{\"competitors\": [{\"name\": \"A\", \"position\": \"incumbent\"}, 7, "
                + "{\"name\": \"B\", \"position\": \"leader\", \"colour\": \"red\"}]}");
        List<String> names = b.objects("competitors", List.of(), item -> {
            item.allow(Set.of("name", "position"), Set.of());
            item.choice("position", OurPosition.class, null);
            return item.text("name", null);
        });
        assertEquals(List.of("A", "B"), names);
        ValidationException e = assertThrows(ValidationException.class, b::throwIfAny);
        assertEquals(List.of("competitors[1]", "competitors[2].colour", "competitors[2].position"),
                e.violations().stream().map(v -> v.field()).toList());
        assertEquals(List.of(), body("{\"competitors\": null}").objects("competitors", List.of("kept"), item -> "x"));
        assertEquals(List.of("kept"), body("{}").objects("competitors", List.of("kept"), item -> "x"));
    }

    @Test
    void fieldsWrittenElsewhereMaySendTheirValueBackButNotChangeIt() {
        body("{\"status\": \"open\"}").unchanged("status", "open", "closes elsewhere").throwIfAny();
        body("{}").unchanged("status", "open", "closes elsewhere").throwIfAny();
        ValidationException e = assertThrows(ValidationException.class,
                () -> body("{\"status\": \"won\"}").unchanged("status", "open", "closes elsewhere").throwIfAny());
        assertEquals("status", e.violations().get(0).field());
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

    @Test
    void listsDatesInstantsAndNumbersNameTheBadElement() {
        Body b = body("{\"roles\": [\"coach\", \"boss\", \"economic-buyer\"], \"attitude\": \"grumpy\", "
                + "\"influence\": 4.5, \"contactIds\": [\"c1\", 7], \"dueDate\": \"31.03.2027\", "
                + "\"occurredAt\": \"2027-03-31 09:30\"}");
        assertEquals(Set.of(BuyingCenterRole.COACH, BuyingCenterRole.ECONOMIC_BUYER),
                b.choiceSet("roles", BuyingCenterRole.class, Set.of()));
        assertNull(b.choice("attitude", Attitude.class, null));
        assertNull(b.integer("influence", null));
        assertEquals(List.of("c1"), b.textList("contactIds", List.of()));
        assertNull(b.date("dueDate", null));
        assertNull(b.instant("occurredAt", null));
        ValidationException e = assertThrows(ValidationException.class, b::throwIfAny);
        assertEquals(List.of("roles[1]", "attitude", "influence", "contactIds[1]", "dueDate", "occurredAt"),
                e.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void wellFormedValuesAreRead() {
        Body b = body("{\"roles\": null, \"influence\": 3, \"participants\": [], \"dueDate\": \"2027-03-31\", "
                + "\"occurredAt\": \"2027-03-31T11:30:00+02:00\"}");
        assertEquals(Set.of(), b.choiceSet("roles", BuyingCenterRole.class, Set.of(BuyingCenterRole.USER)));
        assertEquals(3, b.integer("influence", null));
        assertEquals(5, b.integer("relationshipStrength", 5));
        assertEquals(List.of(), b.textList("participants", List.of("u1")));
        assertEquals(LocalDate.parse("2027-03-31"), b.date("dueDate", null));
        assertEquals(Instant.parse("2027-03-31T09:30:00Z"), b.instant("occurredAt", null));
        b.throwIfAny();
    }

    @Test
    void numberTextWithAHugeExponentIsOutOfRangeNotComputed() {
        Body b = body("{\"annualSales\": \"1e4000000\", \"potential\": \"-1e999999999\", \"share\": \"1e-5000\", "
                + "\"count\": \"1\"}");
        assertNull(b.decimal("annualSales", null));
        assertNull(b.decimal("potential", null));
        assertNull(b.decimal("share", null));
        assertNull(b.whole("count"));
        ValidationException e = assertThrows(ValidationException.class, b::throwIfAny);
        assertEquals(List.of("annualSales", "potential", "share", "count"),
                e.violations().stream().map(v -> v.field()).toList());
        assertEquals("is out of range", e.violations().get(0).message());
    }

    @Test
    void aNumberLongerThanAnyFieldHoldsIsRefused() {
        Body b = body("{\"annualSales\": \"" + "9".repeat(101) + "\"}");
        assertNull(b.decimal("annualSales", null));
        assertThrows(ValidationException.class, b::throwIfAny);
    }
}
