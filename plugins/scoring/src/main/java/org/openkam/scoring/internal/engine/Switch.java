package org.openkam.scoring.internal.engine;

/**
 * Whether a model scores a business unit, and what decides it.
 *
 * @param businessUnit the unit ({@code *}: every unit without an instance of its own)
 * @param enabled whether the model scores the unit
 * @param source {@value #UNIT}: an instance naming the unit itself (a unit's own configuration, switched on or
 *        off); {@value #EVERY_UNIT}: the instance for every unit; {@value #NONE}: no instance names it
 */
public record Switch(String businessUnit, boolean enabled, String source) {

    public static final String UNIT = "unit";
    public static final String EVERY_UNIT = "every-unit";
    public static final String NONE = "none";
}
