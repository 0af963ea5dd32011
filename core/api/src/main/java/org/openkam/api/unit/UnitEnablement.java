package org.openkam.api.unit;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule deciding which instance of a plugin (a component instance, a model, a service) serves a business unit,
 * from the properties of its instances, so that every plugin decides the same way:
 * <ol>
 * <li>the instance whose {@value #BUSINESS_UNIT} property names the unit itself, unless it says
 * {@value #ENABLED}{@code =false}: then nothing serves the unit, whatever the instance for every unit says (a unit
 * opts out);</li>
 * <li>else the instance naming {@value #EVERY_UNIT}, unless it says {@value #ENABLED}{@code =false};</li>
 * <li>else none.</li>
 * </ol>
 * With several instances naming the same unit, the first in the order given wins (plugins pass their instances
 * oldest service first). An instance without the {@value #BUSINESS_UNIT} property serves no unit.
 */
public final class UnitEnablement {

    /** The property naming the unit(s) an instance is for: a text, or an array or collection of texts. */
    public static final String BUSINESS_UNIT = "businessUnit";

    /** The {@value #BUSINESS_UNIT} value standing for every unit without an instance of its own. */
    public static final String EVERY_UNIT = "*";

    /**
     * The property switching an instance off for the units it names: off only when {@code false} (a boolean or its
     * text, in any case); absent or anything else means on.
     */
    public static final String ENABLED = "enabled";

    private UnitEnablement() {
    }

    /**
     * The instance that decides whether a unit is served.
     *
     * @param instance the deciding instance
     * @param everyUnit true if it decides as the instance for {@value #EVERY_UNIT}, false if it names the unit itself
     * @param enabled whether it serves the unit (false: it keeps the plugin from the unit)
     */
    public record Decision<T>(T instance, boolean everyUnit, boolean enabled) {
    }

    /** The instance deciding for {@code unit} (own, else every unit), switched on or off; empty if none names it. */
    public static <T> Optional<Decision<T>> decide(String unit, List<T> instances,
            Function<? super T, ? extends Map<String, ?>> properties) {
        for (String wanted : List.of(unit, EVERY_UNIT)) {
            for (T instance : instances) {
                Map<String, ?> p = properties.apply(instance);
                if (units(p.get(BUSINESS_UNIT)).contains(wanted)) {
                    return Optional.of(new Decision<>(instance, EVERY_UNIT.equals(wanted), enabled(p.get(ENABLED))));
                }
            }
        }
        return Optional.empty();
    }

    /** The instance serving {@code unit}, if any: the deciding one when it is switched on. */
    public static <T> Optional<T> serving(String unit, List<T> instances,
            Function<? super T, ? extends Map<String, ?>> properties) {
        return decide(unit, instances, properties).filter(Decision::enabled).map(Decision::instance);
    }

    /** A {@value #BUSINESS_UNIT} property value as unit ids (blank ones left out): a text, an array or a collection. */
    public static Set<String> units(Object property) {
        Set<String> units = new LinkedHashSet<>();
        if (property instanceof String s) {
            add(units, s);
        } else if (property instanceof Collection<?> c) {
            c.forEach(v -> add(units, v == null ? null : String.valueOf(v)));
        } else if (property != null && property.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(property); i++) {
                Object v = Array.get(property, i);
                add(units, v == null ? null : String.valueOf(v));
            }
        }
        return units;
    }

    /** An {@value #ENABLED} property value: false only for {@code false} or its text; absent means on. */
    public static boolean enabled(Object property) {
        return !(Boolean.FALSE.equals(property) || property instanceof String s && s.strip().equalsIgnoreCase("false"));
    }

    private static void add(Set<String> units, String value) {
        if (value != null && !value.isBlank()) {
            units.add(value.strip());
        }
    }
}
