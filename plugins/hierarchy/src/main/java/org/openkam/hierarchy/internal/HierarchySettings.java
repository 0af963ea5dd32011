package org.openkam.hierarchy.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The plugin's settings for the business unit(s) one factory configuration names. A hierarchy is served when its
 * owning unit is ({@link org.openkam.api.unit.UnitEnablement#serving}); the product ships
 * {@code etc/org.openkam.hierarchy.settings-default.cfg} with {@code businessUnit=*}.
 */
@Component(service = HierarchySettings.class, configurationPid = HierarchySettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HierarchySettings.Config.class, factory = true)
public final class HierarchySettings {

    public static final String PID = "org.openkam.hierarchy.settings";

    @ObjectClassDefinition(name = "Global account hierarchies",
            description = "Hierarchies owned by one business unit (or * for every unit).")
    public @interface Config {
        @AttributeDefinition(name = "Business unit", description = "The unit's id, or * for every unit without a "
                + "configuration of its own.")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "false keeps the unit's hierarchies from the API.")
        boolean enabled() default true;
    }

    @Activate
    public HierarchySettings(Config config) {
        // nothing beyond the enablement, which the service properties carry
    }
}
