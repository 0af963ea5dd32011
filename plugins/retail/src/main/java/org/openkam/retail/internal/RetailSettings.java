package org.openkam.retail.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Retail for the business unit(s) one factory configuration names. Nothing ships: without a configuration no unit
 * is served, and every retail route answers 404 (see {@link org.openkam.api.unit.UnitEnablement}).
 */
@Component(service = RetailSettings.class, configurationPid = RetailSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RetailSettings.Config.class, factory = true)
public final class RetailSettings {

    /** The factory PID; FileInstall reads {@code etc/org.openkam.retail.settings-<unit>.cfg}. */
    public static final String PID = "org.openkam.retail.settings";

    @ObjectClassDefinition(name = "Retail",
            description = "Retail / consumer-goods key account management for one business unit (or * for every unit).")
    public @interface Config {
        @AttributeDefinition(name = "Business unit", description = "The unit's id, or * for every unit without a "
                + "configuration of its own.")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "false keeps retail from the unit.")
        boolean enabled() default true;

        @AttributeDefinition(name = "Compound discounts", description = "true: each percentage discount of the price "
                + "waterfall applies to the price left by the ones before; false: they add up and apply to the list "
                + "price.")
        boolean discounts_compound() default true;

        @AttributeDefinition(name = "Baseline weeks", description = "Weeks of sell-out before a promotion whose "
                + "average is its baseline when none is entered.", min = "1", max = "52")
        int baseline_weeks() default 8;
    }

    private final boolean compound;
    private final int baselineWeeks;

    @Activate
    public RetailSettings(Config config) {
        if (config.baseline_weeks() < 1 || config.baseline_weeks() > 52) {
            throw new IllegalArgumentException("baseline.weeks must be from 1 to 52, not " + config.baseline_weeks());
        }
        this.compound = config.discounts_compound();
        this.baselineWeeks = config.baseline_weeks();
    }

    /** Whether percentage discounts compound (else they add). */
    public boolean compound() {
        return compound;
    }

    public int baselineWeeks() {
        return baselineWeeks;
    }
}
