package org.openkam.api.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UnitEnablementTest {

    /** An instance: a name and its properties. */
    private record Instance(String name, Map<String, Object> properties) {
    }

    private static Instance instance(String name, Object units, Object enabled) {
        Map<String, Object> p = new HashMap<>();
        if (units != null) {
            p.put(UnitEnablement.BUSINESS_UNIT, units);
        }
        if (enabled != null) {
            p.put(UnitEnablement.ENABLED, enabled);
        }
        return new Instance(name, p);
    }

    private static Optional<String> serving(String unit, Instance... instances) {
        return UnitEnablement.serving(unit, List.of(instances), Instance::properties).map(Instance::name);
    }

    @Test
    void theUnitsOwnInstanceWinsOverTheOneForEveryUnit() {
        Instance every = instance("every", "*", null);
        Instance own = instance("own", new String[] {"north", "south"}, null);
        assertEquals(Optional.of("own"), serving("north", every, own));
        assertEquals(Optional.of("own"), serving("south", own, every));
        assertEquals(Optional.of("every"), serving("west", every, own), "a unit without its own takes every unit's");
    }

    @Test
    void aUnitSwitchedOffKeepsTheInstanceForEveryUnitAway() {
        Instance every = instance("every", "*", null);
        Instance off = instance("off", "north", "FALSE ");
        assertEquals(Optional.empty(), serving("north", every, off));
        assertEquals(new UnitEnablement.Decision<>(off, false, false),
                UnitEnablement.decide("north", List.of(every, off), Instance::properties).orElseThrow());
        assertEquals(Optional.of("every"), serving("south", every, off));
    }

    @Test
    void everyUnitSwitchedOffLeavesUnitsWithAnInstanceOfTheirOwn() {
        Instance every = instance("every", List.of("*"), false);
        Instance own = instance("own", "north", true);
        assertEquals(Optional.of("own"), serving("north", every, own));
        assertEquals(Optional.empty(), serving("south", every, own));
        assertEquals(new UnitEnablement.Decision<>(every, true, false),
                UnitEnablement.decide("south", List.of(every, own), Instance::properties).orElseThrow());
    }

    @Test
    void noInstanceNamingTheUnitOrEveryUnitServesNothing() {
        assertEquals(Optional.empty(), serving("north", instance("unnamed", null, null), instance("other", "south",
                null)));
        assertEquals(Optional.empty(), UnitEnablement.decide("north", List.<Instance>of(), Instance::properties));
    }

    @Test
    void theFirstOfSeveralInstancesForTheSameUnitWins() {
        assertEquals(Optional.of("older"), serving("north", instance("older", "north", null),
                instance("newer", "north", null)));
    }

    @Test
    void unitsAreReadFromTextsArraysAndCollections() {
        assertEquals(Set.of("a"), UnitEnablement.units(" a "));
        assertEquals(Set.of("a", "b"), UnitEnablement.units(new String[] {"a", " ", "b", null}));
        assertEquals(Set.of("a", "b"), UnitEnablement.units(List.of("a", "b")));
        assertEquals(Set.of(), UnitEnablement.units(null));
        assertEquals(Set.of(), UnitEnablement.units(42));
    }

    @Test
    void onlyFalseSwitchesOff() {
        assertTrue(UnitEnablement.enabled(null));
        assertTrue(UnitEnablement.enabled(true));
        assertTrue(UnitEnablement.enabled("true"));
        assertTrue(UnitEnablement.enabled("yes"));
        assertFalse(UnitEnablement.enabled(false));
        assertFalse(UnitEnablement.enabled(" FALSE "));
    }
}
