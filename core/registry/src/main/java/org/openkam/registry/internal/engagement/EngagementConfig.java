package org.openkam.registry.internal.engagement;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The windows of the buying-center coverage and of the coordination warnings (PID {@code org.openkam.engagement}). */
@ObjectClassDefinition(name = "OpenKAM engagement",
        description = "How fresh a contact must be, and how close in time two team members' contacts with the "
                + "same person must be to warn about coordinating")
public @interface EngagementConfig {

    @AttributeDefinition(name = "Freshness window (days)", description = "A contact not met in a done activity "
            + "for longer than this is reported as stale in the buying-center coverage", min = "1")
    int freshness_days() default 90;

    @AttributeDefinition(name = "Coordination window (days)", description = "A team member logging or planning "
            + "contact with a person whom another member contacted or plans to contact this many days before or "
            + "after is warned; 0 turns the warnings off", min = "0")
    int coordination_days() default 7;
}
