package org.openkam.itest.rating;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A per-unit plugin component that takes its time to start and refuses bands out of order, a rule its metatype
 * cannot express: what {@code ConfigurationUptakeTest} configures through the platform.
 */
@Component(service = SlowRating.class, configurationPid = SlowRating.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = SlowRating.Config.class, factory = true)
public final class SlowRating {

    public static final String PID = "org.openkam.itest.rating";
    public static final String REFUSAL = "the low band must lie below the high one";

    @ObjectClassDefinition(name = "itest: slow rating")
    public @interface Config {

        String businessUnit();

        double low() default 10;

        double high() default 90;
    }

    @Activate
    public SlowRating(Config config) throws InterruptedException {
        Thread.sleep(300); // immediate, so it runs once started: an answer before that would show
        if (config.low() >= config.high()) {
            throw new IllegalArgumentException(REFUSAL);
        }
    }
}
