package org.openkam.registry.internal.unit;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.unit.UnitEnablement;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A unit configuration's parameters checked against the factory's metatype, as the texts to store: every bad or
 * unknown one is reported by name ({@code parameters.<name>}) and nothing is returned then. Values are stored in the
 * attribute's canonical text ({@code 70} for a double is {@code 70.0}); Declarative Services converts texts to the
 * component's types, and a file in {@code etc/} holds texts anyway.
 */
final class UnitParameters {

    private UnitParameters() {
    }

    /**
     * @param definition the factory's metatype, or {@code null} if it has none (then no parameter is known)
     * @return the parameters as texts, sorted by name
     * @throws ValidationException naming every bad parameter
     */
    static Map<String, String> checked(ObjectClassDefinition definition, Map<String, String> parameters) {
        Map<String, AttributeDefinition> known = new LinkedHashMap<>();
        AttributeDefinition[] all = definition == null ? null
                : definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            if (!ad.getID().equals(UnitEnablement.BUSINESS_UNIT) && !ad.getID().equals(UnitEnablement.ENABLED)) {
                known.put(ad.getID(), ad);
            }
        }
        Map<String, String> out = new TreeMap<>();
        Violations v = new Violations();
        parameters.forEach((key, value) -> {
            String field = "parameters." + key;
            AttributeDefinition ad = known.get(key);
            if (UnitEnablement.BUSINESS_UNIT.equals(key)) {
                v.add(field, "is the unit the configuration is for, not a parameter");
            } else if (UnitEnablement.ENABLED.equals(key)) {
                v.add(field, "is the switch (enabled), not a parameter");
            } else if (ad == null) {
                v.add(field, "is not a parameter here; known: " + known.keySet());
            } else if (value == null || value.isBlank()) {
                v.add(field, "must have a value");
            } else if (value.contains("${")) {
                v.add(field, "must not contain '${' (a configuration file would substitute it)");
            } else {
                String problem = problem(ad, value.strip());
                if (problem != null) {
                    v.add(field, problem);
                } else {
                    out.put(key, String.valueOf(convert(ad.getType(), value.strip())));
                }
            }
        });
        v.throwIfAny();
        return out;
    }

    /** Why the value does not fit the attribute, or {@code null} if it does. */
    private static String problem(AttributeDefinition ad, String value) {
        if (convert(ad.getType(), value) == null) {
            return "must be " + typeText(ad.getType()) + ", not '" + value + "'";
        }
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0 && !Arrays.asList(options).contains(value)) {
            return "must be one of " + Arrays.toString(options) + ", not '" + value + "'";
        }
        // the metatype's syntax for several values separates them by commas, escaped in a single value
        String refused = ad.validate(ad.getCardinality() == 0 ? value
                : value.replace("\\", "\\\\").replace(",", "\\,"));
        return refused == null || refused.isEmpty() ? null : refused;
    }

    /** The value as the type's object, or {@code null} if it is not one. */
    private static Object convert(int type, String value) {
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

    /** A stored property value as one text (several values joined by commas). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                values.add(String.valueOf(Array.get(value, i)));
            }
        } else if (value instanceof Collection<?> c) {
            c.forEach(x -> values.add(String.valueOf(x)));
        } else {
            return String.valueOf(value);
        }
        return String.join(",", values);
    }
}
