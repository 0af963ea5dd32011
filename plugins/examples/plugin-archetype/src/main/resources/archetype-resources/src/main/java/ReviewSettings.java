package ${package};

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The plugin's settings for the business unit(s) one factory configuration names; the routes serve a unit only
 * when {@link org.openkam.api.unit.UnitEnablement.serving} finds an instance for it. Nothing is shipped: without a
 * configuration the plugin serves no unit.
 */
@Component(service = ReviewSettings.class, configurationPid = ReviewSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ReviewSettings.Config.class, factory = true)
public final class ReviewSettings {

    /** The factory PID; FileInstall reads {@code etc/${package}.settings-<unit>.cfg}. */
    public static final String PID = "${package}.settings";

    @ObjectClassDefinition(name = "Business reviews",
            description = "Quarterly business reviews of key accounts, for one business unit (or * for every unit).")
    public @interface Config {
        @AttributeDefinition(name = "Business unit", description = "The unit's id, or * for every unit without a "
                + "configuration of its own.")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "false keeps the reviews from the unit.")
        boolean enabled() default true;

        @AttributeDefinition(name = "Cadence (days)", description = "Days from a review to the next one, when the "
                + "manager names no next review date.", min = "1", max = "366")
        int cadence_days() default 90;
    }

    private final int cadenceDays;

    @Activate
    public ReviewSettings(Config config) {
        if (config.cadence_days() < 1 || config.cadence_days() > 366) {
            throw new IllegalArgumentException("cadence.days must be from 1 to 366, not " + config.cadence_days());
        }
        this.cadenceDays = config.cadence_days();
    }

    public int cadenceDays() {
        return cadenceDays;
    }
}
