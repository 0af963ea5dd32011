package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.Caller;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.unit.UnitConfigurations;
import org.openkam.api.unit.UnitEnablement;
import org.openkam.itest.rating.SlowRating;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A per-unit configuration written through the platform is answered once the plugin's component runs with it, in a
 * real Felix with Declarative Services (whose delivery of a change is asynchronous): the component below needs 300 ms
 * to start, so an early answer would find it not yet running, or running with the old values. Values the component
 * refuses are the caller's validation error, and the values in force before run again when the answer comes.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ConfigurationUptakeTest {

    static final Caller ADMIN = new Caller("itest", "itest", true, Map.of());

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    UnitConfigurations configurations;

    @InjectService(timeout = 10_000)
    ServiceComponentRuntime scr;

    @Test
    void aChangeIsAnsweredOnceThePluginRunsWithItAndARefusalLeavesTheValuesInForceRunning() throws Exception {
        String every = UnitEnablement.EVERY_UNIT;
        configurations.write(ADMIN, SlowRating.PID, every, Map.of("low", "20"), true);
        assertEquals(List.of("20.0"), running("low"), "created: running with its value when answered");

        configurations.write(ADMIN, SlowRating.PID, every, Map.of("low", "30"), true);
        assertEquals(List.of("30.0"), running("low"), "changed: the new value runs when answered");

        ValidationException refused = assertThrows(ValidationException.class,
                () -> configurations.write(ADMIN, SlowRating.PID, every, Map.of("low", "95"), true));
        assertEquals(List.of(new Violation("parameters", "were refused by the plugin: " + SlowRating.REFUSAL)),
                refused.violations());
        assertEquals(List.of("30.0"), running("low"), "refused: the values before run again when answered");
        assertEquals(Map.of("low", "30.0"), configurations.read(ADMIN, SlowRating.PID, every).orElseThrow()
                .parameters(), "and they are what is stored");

        configurations.delete(ADMIN, SlowRating.PID, every);
        assertEquals(List.of(), states(), "deleted: the component no longer runs when answered");
    }

    /** The property of each running (active) instance of the component. */
    private List<String> running(String property) {
        List<String> out = new ArrayList<>();
        for (ComponentConfigurationDTO c : configurationsOfTheComponent()) {
            if (c.state == ComponentConfigurationDTO.ACTIVE) {
                out.add(String.valueOf(c.properties.get(property)));
            }
        }
        return out;
    }

    private List<Integer> states() {
        return configurationsOfTheComponent().stream().map(c -> c.state).toList();
    }

    private List<ComponentConfigurationDTO> configurationsOfTheComponent() {
        ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(context.getBundle(), SlowRating.class.getName());
        return new ArrayList<>(scr.getComponentConfigurationDTOs(d));
    }
}
