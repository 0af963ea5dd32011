package org.openkam.console.internal.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openkam.api.Violation;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ConfigValuesTest {

    /** A definition as a metatype provider describes it; validate() refuses what {@code refuse} names. */
    record Ad(String id, int type, int cardinality, String[] options, Function<String, String> refuse,
            String[] defaults) implements AttributeDefinition {

        Ad(String id, int type, int cardinality) {
            this(id, type, cardinality, null, v -> null, null);
        }

        Ad(String id, int type, int cardinality, String[] options, Function<String, String> refuse) {
            this(id, type, cardinality, options, refuse, null);
        }

        public String getName() {
            return id;
        }

        public String getID() {
            return id;
        }

        public String getDescription() {
            return null;
        }

        public int getCardinality() {
            return cardinality;
        }

        public int getType() {
            return type;
        }

        public String[] getOptionValues() {
            return options;
        }

        public String[] getOptionLabels() {
            return options;
        }

        public String validate(String value) {
            return refuse.apply(value);
        }

        public String[] getDefaultValue() {
            return defaults;
        }
    }

    record Ocd(List<AttributeDefinition> required, List<AttributeDefinition> optional) implements ObjectClassDefinition {

        public String getName() {
            return "Test";
        }

        public String getID() {
            return "test.pid";
        }

        public String getDescription() {
            return null;
        }

        public AttributeDefinition[] getAttributeDefinitions(int filter) {
            List<AttributeDefinition> out = filter == REQUIRED ? required : filter == OPTIONAL ? optional
                    : java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
            return out.toArray(new AttributeDefinition[0]);
        }

        public InputStream getIcon(int size) {
            return null;
        }
    }

    private final Ocd ocd = new Ocd(
            List.of(new Ad("businessUnit", AttributeDefinition.STRING, 0),
                    new Ad("b.cutoff", AttributeDefinition.DOUBLE, 0, null, v -> "", new String[] { "95" })),
            List.of(new Ad("a.cutoff", AttributeDefinition.DOUBLE, 0, null,
                            v -> Double.parseDouble(v) > 100 ? "Value 101 is greater than 100" : ""),
                    new Ad("runs", AttributeDefinition.INTEGER, 0),
                    new Ad("enabled", AttributeDefinition.BOOLEAN, 0),
                    new Ad("scheme", AttributeDefinition.STRING, 0, new String[] { "four-box", "millman-wilson" },
                            v -> ""),
                    new Ad("tags", AttributeDefinition.STRING, 2),
                    new Ad("levels", AttributeDefinition.LONG, -5)));

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static Map<String, String> byField(List<Violation> violations) {
        return violations.stream().collect(Collectors.toMap(Violation::field, Violation::message));
    }

    @Test
    void typesEveryValueAsTheMetatypeSays() {
        ConfigValues.Checked c = ConfigValues.check(ocd, json("""
                {"businessUnit": "cg", "a.cutoff": "70.5", "runs": 3, "enabled": "true", "scheme": "four-box",
                 "tags": ["x", "y"], "levels": [1, "2"]}"""));
        assertEquals(List.of(), c.violations());
        assertEquals("cg", c.properties().get("businessUnit"));
        assertEquals(70.5, c.properties().get("a.cutoff"));
        assertEquals(3, c.properties().get("runs"));
        assertEquals(Boolean.TRUE, c.properties().get("enabled"));
        assertArrayEquals(new String[] { "x", "y" }, (String[]) c.properties().get("tags"));
        assertEquals(List.of(1L, 2L), c.properties().get("levels"));
    }

    @Test
    void leavesOutEmptyOptionalValuesSoDefaultsApply() {
        ConfigValues.Checked c = ConfigValues.check(ocd, json("""
                {"businessUnit": "cg", "a.cutoff": "", "runs": null, "tags": []}"""));
        assertEquals(List.of(), c.violations());
        assertEquals(Map.of("businessUnit", "cg"), Map.copyOf(c.properties()));
    }

    @Test
    void aRequiredAttributeWithADefaultMayBeLeftEmpty() {
        ConfigValues.Checked c = ConfigValues.check(ocd, json("""
                {"businessUnit": "cg", "b.cutoff": ""}"""));
        assertEquals(List.of(), c.violations());
        assertEquals(null, c.properties().get("b.cutoff"), "the default applies");
    }

    @Test
    void namesEveryBadAttribute() {
        ConfigValues.Checked c = ConfigValues.check(ocd, json("""
                {"a.cutoff": 101, "runs": 2.5, "enabled": "maybe", "scheme": "grid", "tags": ["a", "b", "c"],
                 "levels": [{"x": 1}], "colour": "red"}"""));
        Map<String, String> errors = byField(c.violations());
        assertEquals(List.of("a.cutoff", "businessUnit", "colour", "enabled", "levels", "runs", "scheme", "tags"),
                errors.keySet().stream().sorted().toList());
        assertEquals("is required", errors.get("businessUnit"));
        assertEquals("Value 101 is greater than 100", errors.get("a.cutoff"), "the metatype's own check is used");
        assertTrue(errors.get("runs").contains("whole number"), errors.get("runs"));
        assertTrue(errors.get("enabled").contains("true or false"), errors.get("enabled"));
        assertTrue(errors.get("scheme").contains("four-box"), errors.get("scheme"));
        assertTrue(errors.get("tags").contains("at most 2"), errors.get("tags"));
        assertTrue(errors.get("colour").startsWith("is not an attribute"), errors.get("colour"));
    }

    @Test
    void refusesSeveralValuesForASingleValuedAttribute() {
        ConfigValues.Checked c = ConfigValues.check(ocd, json("""
                {"businessUnit": ["a", "b"]}"""));
        assertEquals("takes one value, not 2", byField(c.violations()).get("businessUnit"));
    }

    @Test
    void listsStoredValuesAsTexts() {
        assertEquals(List.of("1", "2"), ConfigValues.strings(new int[] { 1, 2 }));
        assertEquals(List.of("a"), ConfigValues.strings("a"));
        assertEquals(List.of("x", "y"), ConfigValues.strings(Arrays.asList("x", "y")));
    }
}
