package org.openkam.http.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openkam.api.Role;
import org.openkam.api.Violations;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A JSON request body read field by field, so that every wrongly typed or unknown field is reported by
 * name, and a partial update can fall back to the stored value for each absent field.
 */
public final class Body {

    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_EXPONENT = 1000;
    private final JsonObject json;
    private final Violations violations = new Violations();

    public Body(JsonObject json) {
        this.json = json;
    }

    /** Reports fields that are neither {@code writable} nor {@code readOnly} (which are ignored). */
    public Body allow(Set<String> writable, Set<String> readOnly) {
        for (String key : json.keySet()) {
            if (!writable.contains(key) && !readOnly.contains(key)) {
                violations.add(key, "is not a field of this resource; known fields are " + new TreeSet<>(writable));
            }
        }
        return this;
    }

    public boolean has(String field) {
        return json.has(field);
    }

    /**
     * The field as sent, or {@code null}: for values whose shape the route checks itself against a description of its
     * own (configuration properties typed by metatype). Read through {@link Exchange#body()} it is strict JSON.
     *
     * @since 1.1
     */
    public JsonElement value(String field) {
        return json.get(field);
    }

    public String text(String field, String absent) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        violations.add(field, "must be a text");
        return absent;
    }

    public BigDecimal decimal(String field, BigDecimal absent) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            try {
                if (p.isNumber() || p.isString()) {
                    BigDecimal value = new BigDecimal(bounded(p.getAsString()));
                    if (Math.abs((long) value.scale()) <= MAX_EXPONENT) {
                        return value;
                    }
                    violations.add(field, "is out of range");
                    return absent;
                }
            } catch (NumberFormatException ex) {
                // reported below
            }
        }
        violations.add(field, "must be a number such as 1250000.50");
        return absent;
    }

    /**
     * Number text short enough to parse; with {@link #MAX_EXPONENT} this keeps {@code 1e4000000} (seconds of CPU
     * when scaled) and {@code -1e999999999} (beyond what BigDecimal can scale) from any arithmetic.
     */
    private static String bounded(String text) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new NumberFormatException("too long");
        }
        return text;
    }

    public Boolean bool(String field, Boolean absent) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        violations.add(field, "must be true or false");
        return absent;
    }

    public Long whole(String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return new BigDecimal(bounded(e.getAsString())).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException ex) {
            // reported below
        }
        violations.add(field, "must be a whole number");
        return null;
    }

    /**
     * Reports a field that cannot be written here if it is sent with a value other than {@code current}, so
     * that a resource read from the API can be sent back but a change is not silently ignored.
     */
    public Body unchanged(String field, String current, String message) {
        JsonElement e = json.get(field);
        if (e != null) {
            String sent = e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
            if (!Objects.equals(sent, current)) {
                violations.add(field, message);
            }
        }
        return this;
    }

    public <E extends Enum<E>> E choice(String field, Class<E> type, E absent) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return null;
        }
        E value = e.isJsonPrimitive() ? parse(type, e.getAsString()) : null;
        if (value == null) {
            violations.add(field, "must be one of " + choices(type));
            return absent;
        }
        return value;
    }

    /** A whole number that fits an int; {@code null} clears. */
    public Integer integer(String field, Integer absent) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return null;
        }
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return new BigDecimal(bounded(e.getAsString())).intValueExact();
            }
        } catch (ArithmeticException | NumberFormatException ex) {
            // reported below
        }
        violations.add(field, "must be a whole number");
        return absent;
    }

    /** A day as ISO-8601 text such as {@code 2027-03-31}. */
    public LocalDate date(String field, LocalDate absent) {
        return parsed(field, absent, LocalDate::parse, "must be a date such as 2027-03-31");
    }

    /** An instant as ISO-8601 text with an offset, such as {@code 2027-03-31T09:30:00Z}. */
    public Instant instant(String field, Instant absent) {
        return parsed(field, absent, text -> OffsetDateTime.parse(text).toInstant(),
                "must be a time with offset such as 2027-03-31T09:30:00Z");
    }

    /** A text field parsed into a value; a parse failure is reported with {@code message}. */
    private <T> T parsed(String field, T absent, Function<String, T> parser, String message) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return null;
        }
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                return parser.apply(e.getAsString());
            }
        } catch (DateTimeParseException ex) {
            // reported below
        }
        violations.add(field, message);
        return absent;
    }

    /** A list of texts; {@code null} empties it; a bad element is named by its index, e.g. {@code contactIds[1]}. */
    public List<String> textList(String field, List<String> absent) {
        List<String> out = new ArrayList<>();
        return elements(field, absent, List.of(), "must be a list of texts", out, (at, item) -> {
            if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString()) {
                out.add(item.getAsString());
            } else {
                violations.add(at, "must be a text");
            }
        });
    }

    /** A set of enum values; {@code null} empties it; a bad element is named by its index, e.g. {@code roles[1]}. */
    public <E extends Enum<E>> Set<E> choiceSet(String field, Class<E> type, Set<E> absent) {
        Set<E> out = EnumSet.noneOf(type);
        return elements(field, absent, Set.of(), "must be a list out of " + choices(type), out, (at, item) -> {
            E value = item.isJsonPrimitive() ? parse(type, item.getAsString()) : null;
            if (value == null) {
                violations.add(at, "must be one of " + choices(type));
            } else {
                out.add(value);
            }
        });
    }

    public Map<String, String> texts(String field, Map<String, String> absent) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return Map.of();
        }
        if (!e.isJsonObject()) {
            violations.add(field, "must be an object of texts");
            return absent;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
            JsonElement v = entry.getValue();
            if (v.isJsonPrimitive()) {
                out.put(entry.getKey(), v.getAsString());
            } else {
                violations.add(field + "." + entry.getKey(), "must be a text, number or boolean");
            }
        }
        return out;
    }

    /**
     * A nested object read by {@code reader}, whose problems are reported under this field
     * ({@code period.end}); {@code null} stays {@code null}.
     */
    public <T> T object(String field, T absent, Function<Body, T> reader) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            violations.add(field, "must be an object");
            return absent;
        }
        return nested(field, e.getAsJsonObject(), reader);
    }

    /**
     * A list of objects, each read by {@code reader}, whose problems are reported under the item's index
     * ({@code objectives[1].target}); {@code null} is an empty list.
     */
    public <T> List<T> objects(String field, List<T> absent, Function<Body, T> reader) {
        List<T> out = new ArrayList<>();
        return elements(field, absent, List.of(), "must be a list of objects", out, (at, item) -> {
            if (item.isJsonObject()) {
                out.add(nested(at, item.getAsJsonObject(), reader));
            } else {
                violations.add(at, "must be an object");
            }
        });
    }

    /**
     * Reads a list field: {@code absent} if missing, {@code empty} if {@code null}, else {@code out} after
     * {@code item} has read each element with its path ({@code field[i]}) into it.
     */
    private <C> C elements(String field, C absent, C empty, String notAList, C out,
            BiConsumer<String, JsonElement> item) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return empty;
        }
        if (!e.isJsonArray()) {
            violations.add(field, notAList);
            return absent;
        }
        JsonArray array = e.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            item.accept(field + "[" + i + "]", array.get(i));
        }
        return out;
    }

    private <T> T nested(String path, JsonObject object, Function<Body, T> reader) {
        Body inner = new Body(object);
        T value = reader.apply(inner);
        inner.violations.list().forEach(v -> violations.add(path + "." + v.field(), v.message()));
        return value;
    }

    /** Role grants: an object of business unit id to a list of role names. */
    public Map<String, Set<Role>> grants(String field, Map<String, Set<Role>> absent) {
        JsonElement e = json.get(field);
        if (e == null) {
            return absent;
        }
        if (e.isJsonNull()) {
            return Map.of();
        }
        if (!e.isJsonObject()) {
            violations.add(field, "must be an object of business unit to a list of roles");
            return absent;
        }
        Map<String, Set<Role>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (entry.getValue().isJsonArray()) {
                for (JsonElement r : entry.getValue().getAsJsonArray()) {
                    Role role = r.isJsonPrimitive() ? Role.fromKey(r.getAsString()).orElse(null) : null;
                    if (role == null) {
                        violations.add(field + "." + entry.getKey(), "must list roles out of "
                                + Arrays.stream(Role.values()).map(Role::key).collect(Collectors.joining(", ")));
                    } else {
                        roles.add(role);
                    }
                }
            } else {
                violations.add(field + "." + entry.getKey(), "must be a list of roles");
            }
            out.put(entry.getKey(), roles);
        }
        return out;
    }

    /** Throws a validation error with every problem found while reading, if any. */
    public void throwIfAny() {
        violations.throwIfAny();
    }

    /**
     * Throws if reading found problems, adding what the value's own rules find for the other fields, so a
     * caller learns about every bad field at once. Without reading problems the service validates.
     */
    public void throwIfAny(Violations ownRules) {
        if (violations.isEmpty()) {
            return;
        }
        Set<String> reported = violations.list().stream().map(v -> v.field()).collect(Collectors.toSet());
        ownRules.list().stream().filter(v -> !reported.contains(v.field()))
                .forEach(v -> violations.add(v.field(), v.message()));
        violations.throwIfAny();
    }

    /** The enum constant a wire name ({@code key-account-manager}) stands for, or {@code null}. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Json::wire).collect(Collectors.joining(", "));
    }
}
