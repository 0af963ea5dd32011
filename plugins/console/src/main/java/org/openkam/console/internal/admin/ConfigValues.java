package org.openkam.console.internal.admin;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;

import org.openkam.api.Violation;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Turns the properties a form sends (JSON: a string, number or boolean per attribute, an array for a multi-value
 * one) into the typed configuration properties the metatype describes, or into one violation per bad attribute
 * (the field is the attribute id): an unknown attribute, a missing required one without a default, a value of the wrong type, too
 * many values, a value that is not one of the options, or one that {@link AttributeDefinition#validate} refuses.
 * An empty value of an optional attribute is left out, so its default applies.
 */
final class ConfigValues {

    private ConfigValues() {
    }

    /** The outcome: typed properties when {@code violations} is empty. */
    record Checked(Hashtable<String, Object> properties, List<Violation> violations) {
    }

    static Checked check(ObjectClassDefinition ocd, JsonObject input) {
        Map<String, AttributeDefinition> all = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        AttributeDefinition[] req = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        if (req != null) {
            for (AttributeDefinition ad : req) {
                all.put(ad.getID(), ad);
                required.add(ad.getID());
            }
        }
        AttributeDefinition[] opt = ocd.getAttributeDefinitions(ObjectClassDefinition.OPTIONAL);
        if (opt != null) {
            for (AttributeDefinition ad : opt) {
                all.putIfAbsent(ad.getID(), ad);
            }
        }
        Hashtable<String, Object> out = new Hashtable<>();
        List<Violation> violations = new ArrayList<>();
        for (String key : input.keySet()) {
            if (!all.containsKey(key)) {
                violations.add(new Violation(key, "is not an attribute of " + ocd.getID() + "; known: " + all.keySet()));
            }
        }
        for (AttributeDefinition ad : all.values()) {
            List<String> values = values(input.get(ad.getID()));
            if (values == null) {
                violations.add(new Violation(ad.getID(), "must be a string, number or boolean"
                        + (ad.getCardinality() == 0 ? "" : ", or an array of them")));
                continue;
            }
            values.removeIf(String::isEmpty);
            if (values.isEmpty()) {
                if (required.contains(ad.getID()) && !hasDefault(ad)) {
                    violations.add(new Violation(ad.getID(), "is required"));
                }
                continue;
            }
            String problem = problem(ad, values);
            if (problem != null) {
                violations.add(new Violation(ad.getID(), problem));
            } else {
                out.put(ad.getID(), typed(ad, values));
            }
        }
        return new Checked(out, violations);
    }

    /**
     * True if the attribute has a default. The metatype annotations mark every attribute required unless told
     * otherwise, defaults or not; one with a default may be left empty, and then the default applies.
     */
    static boolean hasDefault(AttributeDefinition ad) {
        String[] defaults = ad.getDefaultValue();
        return defaults != null && defaults.length > 0;
    }

    /** The values as strings ({@code []} when absent or null), or {@code null} for a nested object or array. */
    private static List<String> values(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (e.isJsonPrimitive()) {
            out.add(text(e.getAsJsonPrimitive()));
            return out;
        }
        if (e.isJsonArray()) {
            for (JsonElement item : (JsonArray) e) {
                if (item.isJsonNull()) {
                    continue;
                }
                if (!item.isJsonPrimitive()) {
                    return null;
                }
                out.add(text(item.getAsJsonPrimitive()));
            }
            return out;
        }
        return null;
    }

    private static String text(JsonPrimitive p) {
        if (p.isNumber()) {
            String s = p.getAsNumber().toString();
            return s;
        }
        return p.getAsString().strip();
    }

    /** Why the values do not fit the attribute, or {@code null} if they do. */
    static String problem(AttributeDefinition ad, List<String> values) {
        int cardinality = ad.getCardinality();
        int most = cardinality == 0 ? 1 : cardinality == Integer.MIN_VALUE || cardinality == Integer.MAX_VALUE
                ? Integer.MAX_VALUE : Math.abs(cardinality);
        if (values.size() > most) {
            return most == 1 ? "takes one value, not " + values.size() : "takes at most " + most + " values";
        }
        String[] options = ad.getOptionValues();
        for (String value : values) {
            if (convert(ad.getType(), value) == null) {
                return "must be " + typeText(ad.getType()) + ", not '" + value + "'";
            }
            if (options != null && options.length > 0 && !Arrays.asList(options).contains(value)) {
                return "must be one of " + Arrays.toString(options) + ", not '" + value + "'";
            }
            String refused = ad.validate(cardinality == 0 ? value : escape(value));
            if (refused != null && !refused.isEmpty()) {
                return refused;
            }
        }
        return null;
    }

    /** The metatype's value syntax escapes commas and backslashes (multi-value strings are comma separated). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,");
    }

    /** A single value, an array (positive cardinality) or a vector (negative) of the attribute's type. */
    private static Object typed(AttributeDefinition ad, List<String> values) {
        int type = ad.getType();
        if (ad.getCardinality() == 0) {
            return convert(type, values.get(0));
        }
        if (ad.getCardinality() < 0) {
            Vector<Object> out = new Vector<>();
            values.forEach(v -> out.add(convert(type, v)));
            return out;
        }
        Object array = Array.newInstance(javaType(type), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, convert(type, values.get(i)));
        }
        return array;
    }

    /** The value as the type's wrapper object, or {@code null} if it is not one. */
    static Object convert(int type, String value) {
        try {
            return switch (type) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(value);
                case AttributeDefinition.LONG -> Long.valueOf(value);
                case AttributeDefinition.SHORT -> Short.valueOf(value);
                case AttributeDefinition.BYTE -> Byte.valueOf(value);
                case AttributeDefinition.DOUBLE -> finite(Double.valueOf(value));
                case AttributeDefinition.FLOAT -> Float.isFinite(Float.parseFloat(value)) ? Float.valueOf(value) : null;
                case AttributeDefinition.BOOLEAN -> "true".equalsIgnoreCase(value) ? Boolean.TRUE
                        : "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
                case AttributeDefinition.CHARACTER -> value.length() == 1 ? Character.valueOf(value.charAt(0)) : null;
                default -> value;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double finite(Double d) {
        return d.isInfinite() || d.isNaN() ? null : d;
    }

    private static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }

    /** The type as the API names it. */
    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> "integer";
            case AttributeDefinition.LONG -> "long";
            case AttributeDefinition.SHORT -> "short";
            case AttributeDefinition.BYTE -> "byte";
            case AttributeDefinition.DOUBLE -> "double";
            case AttributeDefinition.FLOAT -> "float";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.CHARACTER -> "char";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "string";
        };
    }

    private static String typeText(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "a whole number";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
            case AttributeDefinition.BOOLEAN -> "true or false";
            case AttributeDefinition.CHARACTER -> "a single character";
            default -> "text";
        };
    }

    /** A stored property value as JSON-friendly strings, one per value. */
    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(String.valueOf(Array.get(value, i)));
            }
        } else if (value instanceof java.util.Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else {
            out.add(String.valueOf(value));
        }
        return out;
    }
}
